using VoiceMemory.Harness.Audio;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Twelve kinds of damage to a real file of each of the 7 supported formats (84 cases).</summary>
internal static class AudioCorruptionCases
{
    private const string Malformed = "malformed_audio";
    private const string Unsupported = "unsupported_audio";

    public static IEnumerable<MalformedCase> Create(IReadOnlyList<FormatSample> samples, Random random)
    {
        ArgumentNullException.ThrowIfNull(samples);
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            var file = sample.Bytes;
            var other = samples[(i + 1) % samples.Count];
            // Two samples share audio/ogg; lie with a type of a different container.
            var lie = other.ContentType == sample.ContentType ? samples[(i + 2) % samples.Count].ContentType : other.ContentType;
            const string Category = "corrupted audio";
            yield return MalformedCase.Post(Category, $"{sample.Name}: empty body", [], sample.ContentType, "empty_audio");
            yield return MalformedCase.Post(Category, $"{sample.Name}: first 4 bytes", Corrupt.Prefix(file, 4), sample.ContentType, Malformed, Unsupported);
            yield return MalformedCase.Post(Category, $"{sample.Name}: first 16 bytes", Corrupt.Prefix(file, 16), sample.ContentType, Malformed, Unsupported);
            yield return MalformedCase.Post(Category, $"{sample.Name}: first 100 bytes", Corrupt.Prefix(file, 100), sample.ContentType, Malformed, Unsupported);
            yield return MalformedCase.Post(Category, $"{sample.Name}: truncated to half", Corrupt.Prefix(file, file.Length / 2), sample.ContentType, Malformed);
            yield return MalformedCase.Post(Category, $"{sample.Name}: last 10% cut", Corrupt.Prefix(file, file.Length * 9 / 10), sample.ContentType, Malformed);
            yield return MalformedCase.Post(Category, $"{sample.Name}: flipped magic", Corrupt.FlipMagic(file), sample.ContentType, Unsupported, Malformed);
            yield return MalformedCase.Post(Category, $"{sample.Name}: magic then random bytes", Corrupt.RandomAfterMagic(file, random), sample.ContentType, Malformed, Unsupported);
            yield return MalformedCase.Post(Category, $"{sample.Name}: header zeroed after the magic", Corrupt.ZeroHeader(file), sample.ContentType, Malformed, Unsupported);
            yield return MalformedCase.Post(Category, $"{sample.Name}: random bytes of the same length", Corrupt.Random(file.Length, random), sample.ContentType, Unsupported, Malformed);
            yield return MalformedCase.Post(Category, $"{sample.Name}: sent as {lie} (lying Content-Type)", file, lie, Unsupported);
            yield return MalformedCase.Post(Category, $"{sample.Name}: overlong recording (305 s)", sample.Overlong, sample.ContentType, "audio_too_long");
        }
    }
}
