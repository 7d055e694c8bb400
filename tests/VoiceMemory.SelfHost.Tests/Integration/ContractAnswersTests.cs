using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Tests.Maintenance;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>Answers a new user ran into (issue 13), through the real server process.</summary>
public sealed class ContractAnswersTests
{
    // Polling every 100 ms would pass the default 60 requests a minute.
    private static readonly Dictionary<string, string> Unlimited = new() { ["VoiceMemory__Limits__RequestsPerMinute"] = "100000" };

    [Fact]
    public async Task NonAudioBodies_Get415_ThatSaysTypedTurnsAreTextPlainUtf8_AndA405HasItsOwnCode()
    {
        using var folder = new TempFolder();
        var key = await AddUserAsync(folder.Path);
        await using var server = await ServerProcess.StartAsync(folder.Path, Unlimited);
        using var client = Client(server.Url, key);

        foreach (var type in new[] { "application/json", "application/x-www-form-urlencoded", "text/html", "multipart/form-data; boundary=x" })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"text\":\"hello\"}"));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            using var response = await client.PostAsync(TurnRoutes.Turns, content);
            var (status, code, detail) = await ProblemAsync(response);
            Assert.Equal((HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"), (status, code));
            Assert.Contains("text/plain; charset=utf-8", detail, StringComparison.Ordinal);
        }

        using var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes("héllo"));
        latin1.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=iso-8859-1");
        var (latinStatus, latinCode, latinDetail) = await ProblemAsync(await client.PostAsync(TurnRoutes.Turns, latin1));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"), (latinStatus, latinCode));
        Assert.Contains("charset=utf-8", latinDetail, StringComparison.Ordinal);

        using var put = await client.PutAsync(TurnRoutes.Turns, new StringContent("x"));
        var (putStatus, putCode, _) = await ProblemAsync(put);
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "method_not_allowed"), (putStatus, putCode));
        Assert.Contains("POST", put.Content.Headers.Allow);
    }

    [Fact]
    public async Task ATurnWithoutSpeech_SaysItHasNoReplyAudio_NotThatItIsNotSpokenYet()
    {
        using var folder = new TempFolder();
        var key = await AddUserAsync(folder.Path);
        await using var server = await ServerProcess.StartAsync(folder.Path, Unlimited);
        using var client = Client(server.Url, key);

        var status = await client.WaitAsync(await client.SubmitAudioAsync(SilentWav(TimeSpan.FromSeconds(2))));
        Assert.Null(status.ReplyAudio);
        using var audio = await client.GetAsync(TurnRoutes.Status(status.TurnId) + "/audio");
        var (code, answer, detail) = await ProblemAsync(audio);
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (code, answer));
        Assert.Contains("has no reply audio", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not been spoken yet", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_FollowsTheStartUpBackup_InsteadOfSayingNoBackupYetForMinutes()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>(Unlimited) { ["VoiceMemory__Backup__Enabled"] = "true" };
        await using var server = await ServerProcess.StartAsync(folder.Path, environment);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        var backups = Path.Combine(folder.Path, "backups");
        string? detail = null;
        for (var i = 0; i < 300; i++)
        {
            using var health = JsonDocument.Parse(await http.GetStringAsync(TurnRoutes.Health));
            var backup = health.RootElement.GetProperty("checks").GetProperty("backup");
            detail = backup.GetProperty("detail").GetString();
            if (backup.GetProperty("status").GetString() == "healthy")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(Directory.Exists(backups) && Directory.GetDirectories(backups).Length == 1, "the start-up backup was not taken");
        // The start-up warm-up (decision 0012) ran in the real process without failing.
        for (var i = 0; i < 600 && !server.Output.Contains("Warm-up ran the offline steps", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("Warm-up ran the offline steps", server.Output, StringComparison.Ordinal);
        Assert.NotEqual("no backup yet", detail);
        Assert.DoesNotContain("no backup", detail ?? "", StringComparison.Ordinal);
    }

    /// <summary>16 kHz mono 16-bit PCM silence.</summary>
    private static byte[] SilentWav(TimeSpan length)
    {
        var samples = (int)(16000 * length.TotalSeconds);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(16000);
        writer.Write(32000);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        writer.Write(new byte[samples * 2]);
        writer.Flush();
        return stream.ToArray();
    }

    private static async Task<(HttpStatusCode Status, string Code, string Detail)> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return (response.StatusCode, document.RootElement.GetProperty("code").GetString()!, document.RootElement.GetProperty("detail").GetString()!);
    }

    private static async Task<string> AddUserAsync(string dataRoot)
    {
        var created = await ServerProcess.RunCliAsync(dataRoot, null, "users", "add", "contract");
        Assert.True(created.ExitCode == 0, created.StandardError);
        return created.StandardOutput.Trim();
    }

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
