using VoiceMemory.Audio;
using static VoiceMemory.Tests.Audio.ByteWriter;

namespace VoiceMemory.Tests.Audio;

public sealed class WavParserTests
{
    [Fact]
    public void Parse_Pcm16Mono_ReadsFormatAndDuration()
    {
        // Arrange: one second of 16 kHz 16-bit mono.
        var file = new WavBytes().Build();

        // Act
        var info = WavParser.Parse(file);

        // Assert
        Assert.Equal(new WavInfo(1, 16000, 16, 1, 32000, TimeSpan.FromSeconds(1)), info);
    }

    [Fact]
    public void Parse_StereoAt44k_DurationFromBlockAlign()
    {
        // Arrange: half a second of 16-bit stereo at 44.1 kHz (4 bytes per frame).
        var file = new WavBytes { Channels = 2, SampleRate = 44100, DataBytes = 44100 * 4 / 2 }.Build();

        // Act
        var info = WavParser.Parse(file);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(0.5), info.Duration);
        Assert.Equal(2, info.Channels);
    }

    [Fact]
    public void Parse_ListChunkWithOddSizeBeforeFmt_SkipsItWithPadByte()
    {
        // Arrange
        var file = new WavBytes { ChunksBeforeFmt = WavBytes.Chunk("LIST", 27) }.Build();

        // Act
        var info = WavParser.Parse(file);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(1), info.Duration);
    }

    [Fact]
    public void Parse_DataChunkClaimsMoreThanPresent_Malformed()
    {
        // Arrange: the header says 10 s of audio, the file holds 1 s, and the RIFF size agrees with the lie.
        var honest = new WavBytes().Build();
        var file = new WavBytes { DeclaredDataSize = 320000, RiffSize = (uint)(honest.Length - 8 + 288000) }.Build();

        // Act
        var error = Assert.Throws<AudioValidationException>(() => WavParser.Parse(file));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void Parse_OnlyDataSizeLies_MalformedNamingTheDataChunk()
    {
        // Arrange
        var file = new WavBytes { DeclaredDataSize = 320000 }.Build();

        // Act
        var error = Assert.Throws<AudioValidationException>(() => WavParser.Parse(file));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
        Assert.Contains("data chunk", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    public void Parse_StreamingSizes_DataRunsToEndOfFile(uint unknownSize)
    {
        // Arrange
        var file = new WavBytes { RiffSize = unknownSize, DeclaredDataSize = unknownSize }.Build();

        // Act
        var info = WavParser.Parse(file);

        // Assert
        Assert.Equal(32000, info.DataBytes);
        Assert.Equal(TimeSpan.FromSeconds(1), info.Duration);
    }

    [Fact]
    public void Parse_RiffSizeFarLargerThanFile_Malformed()
    {
        // Arrange
        var file = new WavBytes { RiffSize = 50_000_000 }.Build();

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => WavParser.Parse(file)).Code);
    }

    [Fact]
    public void Parse_RiffSizeTooSmallForChunks_Malformed()
    {
        // Arrange
        var file = new WavBytes { RiffSize = 4 }.Build();

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => WavParser.Parse(file)).Code);
    }

    [Fact]
    public void Parse_RiffSizeEndsInsideDataChunk_Malformed()
    {
        // Arrange: a RIFF size of 100 bytes in front of a second of audio.
        var file = new WavBytes { RiffSize = 100 }.Build();

        // Act
        var error = Assert.Throws<AudioValidationException>(() => WavParser.Parse(file));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void Parse_TrailingBytesAfterRiffForm_Ignored()
    {
        // Arrange: some taggers append data after the RIFF form.
        var file = Concat(new WavBytes().Build(), Ascii("id3 trailing metadata"));

        // Act
        var info = WavParser.Parse(file);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(1), info.Duration);
    }

    public static TheoryData<WavBytes, string> Broken => new()
    {
        { new WavBytes { IncludeFmt = false }, "no 'fmt ' chunk" },
        { new WavBytes { IncludeData = false, ChunksBeforeFmt = WavBytes.Chunk("LIST", 20) }, "no 'data' chunk" },
        { new WavBytes { Channels = 0, BlockAlign = 2, ByteRate = 32000 }, "0 channels" },
        { new WavBytes { SampleRate = 0, ByteRate = 0 }, "sample rate" },
        { new WavBytes { BlockAlign = 3 }, "block align" },
        { new WavBytes { Bits = 12, BlockAlign = 2 }, "12 bits" },
        { new WavBytes { ByteRate = 1234 }, "byte rate" },
        { new WavBytes { Tag = 3, Bits = 16 }, "16 bits" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Parse_NonsenseOrMissingFields_MalformedWithReason(WavBytes wav, string reason)
    {
        // Arrange
        var file = wav.Build();

        // Act
        var error = Assert.Throws<AudioValidationException>(() => WavParser.Parse(file));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(30)]
    public void Parse_TruncatedHeader_Malformed(int length)
    {
        // Arrange
        var file = new WavBytes().Build()[..length];

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => WavParser.Parse(file)).Code);
    }

    [Fact]
    public void Parse_AdpcmEncoding_Unsupported()
    {
        // Arrange: IMA ADPCM (0x11) with 4-bit samples.
        var file = new WavBytes { Tag = 0x11, Bits = 4, BlockAlign = 256, ByteRate = 4055 }.Build();

        // Act
        var error = Assert.Throws<AudioValidationException>(() => WavParser.Parse(file));

        // Assert
        Assert.Equal(ErrorCodes.UnsupportedAudio, error.Code);
    }

    [Fact]
    public void Parse_ExtensibleWithPcmSubFormat_ReportsPcm()
    {
        // Arrange: a 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk, sub-format KSDATAFORMAT_SUBTYPE_PCM.
        var fmt = Concat(
            Ascii("fmt "), U32Le(40), U16Le(0xFFFE), U16Le(2), U32Le(48000), U32Le(48000 * 6), U16Le(6), U16Le(24),
            U16Le(22), U16Le(24), U32Le(3), U16Le(1), [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]);
        var body = Concat(Ascii("WAVE"), fmt, Ascii("data"), U32Le(48000 * 6), Zeros(48000 * 6));
        var file = Concat(Ascii("RIFF"), U32Le((uint)body.Length), body);

        // Act
        var info = WavParser.Parse(file);

        // Assert
        Assert.Equal(1, info.AudioFormatTag);
        Assert.Equal(24, info.BitsPerSample);
        Assert.Equal(TimeSpan.FromSeconds(1), info.Duration);
    }
}
