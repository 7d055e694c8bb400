using VoiceMemory.Harness.Audio;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Real files whose headers lie: WAV field by field, and one or two lies per other container (24 cases).</summary>
internal static class LyingHeaderCases
{
    private const string Category = "lying audio header";
    private const string Malformed = "malformed_audio";
    private const string Unsupported = "unsupported_audio";

    public static IEnumerable<MalformedCase> Create(IReadOnlyList<FormatSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var wav = samples.Single(s => s.Name == "wav").Bytes;
        var fmt = Corrupt.Find(wav, "fmt ");
        var data = Corrupt.Find(wav, "data");
        var field = fmt + 8;
        yield return Wav("channels = 0", Corrupt.PatchUInt16(wav, field + 2, 0));
        yield return Wav("channels = 40", Corrupt.PatchUInt16(wav, field + 2, 40));
        yield return Wav("sample rate = 0", Corrupt.PatchUInt32(wav, field + 4, 0));
        yield return Wav("sample rate = 5 MHz", Corrupt.PatchUInt32(wav, field + 4, 5_000_000));
        yield return Wav("7 bits per sample", Corrupt.PatchUInt16(wav, field + 14, 7));
        yield return Wav("0 bits per sample", Corrupt.PatchUInt16(wav, field + 14, 0));
        yield return Wav("block align contradicts channels × bits", Corrupt.PatchUInt16(wav, field + 12, 7));
        yield return Wav("byte rate contradicts the sample rate", Corrupt.PatchUInt32(wav, field + 8, 12345));
        yield return new MalformedCase(Category, "wav: MP3-in-WAV format tag 0x0055", [Unsupported], (t, ct) => t.PostAsync(Corrupt.PatchUInt16(wav, field, 0x0055), "audio/wav", cancellationToken: ct));
        yield return Wav("WAVE_FORMAT_EXTENSIBLE tag with a 16-byte fmt chunk", Corrupt.PatchUInt16(wav, field, 0xFFFE));
        yield return Wav("data chunk claims 2 GB", Corrupt.PatchUInt32(wav, data + 4, 0x7FFFFFF0));
        yield return Wav("RIFF size claims 1 GB", Corrupt.PatchUInt32(wav, 4, 0x40000000));
        yield return Wav("RIFF size = 4", Corrupt.PatchUInt32(wav, 4, 4));
        yield return Wav("fmt chunk size = 8", Corrupt.PatchUInt32(wav, fmt + 4, 8));
        yield return Wav("no fmt chunk (renamed)", Corrupt.Patch(wav, fmt, "xyz "u8.ToArray()));
        yield return Wav("no data chunk (renamed)", Corrupt.Patch(wav, data, "dat_"u8.ToArray()));
        yield return Wav("data chunk of 0 bytes", Corrupt.PatchUInt32(Corrupt.PatchUInt32(wav, data + 4, 0), 4, (uint)data)[..(data + 8)]);

        var mp3 = samples.Single(s => s.Name == "mp3").Bytes;
        var xing = Corrupt.Find(mp3, "Xing");
        yield return MalformedCase.Post(Category, "mp3: ID3 tag claiming 200 MB", [.. "ID3"u8, 4, 0, 0, 0x5F, 0x7F, 0x7F, 0x7F, .. mp3], "audio/mpeg", Malformed, Unsupported);
        // The Xing header: tag, flags (bit 0: a frame count follows), frame count.
        yield return MalformedCase.Post(Category, "mp3: Xing header claims 16 million frames", Corrupt.PatchUInt32BigEndian(mp3, xing + 8, 0x00FFFFFF), "audio/mpeg", Malformed, "audio_too_long");

        var flac = samples.Single(s => s.Name == "flac").Bytes;
        // STREAMINFO starts at 8: min/max block (4), min/max frame (6), then 20 bits of sample rate at 18.
        yield return MalformedCase.Post(Category, "flac: STREAMINFO sample rate 0", Corrupt.Patch(flac, 18, 0, 0, (byte)(flac[20] & 0x0F)), "audio/flac", Malformed);
        var ogg = samples.Single(s => s.Name == "ogg-vorbis").Bytes;
        yield return MalformedCase.Post(Category, "ogg: first page checksum wrong", Corrupt.Patch(ogg, 30, (byte)(ogg[30] ^ 0x5A)), "audio/ogg", Malformed);
        var webm = samples.Single(s => s.Name == "webm").Bytes;
        yield return MalformedCase.Post(Category, "webm: DocType is not webm", Corrupt.Patch(webm, Corrupt.Find(webm, "webm"), "wxbm"u8.ToArray()), "audio/webm", Malformed, Unsupported);
        var m4a = samples.Single(s => s.Name == "m4a").Bytes;
        yield return MalformedCase.Post(Category, "m4a: ftyp brand of an image (heic)", Corrupt.Patch(m4a, 8, "heic"u8.ToArray()), "audio/mp4", Unsupported);
        yield return MalformedCase.Post(Category, "m4a: no moov box (renamed)", Corrupt.Patch(m4a, Corrupt.Find(m4a, "moov"), "free"u8.ToArray()), "audio/mp4", Malformed);
    }

    private static MalformedCase Wav(string name, byte[] body) =>
        new(Category, "wav: " + name, [Malformed], (target, ct) => target.PostAsync(body, "audio/wav", cancellationToken: ct));
}
