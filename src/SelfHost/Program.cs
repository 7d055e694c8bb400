using VoiceMemory.SelfHost.Cli;

// No arguments, or `serve`, runs the server; anything else is an admin command, --help/--version, or an error (exit 2).
return await AdminCli.MainAsync(args);

/// <summary>The entry point (also the anchor for WebApplicationFactory in tests).</summary>
public partial class Program;
