using VoiceMemory.Audio;
using static VoiceMemory.Tests.Audio.ByteWriter;
using static VoiceMemory.Tests.Audio.EbmlBytes;

namespace VoiceMemory.Tests.Audio;

public sealed class WebMParserTests
{
    [Fact]
    public void ReadDuration_InfoDuration_TimesTimecodeScale()
    {
        // Arrange: 2500 ticks of 1 ms.
        var file = Concat(Header("webm"), Element(Segment, Element(Info, UInt(TimecodeScale, 1_000_000), Float(Duration, 2500)), AudioTracks()));

        // Act
        var duration = WebMParser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(2.5), duration);
    }

    [Fact]
    public void ReadDuration_MatroskaDocTypeAndOtherScale_Accepted()
    {
        // Arrange: 40 ticks of 0.1 s.
        var file = Concat(Header("matroska"), Element(Segment, Element(Info, UInt(TimecodeScale, 100_000_000), Float(Duration, 40)), AudioTracks()));

        // Act
        var duration = WebMParser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(4), duration);
    }

    [Fact]
    public void ReadDuration_LiveRecordingWithoutDuration_LastBlockOfLastCluster()
    {
        // Arrange: unknown-size Segment and Clusters, as MediaRecorder writes them.
        var file = Concat(
            Header("webm"),
            UnknownSizeElement(
                Segment,
                Element(Info, UInt(TimecodeScale, 1_000_000)),
                AudioTracks(),
                UnknownSizeElement(Cluster, UInt(Timecode, 0), Block(0), Block(20), Block(40)),
                UnknownSizeElement(Cluster, UInt(Timecode, 3000), Block(0), Block(500), Block(460))));

        // Act
        var duration = WebMParser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(3.5), duration);
    }

    [Fact]
    public void ReadDuration_NoDurationAndNoCluster_Null()
    {
        // Arrange
        var file = Concat(Header("webm"), Element(Segment, Element(Info, UInt(TimecodeScale, 1_000_000)), AudioTracks()));

        // Act
        var duration = WebMParser.ReadDuration(ByteSource.FromSpan(file));

        // Assert
        Assert.Null(duration);
    }

    [Fact]
    public void ReadDuration_OtherDocType_Malformed()
    {
        // Arrange
        var file = Concat(Header("mkv3d"), Element(Segment, Element(Info, Float(Duration, 2500)), AudioTracks()));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => WebMParser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
        Assert.Contains("DocType", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDuration_SegmentLargerThanFile_Malformed()
    {
        // Arrange
        var segment = Element(Segment, Element(Info, Float(Duration, 2500)), AudioTracks(), Zeros(100));
        var file = Concat(Header("webm"), segment[..^50]);

        // Act
        var error = Assert.Throws<AudioValidationException>(() => WebMParser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDuration_NoAudioTrack_Malformed()
    {
        // Arrange: a video-only track list.
        var tracks = Element(Tracks, Element(TrackEntry, UInt(TrackType, 1)));
        var file = Concat(Header("webm"), Element(Segment, Element(Info, Float(Duration, 2500)), tracks));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => WebMParser.ReadDuration(ByteSource.FromSpan(file)));

        // Assert
        Assert.Contains("no audio track", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDuration_MissingInfo_Malformed()
    {
        // Arrange
        var file = Concat(Header("webm"), Element(Segment, AudioTracks()));

        // Act / Assert
        Assert.Equal(ErrorCodes.MalformedAudio, Assert.Throws<AudioValidationException>(() => WebMParser.ReadDuration(ByteSource.FromSpan(file))).Code);
    }

    [Fact]
    public void TryParse_UnknownSize_ReportsUnknown()
    {
        // Act
        var ok = EbmlElement.TryParse([0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], out var element);

        // Assert
        Assert.True(ok);
        Assert.Equal(0x18538067u, element.Id);
        Assert.True(element.HasUnknownSize);
        Assert.Equal(12, element.HeaderLength);
    }

    [Fact]
    public void TryParse_OneByteSize_ReadsIt()
    {
        // Act
        var ok = EbmlElement.TryParse([0x1A, 0x45, 0xDF, 0xA3, 0x9F], out var element);

        // Assert
        Assert.True(ok);
        Assert.Equal((0x1A45DFA3u, 31L, 5), (element.Id, element.Size, element.HeaderLength));
    }

    [Fact]
    public void TryParse_ZeroLeadingByte_False()
    {
        // Act / Assert
        Assert.False(EbmlElement.TryParse([0x00, 0x81], out _));
    }
}
