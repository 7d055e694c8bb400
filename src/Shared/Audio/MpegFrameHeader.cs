namespace VoiceMemory.Audio;

/// <summary>The 4-byte header of one MPEG-1/2/2.5 audio frame (layers I–III).</summary>
internal readonly record struct MpegFrameHeader(int VersionId, int Layer, int Bitrate, int SampleRate, bool Padding, bool Mono)
{
    public const int Size = 4;

    // Kbit/s by bitrate index 1–14 for [MPEG-1 L1, L2, L3, MPEG-2/2.5 L1, L2 and L3].
    private static readonly int[][] Bitrates =
    [
        [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
        [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
        [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
        [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
        [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    ];

    private static readonly int[] Mpeg1Rates = [44100, 48000, 32000];

    /// <summary>True for MPEG-1; MPEG-2 and MPEG-2.5 halve the sample rate and (layer III) the samples per frame.</summary>
    public bool IsMpeg1 => VersionId == 3;

    public int SamplesPerFrame => Layer switch
    {
        1 => 384,
        2 => 1152,
        _ => IsMpeg1 ? 1152 : 576,
    };

    public int FrameLength => FrameLengthAt(Bitrate, Padding);

    /// <summary>The shortest frame this stream's version, layer and rate allow: an upper bound on frames per byte.</summary>
    public int MinimumFrameLength => FrameLengthAt(Bitrates[TableIndex][0] * 1000, padding: false);

    /// <summary>Bytes of layer III side information, after which encoders put the Xing/Info tag.</summary>
    public int SideInfoLength => IsMpeg1 ? (Mono ? 17 : 32) : (Mono ? 9 : 17);

    private int TableIndex => IsMpeg1 ? Layer - 1 : Math.Min(Layer, 2) + 2;

    public static bool TryParse(ReadOnlySpan<byte> bytes, out MpegFrameHeader header)
    {
        header = default;
        if (bytes.Length < Size || bytes[0] != 0xFF || (bytes[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var versionId = (bytes[1] >> 3) & 3;   // 0 = MPEG-2.5, 1 = reserved, 2 = MPEG-2, 3 = MPEG-1
        var layerBits = (bytes[1] >> 1) & 3;   // 0 = reserved (ADTS AAC uses it), 1 = III, 2 = II, 3 = I
        var bitrateIndex = bytes[2] >> 4;      // 0 = free format (length unknowable), 15 = invalid
        var rateIndex = (bytes[2] >> 2) & 3;   // 3 = reserved
        var emphasis = bytes[3] & 3;           // 2 = reserved
        if (versionId == 1 || layerBits == 0 || bitrateIndex is 0 or 15 || rateIndex == 3 || emphasis == 2)
        {
            return false;
        }

        var layer = 4 - layerBits;
        var rate = Mpeg1Rates[rateIndex] >> (versionId switch { 3 => 0, 2 => 1, _ => 2 });
        var probe = new MpegFrameHeader(versionId, layer, 0, rate, false, false);
        header = probe with
        {
            Bitrate = Bitrates[probe.TableIndex][bitrateIndex - 1] * 1000,
            Padding = (bytes[2] & 2) != 0,
            Mono = (bytes[3] >> 6) == 3,
        };
        return true;
    }

    /// <summary>True when <paramref name="other"/> can belong to the same stream (bitrate may vary, the rest may not).</summary>
    public bool IsCompatibleWith(MpegFrameHeader other) =>
        VersionId == other.VersionId && Layer == other.Layer && SampleRate == other.SampleRate;

    private int FrameLengthAt(int bitrate, bool padding)
    {
        var pad = padding ? 1 : 0;
        return Layer switch
        {
            1 => ((12 * bitrate / SampleRate) + pad) * 4,
            2 => (144 * bitrate / SampleRate) + pad,
            _ => ((IsMpeg1 ? 144 : 72) * bitrate / SampleRate) + pad,
        };
    }
}
