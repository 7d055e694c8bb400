using static VoiceMemory.Tests.Audio.ByteWriter;

namespace VoiceMemory.Tests.Audio;

/// <summary>Builds WAV files byte by byte, with any header field overridable to make it lie.</summary>
public sealed record WavBytes
{
    public int Tag { get; init; } = 1;
    public int Channels { get; init; } = 1;
    public int SampleRate { get; init; } = 16000;
    public int Bits { get; init; } = 16;
    public int? BlockAlign { get; init; }
    public uint? ByteRate { get; init; }
    public int DataBytes { get; init; } = 32000;
    public uint? DeclaredDataSize { get; init; }
    public uint? RiffSize { get; init; }
    public byte[] ChunksBeforeFmt { get; init; } = [];
    public bool IncludeFmt { get; init; } = true;
    public bool IncludeData { get; init; } = true;

    public byte[] Build()
    {
        var blockAlign = BlockAlign ?? Channels * Bits / 8;
        var fmt = IncludeFmt
            ? Concat(
                Ascii("fmt "), U32Le(16), U16Le(Tag), U16Le(Channels), U32Le((uint)SampleRate),
                U32Le(ByteRate ?? (uint)(SampleRate * blockAlign)), U16Le(blockAlign), U16Le(Bits))
            : [];
        var data = IncludeData ? Concat(Ascii("data"), U32Le(DeclaredDataSize ?? (uint)DataBytes), Zeros(DataBytes)) : [];
        var body = Concat(Ascii("WAVE"), ChunksBeforeFmt, fmt, data);
        return Concat(Ascii("RIFF"), U32Le(RiffSize ?? (uint)body.Length), body);
    }

    /// <summary>A chunk with its pad byte when the size is odd.</summary>
    public static byte[] Chunk(string id, int size) => Concat(Ascii(id), U32Le((uint)size), Zeros(size + (size & 1)));
}
