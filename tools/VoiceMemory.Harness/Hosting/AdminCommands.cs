namespace VoiceMemory.Harness.Hosting;

/// <summary>The server's admin CLI, run from the same dll as the server.</summary>
internal static class AdminCommands
{
    /// <summary><c>users add &lt;name&gt;</c>: returns the new API key (printed alone on stdout).</summary>
    public static async Task<string> AddUserAsync(ServerLaunch launch, string name)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var (exit, stdout, stderr) = await ProcessOutput.RunAsync("dotnet", [launch.ServerDll, "users", "add", name], launch.Environment());
        var key = stdout.Trim();
        return exit == 0 && key.Length > 0
            ? key
            : throw new InvalidOperationException($"users add {name} exited {exit}: {stderr.Trim()}");
    }

    /// <summary>Creates <paramref name="count"/> users and returns their keys, in order.</summary>
    public static async Task<IReadOnlyList<string>> AddUsersAsync(ServerLaunch launch, string prefix, int count)
    {
        var keys = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            keys.Add(await AddUserAsync(launch, $"{prefix}-{i}"));
        }

        return keys;
    }
}
