using System.Text;
using VoiceMemory.Harness.Audio;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Bodies that are not audio, and real audio or text sent under the wrong Content-Type (17 cases).</summary>
internal static class BodyCases
{
    private const string Unsupported = "unsupported_audio";

    public static IEnumerable<MalformedCase> Create(IReadOnlyList<FormatSample> samples, Random random)
    {
        ArgumentNullException.ThrowIfNull(samples);
        const string Random = "random bytes";
        foreach (var size in new[] { 1, 100, 4096, 65_536, 1_048_576 })
        {
            yield return MalformedCase.Post(Random, $"{size} random bytes as application/octet-stream", Corrupt.Random(size, random), "application/octet-stream", Unsupported, "malformed_audio");
        }

        foreach (var size in new[] { 10, 100_000 })
        {
            yield return MalformedCase.Post(Random, $"{size} random bytes without a Content-Type", Corrupt.Random(size, random), null, Unsupported, "malformed_audio", "unsupported_media_type");
        }

        yield return MalformedCase.Post(Random, "a PNG signature as application/octet-stream", [0x89, .. "PNG\r\n\x1a\n"u8, .. Corrupt.Random(200, random)], "application/octet-stream", Unsupported);

        const string Wrong = "wrong content type";
        var wav = samples.Single(s => s.Name == "wav").Bytes;
        var mp3 = samples.Single(s => s.Name == "mp3").Bytes;
        yield return MalformedCase.Post(Wrong, "WAV as image/png", wav, "image/png", Unsupported, "unsupported_media_type");
        yield return MalformedCase.Post(Wrong, "MP3 as application/json", mp3, "application/json", Unsupported, "unsupported_media_type");
        yield return MalformedCase.Post(Wrong, "JSON body as application/json", Encoding.UTF8.GetBytes("{\"text\":\"hello\"}"), "application/json", Unsupported, "unsupported_media_type");
        yield return MalformedCase.Post(Wrong, "form body as application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("text=hello"), "application/x-www-form-urlencoded", Unsupported, "unsupported_media_type");
        yield return MalformedCase.Post(Wrong, "WAV inside multipart/form-data", Multipart(wav), "multipart/form-data; boundary=XyZ", Unsupported, "unsupported_media_type");
        yield return MalformedCase.Post(Wrong, "text sent as audio/wav", Encoding.UTF8.GetBytes("hello there"), "audio/wav", Unsupported);
        yield return MalformedCase.Post(Wrong, "text/plain; charset=iso-8859-1", Encoding.Latin1.GetBytes("caf\u00e9"), "text/plain; charset=iso-8859-1", "unsupported_media_type");
        yield return MalformedCase.Post(Wrong, "text/plain; charset=utf-16 with UTF-16 bytes", Encoding.Unicode.GetBytes("hello"), "text/plain; charset=utf-16", "unsupported_media_type");
        yield return MalformedCase.Post(Wrong, "Content-Type that is not a media type", wav, "garbage", Unsupported, "unsupported_media_type", "invalid_request");
    }

    private static byte[] Multipart(byte[] wav) =>
    [
        .. "--XyZ\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\n"u8,
        .. wav,
        .. "\r\n--XyZ--\r\n"u8,
    ];
}
