using VoiceMemory.Audio;
using static VoiceMemory.Tests.Audio.ByteWriter;
using static VoiceMemory.Tests.Audio.Mp4Bytes;

namespace VoiceMemory.Tests.Audio;

public sealed class Mp4ParserTests
{
    [Fact]
    public void ReadDuration_MvhdVersion0_DurationOverTimescale()
    {
        // Arrange
        var file = Concat(Ftyp(), Box("moov", MvhdV0(1000, 2500), Track("soun")), Mdat(100));

        // Act
        var duration = Mp4Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(2.5), duration);
    }

    [Fact]
    public void ReadDuration_MvhdVersion1_Reads64BitDuration()
    {
        // Arrange
        var file = Concat(Ftyp(), Mdat(100), Box("moov", MvhdV1(48000, 144_000), Track("soun")));

        // Act
        var duration = Mp4Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(3), duration);
    }

    [Fact]
    public void ReadDuration_MvhdDurationZero_FallsBackToTrackDuration()
    {
        // Arrange
        var file = Concat(Ftyp(), Box("moov", MvhdV0(1000, 0), Track("soun", 16000, 64000)));

        // Act
        var duration = Mp4Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(4), duration);
    }

    [Fact]
    public void ReadDuration_NoMoov_Malformed()
    {
        // Arrange
        var file = Concat(Ftyp(), Mdat(1000));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Mp4Parser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
        Assert.Contains("moov", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDuration_BoxLargerThanFile_Malformed()
    {
        // Arrange: the media data box claims 1 MB, 100 bytes are there.
        var file = Concat(Ftyp(), Box("moov", MvhdV0(1000, 2500), Track("soun")), U32Be(1_000_000), Ascii("mdat"), Zeros(100));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Mp4Parser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDuration_OnlyVideoTrack_Malformed()
    {
        // Arrange
        var file = Concat(Ftyp(), Box("moov", MvhdV0(1000, 2500), Track("vide")));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Mp4Parser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Contains("no audio track", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDuration_ZeroTimescale_Malformed()
    {
        // Arrange
        var file = Concat(Ftyp(), Box("moov", MvhdV0(0, 2500), Track("soun")));

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => Mp4Parser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    [Fact]
    public void ReadDuration_BoxSmallerThanItsHeader_Malformed()
    {
        // Arrange
        var file = Concat(Ftyp(), U32Be(4), Ascii("moov"), Zeros(50));

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => Mp4Parser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    [Fact]
    public void ReadDuration_FragmentsWithoutMovieDuration_SumsSampleDurations()
    {
        // Arrange: two fragments of 10 samples × 1024 at 16 kHz; the second starts at decode time 10240.
        var file = Concat(
            Ftyp(),
            Box("moov", MvhdV0(1000, 0), Track("soun", 16000, 0), Box("mvex", FullBox("trex", 0, U32Be(1), U32Be(1), U32Be(0), U32Be(0), U32Be(0)))),
            Fragment(decodeTime: 0),
            Fragment(decodeTime: 10 * 1024));

        // Act
        var duration = Mp4Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(20 * 1024 / 16000.0), duration);
    }

    [Fact]
    public void ReadDuration_FragmentWithPerSampleDurations_SumsThem()
    {
        // Arrange: trun flags 0x300: each entry holds a duration and a size.
        var fragment = Box(
            "moof",
            Box(
                "traf",
                Box("tfhd", U32Be(0), U32Be(1)),
                Box("trun", U32Be(0x300), U32Be(3), U32Be(1000), U32Be(10), U32Be(1024), U32Be(10), U32Be(476), U32Be(10))));
        var file = Concat(Ftyp(), Box("moov", MvhdV0(1000, 0), Track("soun", 16000, 0)), fragment, Mdat(30));

        // Act
        var duration = Mp4Parser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(2500 / 16000.0), duration);
    }

    [Fact]
    public void ReadDuration_TrunCountBeyondItsBox_Malformed()
    {
        // Arrange
        var fragment = Box("moof", Box("traf", Box("tfhd", U32Be(0), U32Be(1)), Box("trun", U32Be(0x100), U32Be(1000), U32Be(1024))));
        var file = Concat(Ftyp(), Box("moov", MvhdV0(1000, 0), Track("soun", 16000, 0)), fragment);

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => Mp4Parser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    private static byte[] Fragment(uint decodeTime) => Concat(
        Box(
            "moof",
            FullBox("mfhd", 0, U32Be(1)),
            Box(
                "traf",
                // tfhd flags 0x08: a default sample duration follows the track id.
                Box("tfhd", U32Be(0x08), U32Be(1), U32Be(1024)),
                FullBox("tfdt", 0, U32Be(decodeTime)),
                // trun flags 0x200: per-sample sizes only, so durations come from the default.
                Box("trun", U32Be(0x200), U32Be(10), Zeros(40)))),
        Mdat(50));
}
