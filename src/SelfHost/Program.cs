using VoiceMemory.SelfHost.Cli;
using VoiceMemory.SelfHost.Hosting;

if (AdminCli.IsCommand(args))
{
    return await AdminCli.RunAsync(args);
}

await ServerApp.Build(args).RunAsync();
return 0;

/// <summary>The entry point (also the anchor for WebApplicationFactory in tests).</summary>
public partial class Program;
