using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Tests.Integration;
using VoiceMemory.SelfHost.Tests.Maintenance;

namespace VoiceMemory.SelfHost.Tests.Cli;

/// <summary>The admin CLI as an operator runs it: the real executable, its exit codes, stdout and stderr.</summary>
public sealed class AdminCliProcessTests
{
    // Polling every 100 ms would pass the default 60 requests a minute.
    private static readonly Dictionary<string, string> Unlimited = new() { ["VoiceMemory__Limits__RequestsPerMinute"] = "100000" };

    [Theory]
    [InlineData("bogus")]
    [InlineData("user", "add", "bob")]
    [InlineData("backups")]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("users")]
    [InlineData("users", "delete", "bob")]
    [InlineData("users", "add")]
    [InlineData("users", "list", "extra")]
    [InlineData("restore")]
    [InlineData("serve", "now")]
    [InlineData("health", "--allow-duplicate")]
    [InlineData("--urls")]
    public async Task AMistypedCommandLine_SaysWhatWasWrong_PrintsUsage_Exits2_AndCreatesNoDataRoot(params string[] arguments)
    {
        using var folder = new TempFolder();
        var (exit, stdout, stderr) = await RunInFolderAsync(folder.Path, arguments);
        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: VoiceMemory.SelfHost", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_PrintsUsageOnStdout_AndExplainsTheServeOptions(string argument)
    {
        using var folder = new TempFolder();
        var (exit, stdout, _) = await RunInFolderAsync(folder.Path, argument);
        Assert.Equal(0, exit);
        Assert.Contains("usage: VoiceMemory.SelfHost", stdout, StringComparison.Ordinal);
        Assert.Contains("--urls", stdout, StringComparison.Ordinal);
        Assert.Contains("--data-root", stdout, StringComparison.Ordinal);
        Assert.Contains("VoiceMemory__", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        using var folder = new TempFolder();
        var (exit, stdout, _) = await RunInFolderAsync(folder.Path, "--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^VoiceMemory\.SelfHost \d+\.\d+", stdout.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task ExplicitServe_AndDataRootOption_RunTheServer()
    {
        using var folder = new TempFolder();
        var dataRoot = Path.Combine(folder.Path, "data");
        var port = FreePort();
        using var process = Start(folder.Path, null, "serve", "--urls", $"http://127.0.0.1:{port}", "--data-root", dataRoot);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var healthy = false;
            for (var i = 0; i < 600 && !healthy && !process.HasExited; i++)
            {
                try
                {
                    healthy = (await http.GetAsync($"http://127.0.0.1:{port}/api/health")).StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(healthy, "the server did not answer: " + (process.HasExited ? await process.StandardError.ReadToEndAsync() : "still starting"));
            Assert.True(File.Exists(Path.Combine(dataRoot, "voicememory.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Users_AddListRevokeRotate_ControlWhichKeyWorks()
    {
        using var folder = new TempFolder();
        var add = await ServerProcess.RunCliAsync(folder.Path, null, "users", "add", "bob");
        Assert.Equal(0, add.ExitCode);
        var firstKey = add.StandardOutput.Trim();

        // A second "bob" is refused unless asked for.
        var duplicate = await ServerProcess.RunCliAsync(folder.Path, null, "users", "add", "Bob");
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.StandardError, StringComparison.Ordinal);
        Assert.Equal("", duplicate.StandardOutput);
        var second = await ServerProcess.RunCliAsync(folder.Path, null, "users", "add", "bob", "--allow-duplicate");
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("vm_", second.StandardOutput.Trim(), StringComparison.Ordinal);

        var list = await ServerProcess.RunCliAsync(folder.Path, null, "users", "list");
        Assert.Equal(0, list.ExitCode);
        var rows = list.StandardOutput.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(["bob", "active"], [r[1], r[3]]));
        Assert.DoesNotContain(firstKey, list.StandardOutput, StringComparison.Ordinal);
        var bobId = rows[0][0];

        // Two users named bob: a name is ambiguous, the id is not.
        var ambiguous = await ServerProcess.RunCliAsync(folder.Path, null, "users", "revoke", "bob");
        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("give the id", ambiguous.StandardError, StringComparison.Ordinal);
        var unknown = await ServerProcess.RunCliAsync(folder.Path, null, "users", "rotate", "nobody");
        Assert.Equal(1, unknown.ExitCode);

        await using var server = await ServerProcess.StartAsync(folder.Path, Unlimited);
        using var client = Client(server.Url, firstKey);
        var turnId = await client.SubmitTextAsync("I live in Leeds.");
        await client.WaitAsync(turnId);

        var revoke = await ServerProcess.RunCliAsync(folder.Path, null, "users", "revoke", bobId);
        Assert.Equal(0, revoke.ExitCode);
        // At once, on the running server: no cache keeps the old key alive.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(TurnRoutes.Turns)).StatusCode);
        var listed = await ServerProcess.RunCliAsync(folder.Path, null, "users", "list");
        Assert.Contains(listed.StandardOutput.Split('\n'), l => l.StartsWith(bobId, StringComparison.Ordinal) && l.Contains("\trevoked ", StringComparison.Ordinal));

        var rotate = await ServerProcess.RunCliAsync(folder.Path, null, "users", "rotate", bobId);
        Assert.Equal(0, rotate.ExitCode);
        var newKey = rotate.StandardOutput.Trim();
        Assert.NotEqual(firstKey, newKey);
        using var renewed = Client(server.Url, newKey);
        // The data stayed through revocation: the turn is still there under the new key.
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync(TurnRoutes.Status(turnId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(TurnRoutes.Turns)).StatusCode);

        // Rotating again retires the key it gave.
        var again = await ServerProcess.RunCliAsync(folder.Path, null, "users", "rotate", bobId);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync(TurnRoutes.Turns)).StatusCode);
        using var latest = Client(server.Url, again.StandardOutput.Trim());
        Assert.Equal(HttpStatusCode.OK, (await latest.GetAsync(TurnRoutes.Turns)).StatusCode);
    }

    private static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunInFolderAsync(string folder, params string[] arguments)
    {
        using var process = Start(folder, null, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60))) != exited)
        {
            // A mistyped command that starts the server instead of failing.
            process.Kill(entireProcessTree: true);
            Assert.Fail("the command did not exit; it probably started the server");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The executable with no data-root setting, in <paramref name="folder"/>: where a default ./.data would appear.</summary>
    private static Process Start(string folder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(ServerProcess.ServerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("VoiceMemory__DataRoot");
        start.Environment["VoiceMemory__Backup__Enabled"] = "false";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
    }

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
