using static VoiceMemory.Tests.Audio.ByteWriter;

namespace VoiceMemory.Tests.Audio;

/// <summary>Builds ISO-BMFF (MP4) boxes in tests.</summary>
internal static class Mp4Bytes
{
    public static byte[] Box(string type, params byte[][] content)
    {
        var body = Concat(content);
        return Concat(U32Be((uint)(8 + body.Length)), Ascii(type), body);
    }

    public static byte[] FullBox(string type, byte version, params byte[][] content) =>
        Box(type, [.. new byte[][] { [version, 0, 0, 0] }, .. content]);

    public static byte[] Ftyp() => Box("ftyp", Ascii("M4A "), U32Be(0), Ascii("M4A isom"));

    public static byte[] MvhdV0(uint timescale, uint duration) =>
        FullBox("mvhd", 0, U32Be(0), U32Be(0), U32Be(timescale), U32Be(duration), Zeros(80));

    public static byte[] MvhdV1(uint timescale, ulong duration) =>
        FullBox("mvhd", 1, U64Be(0), U64Be(0), U32Be(timescale), U64Be(duration), Zeros(80));

    public static byte[] Track(string handler, uint timescale = 44100, uint duration = 0) =>
        Box(
            "trak",
            FullBox("tkhd", 0, U32Be(0), U32Be(0), U32Be(1), Zeros(72)),
            Box(
                "mdia",
                FullBox("mdhd", 0, U32Be(0), U32Be(0), U32Be(timescale), U32Be(duration), Zeros(4)),
                FullBox("hdlr", 0, U32Be(0), Ascii(handler), Zeros(12), [0])));

    public static byte[] Mdat(int bytes) => Box("mdat", Zeros(bytes));
}
