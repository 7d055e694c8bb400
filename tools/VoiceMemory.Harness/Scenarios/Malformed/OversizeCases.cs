using System.Globalization;
using System.Text;
using VoiceMemory.Harness.Client;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Bodies over the limits (25 MiB of audio, 4000 characters of text), and Content-Length headers that promise too much (9 cases).</summary>
internal static class OversizeCases
{
    private const string Category = "oversized body";
    private const string TooLarge = "audio_too_large";
    private const int Over = (25 * 1024 * 1024) + (1024 * 1024);

    public static IEnumerable<MalformedCase> Create()
    {
        yield return new MalformedCase(Category, "Content-Length 30 MiB, 1 KiB sent", [TooLarge], (t, ct) => t.RawAsync("POST", "/api/v1/turns", ["Content-Type: audio/wav", "Content-Length: 31457280"], new byte[1024], ct));
        yield return new MalformedCase(Category, "Content-Length 2^63-1, nothing sent", [TooLarge], (t, ct) => t.RawAsync("POST", "/api/v1/turns", ["Content-Type: audio/wav", "Content-Length: 9223372036854775807"], null, ct));
        yield return new MalformedCase(Category, "26 MiB with Content-Length", [TooLarge], (t, ct) => t.RawAsync("POST", "/api/v1/turns", ["Content-Type: audio/wav", string.Create(CultureInfo.InvariantCulture, $"Content-Length: {Over}")], new byte[Over], ct));
        yield return new MalformedCase(Category, "26 MiB chunked (no Content-Length)", [TooLarge], (t, ct) => t.RawAsync("POST", "/api/v1/turns", ["Content-Type: audio/wav", "Transfer-Encoding: chunked"], RawHttp.Chunked(new byte[Over]), ct));
        yield return new MalformedCase(Category, "26 MiB chunked WAV whose header claims it all", [TooLarge], (t, ct) => t.RawAsync("POST", "/api/v1/turns", ["Content-Type: application/octet-stream", "Transfer-Encoding: chunked"], RawHttp.Chunked(BigWav()), ct));
        yield return MalformedCase.Post(Category, "typed turn of 4001 characters", Encoding.UTF8.GetBytes(new string('a', 4001)), "text/plain; charset=utf-8", "text_too_long");
        yield return MalformedCase.Post(Category, "typed turn of 17000 bytes", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("word ", 3400))), "text/plain; charset=utf-8", "text_too_long");
        yield return new MalformedCase(Category, "typed turn of 2 MiB chunked", ["text_too_long"], (t, ct) => t.RawAsync("POST", "/api/v1/turns", ["Content-Type: text/plain; charset=utf-8", "Transfer-Encoding: chunked"], RawHttp.Chunked(Encoding.UTF8.GetBytes(new string('b', 2 * 1024 * 1024))), ct));
        yield return new MalformedCase(Category, "typed turn with Content-Length 100 MiB, nothing sent", ["text_too_long", TooLarge], (t, ct) => t.RawAsync("POST", "/api/v1/turns", ["Content-Type: text/plain; charset=utf-8", "Content-Length: 104857600"], null, ct));
    }

    // A well-formed 16-bit mono 16 kHz WAV header for the whole 26 MiB (about 13 minutes), then silence.
    private static byte[] BigWav()
    {
        var file = new byte[Over];
        var dataBytes = (uint)(Over - 44);
        "RIFF"u8.CopyTo(file);
        BitConverter.TryWriteBytes(file.AsSpan(4), (uint)(Over - 8));
        "WAVEfmt "u8.CopyTo(file.AsSpan(8));
        BitConverter.TryWriteBytes(file.AsSpan(16), 16u);
        BitConverter.TryWriteBytes(file.AsSpan(20), (ushort)1);
        BitConverter.TryWriteBytes(file.AsSpan(22), (ushort)1);
        BitConverter.TryWriteBytes(file.AsSpan(24), 16000u);
        BitConverter.TryWriteBytes(file.AsSpan(28), 32000u);
        BitConverter.TryWriteBytes(file.AsSpan(32), (ushort)2);
        BitConverter.TryWriteBytes(file.AsSpan(34), (ushort)16);
        "data"u8.CopyTo(file.AsSpan(36));
        BitConverter.TryWriteBytes(file.AsSpan(40), dataBytes);
        return file;
    }
}
