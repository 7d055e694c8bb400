using VoiceMemory.SelfHost.Cli;
using VoiceMemory.SelfHost.Hosting;

if (AdminCli.IsCommand(args))
{
    return await AdminCli.RunAsync(args);
}

return await ServerApp.RunAsync(args);

/// <summary>The entry point (also the anchor for WebApplicationFactory in tests).</summary>
public partial class Program;
