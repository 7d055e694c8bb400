using VoiceMemory.Audio;

namespace VoiceMemory.Tests.Audio;

public sealed class FlacParserTests
{
    // The smallest example file of RFC 9639 (appendix D.1): one stereo 16-bit sample at 44.1 kHz.
    private static readonly byte[] Example =
    [
        0x66, 0x4C, 0x61, 0x43, 0x80, 0x00, 0x00, 0x22, 0x10, 0x00, 0x10, 0x00, 0x00, 0x00, 0x0F, 0x00,
        0x00, 0x0F, 0x0A, 0xC4, 0x42, 0xF0, 0x00, 0x00, 0x00, 0x01, 0x3E, 0x84, 0xB4, 0x18, 0x07, 0xDC,
        0x69, 0x03, 0x07, 0x58, 0x6A, 0x3D, 0xAD, 0x1A, 0x2E, 0x0F, 0xFF, 0xF8, 0x69, 0x18, 0x00, 0x00,
        0xBF, 0x03, 0x58, 0xFD, 0x03, 0x12, 0x8B, 0xAA, 0x9A,
    ];

    private const int FrameStart = 42;
    private const int TotalSamplesOffset = 8 + 10 + 4;

    [Fact]
    public void TryParse_SpecExampleFrameHeader_ReadsBlockSizeAndNumber()
    {
        // Act
        var ok = FlacFrameHeader.TryParse(Example.AsSpan(FrameStart), out var header);

        // Assert
        Assert.True(ok);
        Assert.Equal(new FlacFrameHeader(false, 0, 1), header);
    }

    [Fact]
    public void TryParse_HeaderCrcWrong_False()
    {
        // Arrange
        var bytes = Example[FrameStart..];
        bytes[6] ^= 0x01;

        // Act / Assert
        Assert.False(FlacFrameHeader.TryParse(bytes, out _));
    }

    [Fact]
    public void ReadDuration_SpecExample_OneSample()
    {
        // Act
        var duration = FlacParser.ReadDuration(ByteSource.FromSpan(Example));

        // Assert
        Assert.Equal(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 44100), duration);
    }

    [Fact]
    public void ReadDuration_StreamInfoClaimsMoreSamplesThanTheFramesHold_Malformed()
    {
        // Arrange: STREAMINFO says one second; the only frame holds one sample.
        var file = (byte[])Example.Clone();
        file[TotalSamplesOffset + 2] = 0xAC;
        file[TotalSamplesOffset + 3] = 0x44;

        // Act
        var error = Assert.Throws<AudioValidationException>(() => FlacParser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDuration_LastFrameFooterCrcWrong_Malformed()
    {
        // Arrange: the frame header is intact but the frame's CRC-16 footer does not match its bytes.
        var file = (byte[])Example.Clone();
        file[^1] ^= 0x01;

        // Act
        var error = Assert.Throws<AudioValidationException>(() => FlacParser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void ReadDuration_UnknownTotalSamples_Null()
    {
        // Arrange
        var file = (byte[])Example.Clone();
        file[TotalSamplesOffset + 3] = 0;

        // Act
        var duration = FlacParser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Null(duration);
    }

    [Theory]
    [InlineData(4, 0x04)]   // the first block is a Vorbis comment, not STREAMINFO
    [InlineData(7, 0x23)]   // STREAMINFO is 35 bytes long instead of 34
    [InlineData(8, 0x00)]   // minimum block size 0 (the format needs at least 16)
    [InlineData(10, 0x00)]  // maximum block size below the minimum
    public void ReadDuration_BadStreamInfo_Malformed(int offset, byte value)
    {
        // Arrange
        var file = (byte[])Example.Clone();
        file[offset] = value;

        // Act
        var error = Assert.Throws<AudioValidationException>(() => FlacParser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void ReadDuration_NoFrameAfterMetadata_Malformed()
    {
        // Arrange
        var file = Example[..FrameStart];

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => FlacParser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    [Fact]
    public void ReadDuration_MetadataCutShort_Malformed()
    {
        // Arrange
        var file = Example[..30];

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => FlacParser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }
}
