namespace VoiceMemory.AzureAdmin;

/// <summary>The entry point: <c>VoiceMemory.AzureAdmin restore …</c> (see <see cref="AzureAdminCli"/>).</summary>
public static class AzureAdminProgram
{
    public static Task<int> Main(string[] args) =>
        AzureAdminCli.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, CancellationToken.None);
}
