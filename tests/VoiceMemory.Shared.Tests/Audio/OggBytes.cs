using System.Buffers.Binary;
using VoiceMemory.Audio;
using static VoiceMemory.Tests.Audio.ByteWriter;

namespace VoiceMemory.Tests.Audio;

/// <summary>Builds Ogg pages (with correct checksums) and identification headers in tests.</summary>
internal static class OggBytes
{
    public const byte Bos = 0x02;
    public const byte Eos = 0x04;
    public const uint Serial = 0x1234;

    public static byte[] Page(byte flags, long granule, uint sequence, params byte[][] packets)
    {
        var lacing = new List<byte>();
        foreach (var packet in packets)
        {
            lacing.AddRange(Enumerable.Repeat((byte)255, packet.Length / 255));
            lacing.Add((byte)(packet.Length % 255));
        }

        var page = Concat(
            Ascii("OggS"), [0, flags], U64Le((ulong)granule), U32Le(Serial), U32Le(sequence), U32Le(0),
            [(byte)lacing.Count], [.. lacing], Concat(packets));
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), OggCrc.Compute(page));
        return page;
    }

    public static byte[] OpusHead(int preSkip) =>
        Concat(Ascii("OpusHead"), [1, 1], U16Le(preSkip), U32Le(48000), U16Le(0), [0]);

    public static byte[] VorbisId(uint sampleRate) =>
        Concat([1], Ascii("vorbis"), U32Le(0), [1], U32Le(sampleRate), U32Le(0), U32Le(64000), U32Le(0), [0xB8, 1]);

    public static byte[] Opus(long lastGranule, int preSkip = 312) => Concat(
        Page(Bos, 0, 0, OpusHead(preSkip)),
        Page(0, 0, 1, Concat(Ascii("OpusTags"), U32Le(0), U32Le(0))),
        Page(0, lastGranule / 2, 2, Zeros(300)),
        Page(Eos, lastGranule, 3, Zeros(40)));
}
