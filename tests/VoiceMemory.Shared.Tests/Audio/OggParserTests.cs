using VoiceMemory.Audio;
using static VoiceMemory.Tests.Audio.ByteWriter;

namespace VoiceMemory.Tests.Audio;

public sealed class OggParserTests
{
    [Fact]
    public void ReadDuration_Opus_LastGranuleMinusPreSkipAt48k()
    {
        // Arrange
        var file = OggBytes.Opus(lastGranule: 96_000 + 312);

        // Act
        var duration = OggParser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(2), duration);
    }

    [Fact]
    public void ReadDuration_Vorbis_LastGranuleOverSampleRate()
    {
        // Arrange
        var file = Concat(
            OggBytes.Page(OggBytes.Bos, 0, 0, OggBytes.VorbisId(16000)),
            OggBytes.Page(0, 16000, 1, Zeros(500)),
            OggBytes.Page(OggBytes.Eos, 24000, 2, Zeros(500)));

        // Act
        var duration = OggParser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(1.5), duration);
    }

    [Fact]
    public void ReadDuration_LastPageWithoutGranule_UsesThePageBefore()
    {
        // Arrange: -1 means "no packet ends on this page".
        var file = Concat(
            OggBytes.Page(OggBytes.Bos, 0, 0, OggBytes.VorbisId(16000)),
            OggBytes.Page(0, 16000, 1, Zeros(500)),
            OggBytes.Page(0, -1, 2, Zeros(255)));

        // Act
        var duration = OggParser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(1), duration);
    }

    [Fact]
    public void ReadDuration_LastPageCut_Malformed()
    {
        // Arrange
        var whole = OggBytes.Opus(96_312);
        var file = whole[..^10];

        // Act
        var error = Assert.Throws<AudioValidationException>(() => OggParser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void ReadDuration_TrailingGarbage_Malformed()
    {
        // Arrange
        var file = Concat(OggBytes.Opus(96_312), Ascii("garbage after the last page"));

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => OggParser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    [Fact]
    public void ReadDuration_FirstPageChecksumWrong_Malformed()
    {
        // Arrange
        var file = OggBytes.Opus(96_312);
        file[30] ^= 0xFF;

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => OggParser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    [Fact]
    public void ReadDuration_FirstPageNotBeginningOfStream_Malformed()
    {
        // Arrange
        var file = Concat(OggBytes.Page(0, 0, 0, OggBytes.OpusHead(312)), OggBytes.Page(OggBytes.Eos, 48_312, 1, Zeros(40)));

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => OggParser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    [Fact]
    public void ReadDuration_SegmentTableLongerThanFile_Malformed()
    {
        // Arrange: a first page that promises 255 lacing values but stops after the header.
        var file = Concat(Ascii("OggS"), [0, OggBytes.Bos], Zeros(20), [255], Zeros(10));

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => OggParser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    [Fact]
    public void ReadDuration_SpeexCodec_Unsupported()
    {
        // Arrange
        var file = Concat(
            OggBytes.Page(OggBytes.Bos, 0, 0, Concat(Ascii("Speex   "), Zeros(72))),
            OggBytes.Page(OggBytes.Eos, 16000, 1, Zeros(40)));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => OggParser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.UnsupportedAudio, error.Code);
    }

    [Fact]
    public void ReadDuration_InvalidOpusHeader_Malformed()
    {
        // Arrange: zero channels.
        var head = OggBytes.OpusHead(312);
        head[9] = 0;
        var file = Concat(OggBytes.Page(OggBytes.Bos, 0, 0, head), OggBytes.Page(OggBytes.Eos, 48_312, 1, Zeros(40)));

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => OggParser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }
}
