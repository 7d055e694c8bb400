using static VoiceMemory.Tests.Audio.ByteWriter;

namespace VoiceMemory.Tests.Audio;

/// <summary>Builds EBML (WebM/Matroska) elements in tests; sizes are written as 8-byte variable-length integers.</summary>
internal static class EbmlBytes
{
    public const uint Ebml = 0x1A45DFA3;
    public const uint DocType = 0x4282;
    public const uint Segment = 0x18538067;
    public const uint Info = 0x1549A966;
    public const uint TimecodeScale = 0x2AD7B1;
    public const uint Duration = 0x4489;
    public const uint Tracks = 0x1654AE6B;
    public const uint TrackEntry = 0xAE;
    public const uint TrackType = 0x83;
    public const uint Cluster = 0x1F43B675;
    public const uint Timecode = 0xE7;
    public const uint SimpleBlock = 0xA3;

    public static byte[] Element(uint id, params byte[][] content)
    {
        var body = Concat(content);
        var size = U64Be((ulong)body.Length);
        size[0] = 0x01;
        return Concat(Id(id), size, body);
    }

    /// <summary>An element whose size is "unknown" (all ones), as live recorders write Segments and Clusters.</summary>
    public static byte[] UnknownSizeElement(uint id, params byte[][] content) =>
        Concat(Id(id), [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], Concat(content));

    public static byte[] UInt(uint id, ulong value) => Element(id, U64Be(value));

    public static byte[] Float(uint id, double value)
    {
        var bytes = BitConverter.GetBytes(value);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

        return Element(id, bytes);
    }

    public static byte[] Text(uint id, string value) => Element(id, Ascii(value));

    public static byte[] Header(string docType) => Element(Ebml, Text(DocType, docType));

    public static byte[] AudioTracks() => Element(Tracks, Element(TrackEntry, UInt(TrackType, 2)));

    /// <summary>A SimpleBlock on track 1 at <paramref name="relativeTime"/> with a few bytes of payload.</summary>
    public static byte[] Block(short relativeTime) => Element(SimpleBlock, [0x81], U16Be(relativeTime), [0x80, 1, 2, 3]);

    private static byte[] Id(uint id)
    {
        var bytes = U32Be(id);
        var skip = id > 0xFFFFFF ? 0 : id > 0xFFFF ? 1 : id > 0xFF ? 2 : 3;
        return bytes[skip..];
    }
}
