using VoiceMemory.Audio;
using static VoiceMemory.Tests.Audio.ByteWriter;

namespace VoiceMemory.Tests.Audio;

public sealed class Mp3ParserTests
{
    // MPEG-1 layer III, 128 kbit/s, 44.1 kHz, joint stereo, no padding: 417-byte frames of 1152 samples.
    private static readonly byte[] Header = [0xFF, 0xFB, 0x90, 0x64];
    private const int FrameLength = 417;

    [Fact]
    public void TryParse_Mpeg1Layer3_ReadsFields()
    {
        // Act
        var ok = MpegFrameHeader.TryParse(Header, out var header);

        // Assert
        Assert.True(ok);
        Assert.Equal((128_000, 44_100, FrameLength, 1152, false), (header.Bitrate, header.SampleRate, header.FrameLength, header.SamplesPerFrame, header.Mono));
    }

    [Fact]
    public void TryParse_Mpeg2Layer3Mono16k_ReadsFields()
    {
        // Act
        var ok = MpegFrameHeader.TryParse([0xFF, 0xF3, 0x48, 0xC4], out var header);

        // Assert
        Assert.True(ok);
        Assert.Equal((32_000, 16_000, 144, 576, true, 9), (header.Bitrate, header.SampleRate, header.FrameLength, header.SamplesPerFrame, header.Mono, header.SideInfoLength));
    }

    [Fact]
    public void ReadDuration_ConstantFrames_CountsEveryFrame()
    {
        // Arrange
        var file = Frames(10);

        // Act
        var duration = Mp3Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromTicks(10 * 1152 * TimeSpan.TicksPerSecond / 44100), duration);
    }

    [Fact]
    public void ReadDuration_Id3v2AndId3v1Tags_TagsSkipped()
    {
        // Arrange
        var id3v2 = Concat(Ascii("ID3"), [3, 0, 0, 0, 0, 0, 20], Zeros(20));
        var id3v1 = Concat(Ascii("TAG"), Zeros(125));
        var file = Concat(id3v2, Frames(10), id3v1);

        // Act
        var duration = Mp3Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromTicks(10 * 1152 * TimeSpan.TicksPerSecond / 44100), duration);
    }

    [Fact]
    public void ReadDuration_LastFrameCut_Malformed()
    {
        // Arrange
        var file = Frames(10)[..((9 * FrameLength) + 100)];

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Mp3Parser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void ReadDuration_OneFrameThenGarbage_Malformed()
    {
        // Arrange: a valid frame header is not enough; the next frame must follow where the first one ends.
        var file = Concat(Frames(1), Enumerable.Repeat((byte)0x55, 4000).ToArray());

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Mp3Parser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void ReadDuration_JunkAfterSomeFrames_EstimatesFromFirstBitrate()
    {
        // Arrange
        var file = Concat(Frames(5), Enumerable.Repeat((byte)0x55, 5 * FrameLength).ToArray());

        // Act
        var duration = Mp3Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert: 10 frames' worth of bytes at 128 kbit/s.
        Assert.Equal(TimeSpan.FromTicks(file.Length * 8L * TimeSpan.TicksPerSecond / 128_000), duration);
    }

    [Fact]
    public void ReadDuration_InfoTagWithLameDelayAndPadding_TrimsThem()
    {
        // Arrange: an Info frame declaring 9 frames, 576 samples of delay and 1000 of padding.
        var file = Concat(InfoFrame(frames: 9, bytes: 10 * FrameLength), Frames(9));

        // Act
        var duration = Mp3Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromTicks(((9 * 1152) - 1576) * TimeSpan.TicksPerSecond / 44100), duration);
    }

    [Fact]
    public void ReadDuration_InfoTagDeclaresMoreBytesThanPresent_Malformed()
    {
        // Arrange: the tag says 100 frames, the file was cut after 9.
        var file = Concat(InfoFrame(frames: 100, bytes: 101 * FrameLength), Frames(9));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Mp3Parser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDuration_XingFrameCountImpossibleForSize_Malformed()
    {
        // Arrange: one million frames cannot fit in ten frames' worth of bytes.
        var file = Concat(InfoFrame(frames: 1_000_000, bytes: 0), Frames(9));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Mp3Parser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    private static byte[] Frames(int count) =>
        Enumerable.Range(0, count).SelectMany(_ => Concat(Header, Zeros(FrameLength - Header.Length))).ToArray();

    private static byte[] InfoFrame(uint frames, uint bytes)
    {
        var flags = bytes > 0 ? 0x0Fu : 0x0Du;
        var lame = Concat(Ascii("LAME3.100"), Zeros(12), [0x24, 0x03, 0xE8]);
        var tag = Concat(
            Ascii("Info"), U32Be(flags), U32Be(frames), bytes > 0 ? U32Be(bytes) : [], Zeros(100), U32Be(50), lame);
        var frame = Concat(Header, Zeros(32), tag);
        return Concat(frame, Zeros(FrameLength - frame.Length));
    }
}
