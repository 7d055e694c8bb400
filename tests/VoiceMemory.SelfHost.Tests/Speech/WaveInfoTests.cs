using System.Buffers.Binary;
using VoiceMemory.SelfHost.Speech;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class WaveInfoTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("voicememory-wave-").FullName;

    [Fact]
    public void TryRead_ListChunkBeforeDataAndStreamingSize_MeasuresTheRestOfTheFile()
    {
        // 16 kHz mono 16-bit, a LIST chunk of odd length (padded), and a data size left as 0xFFFFFFFF.
        var samples = new byte[32000];
        var path = Write(Chunk("fmt ", Format(16000, 1, 16)), Chunk("LIST", new byte[5]), Header("data", uint.MaxValue), samples);

        var info = WaveInfo.TryRead(path);

        Assert.NotNull(info);
        Assert.Equal((16000, 1, 16), (info.SampleRate, info.Channels, info.BitsPerSample));
        Assert.Equal(TimeSpan.FromSeconds(1), info.Duration);
    }

    [Fact]
    public void TryRead_NotRiff_ReturnsNull()
    {
        var path = Path.Combine(directory, "x.wav");
        File.WriteAllBytes(path, "ID3\u0004 not a wave file"u8.ToArray());

        Assert.Null(WaveInfo.TryRead(path));
    }

    [Fact]
    public void TryRead_TruncatedFormatChunk_ReturnsNull()
    {
        var whole = File.ReadAllBytes(Write(Chunk("fmt ", Format(16000, 1, 16)), Header("data", 0)));
        var path = Path.Combine(directory, "truncated.wav");
        File.WriteAllBytes(path, whole[..24]);

        Assert.Null(WaveInfo.TryRead(path));
    }

    [Fact]
    public void TryRead_NoDataChunk_ReturnsNull()
    {
        var path = Write(Chunk("fmt ", Format(16000, 1, 16)));

        Assert.Null(WaveInfo.TryRead(path));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(params byte[][] parts)
    {
        var body = parts.SelectMany(part => part).ToArray();
        var riff = Header("RIFF", (uint)(body.Length + 4)).Concat("WAVE"u8.ToArray()).Concat(body).ToArray();
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".wav");
        File.WriteAllBytes(path, riff);
        return path;
    }

    private static byte[] Format(int rate, int channels, int bits)
    {
        var fmt = new byte[16];
        var align = channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(rate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        return fmt;
    }

    private static byte[] Chunk(string tag, byte[] body)
    {
        var padded = body.Length % 2 == 1 ? [.. body, 0] : body;
        return [.. Header(tag, (uint)body.Length), .. padded];
    }

    private static byte[] Header(string tag, uint size)
    {
        var header = new byte[8];
        System.Text.Encoding.ASCII.GetBytes(tag, header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), size);
        return header;
    }
}
