using Microsoft.Extensions.Options;
using Moq;
using VoiceMemory.Audio;
using VoiceMemory.Configuration;

namespace VoiceMemory.Tests.Audio;

[Collection(AudioSamplesCollection.Name)]
public sealed class AudioValidatorTests(AudioSamples samples)
{
    // Lossy encoders add priming and pad the last frame; 150 ms covers every codec here.
    private const double LossyTolerance = 0.15;
    private const double LosslessTolerance = 0.001;

    public static TheoryData<string, AudioFormat, double> Recordings => new()
    {
        { "speech.wav", AudioFormat.Wav, LosslessTolerance },
        { "stereo44k.wav", AudioFormat.Wav, LosslessTolerance },
        { "pcm8.wav", AudioFormat.Wav, LosslessTolerance },
        { "float.wav", AudioFormat.Wav, LosslessTolerance },
        { "streamed.wav", AudioFormat.Wav, LosslessTolerance },
        { "speech.flac", AudioFormat.Flac, LosslessTolerance },
        { "plain.mp3", AudioFormat.Mp3, LossyTolerance },
        { "id3.mp3", AudioFormat.Mp3, LossyTolerance },
        { "id3v2only.mp3", AudioFormat.Mp3, LossyTolerance },
        { "vbr.mp3", AudioFormat.Mp3, LossyTolerance },
        { "cbr.mp3", AudioFormat.Mp3, LossyTolerance },
        { "vorbis.ogg", AudioFormat.Ogg, LossyTolerance },
        { "opus.ogg", AudioFormat.Ogg, LossyTolerance },
        { "opus.webm", AudioFormat.WebM, LossyTolerance },
        { "live.webm", AudioFormat.WebM, LossyTolerance },
        { "aac.m4a", AudioFormat.Mp4, LossyTolerance },
        { "faststart.m4a", AudioFormat.Mp4, LossyTolerance },
        { "fragmented.m4a", AudioFormat.Mp4, LossyTolerance },
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Inspect_RealRecording_FormatAndDurationFromBytes(string name, AudioFormat format, double tolerance)
    {
        // Arrange
        using var stream = File.OpenRead(samples.PathOf(name));

        // Act
        var inspection = Validator().Inspect(stream, null);

        // Assert
        Assert.Equal(format, inspection.Format);
        Assert.Equal(AudioFormats.ContentType(format), inspection.ContentType);
        Assert.Equal(AudioFormats.Extension(format), inspection.Extension);
        Assert.Equal(stream.Length, inspection.Bytes);
        Assert.NotNull(inspection.Duration);
        Assert.InRange(inspection.Duration.Value.TotalSeconds, samples.SpeechSeconds - tolerance, samples.SpeechSeconds + tolerance);
    }

    public static TheoryData<string, AudioFormat> RecordingFormats()
    {
        var data = new TheoryData<string, AudioFormat>();
        foreach (var row in Recordings)
        {
            data.Add((string)row[0], (AudioFormat)row[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordingFormats))]
    public void Detect_FirstBytesOfRealRecording_SameFormat(string name, AudioFormat format)
    {
        // Arrange
        var bytes = samples.Bytes(name);
        var header = bytes[..Math.Min(bytes.Length, 4096)];

        // Act
        var detected = AudioSniffer.Detect(header);

        // Assert
        Assert.Equal(format, detected);
    }

    [Theory]
    [InlineData("speech.wav", "audio/wav")]
    [InlineData("speech.wav", "audio/x-wav")]
    [InlineData("id3.mp3", "audio/mpeg")]
    [InlineData("opus.ogg", "audio/ogg; codecs=opus")]
    [InlineData("opus.webm", "video/webm")]
    [InlineData("aac.m4a", "audio/x-m4a")]
    [InlineData("aac.m4a", "audio/aac")]
    [InlineData("speech.flac", "audio/flac")]
    [InlineData("speech.flac", "APPLICATION/OCTET-STREAM")]
    public void Inspect_DeclaredTypeAgreesOrAsksToSniff_Accepted(string name, string contentType)
    {
        // Arrange
        using var stream = new MemoryStream(samples.Bytes(name));

        // Act
        var inspection = Validator().Inspect(stream, contentType);

        // Assert
        Assert.Equal(AudioSniffer.Detect(samples.Bytes(name)), inspection.Format);
    }

    [Theory]
    [InlineData("plain.mp3", AudioFormat.Mp3)]
    [InlineData("speech.flac", AudioFormat.Flac)]
    public void Inspect_Id3TagLongerThanSniffWindow_FormatOfWhatFollows(string name, AudioFormat format)
    {
        // Arrange: a 10,000-byte ID3v2.3 tag (as cover art makes them) in front of the recording.
        byte[] tag = [.. "ID3"u8, 3, 0, 0, 0, 0, 78, 16, .. new byte[10_000]];
        using var stream = new MemoryStream([.. tag, .. samples.Bytes(name)]);

        // Act
        var inspection = Validator().Inspect(stream, null);

        // Assert
        Assert.Equal(format, inspection.Format);
        Assert.InRange(inspection.Duration!.Value.TotalSeconds, samples.SpeechSeconds - LossyTolerance, samples.SpeechSeconds + LossyTolerance);
    }

    [Fact]
    public void Inspect_Id3TagLongerThanFile_Malformed()
    {
        // Arrange
        byte[] bytes = [.. "ID3"u8, 3, 0, 0, 0, 0, 78, 16, .. new byte[500]];
        using var stream = new MemoryStream(bytes);

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Validator().Inspect(stream, "audio/mpeg"));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void Inspect_Mp3BytesDeclaredAsWav_UnsupportedNamingBoth()
    {
        // Arrange
        using var stream = new MemoryStream(samples.Bytes("id3.mp3"));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Validator().Inspect(stream, "audio/wav"));

        // Assert
        Assert.Equal(ErrorCodes.UnsupportedAudio, error.Code);
        Assert.Contains("bytes are MP3", error.Message, StringComparison.Ordinal);
        Assert.Contains("'audio/wav'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("image/png")]
    [InlineData("application/json")]
    public void Inspect_NonAudioDeclaredType_Unsupported(string contentType)
    {
        // Arrange
        using var stream = new MemoryStream(samples.Bytes("speech.wav"));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Validator().Inspect(stream, contentType));

        // Assert
        Assert.Equal(ErrorCodes.UnsupportedAudio, error.Code);
        Assert.Contains("not an audio type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_HostileDeclaredType_NotEchoed()
    {
        // Arrange
        using var stream = new MemoryStream(samples.Bytes("speech.wav"));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Validator().Inspect(stream, "text/<script>alert(1)</script>"));

        // Assert
        Assert.DoesNotContain("<script>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ZeroBytes_EmptyAudio()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Validator().Inspect(stream, "audio/wav"));

        // Assert
        Assert.Equal(ErrorCodes.EmptyAudio, error.Code);
    }

    [Fact]
    public void Inspect_LargerThanLimit_AudioTooLarge()
    {
        // Arrange
        using var stream = new MemoryStream(samples.Bytes("speech.wav"));

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Validator(maxBytes: 64 * 1024).Inspect(stream, null));

        // Assert
        Assert.Equal(ErrorCodes.AudioTooLarge, error.Code);
        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long.wav")]
    [InlineData("long.mp3")]
    [InlineData("long.ogg")]
    public void Inspect_LongerThanLimit_AudioTooLong(string name)
    {
        // Arrange
        using var stream = new MemoryStream(samples.Bytes(name));
        Assert.True(samples.LongSeconds > AudioSamples.ShortLimitSeconds);

        // Act
        var error = Assert.Throws<AudioValidationException>(() => Validator(maxSeconds: AudioSamples.ShortLimitSeconds).Inspect(stream, null));

        // Assert
        Assert.Equal(ErrorCodes.AudioTooLong, error.Code);
        Assert.Contains($"limit is {AudioSamples.ShortLimitSeconds} s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ShorterThanLimit_Accepted()
    {
        // Arrange
        using var stream = new MemoryStream(samples.Bytes("opus.ogg"));

        // Act
        var inspection = Validator(maxSeconds: AudioSamples.ShortLimitSeconds).Inspect(stream, null);

        // Assert
        Assert.True(inspection.Duration < TimeSpan.FromSeconds(AudioSamples.ShortLimitSeconds));
    }

    [Theory]
    [InlineData("speech.wav")]
    [InlineData("id3.mp3")]
    [InlineData("text/html")]
    public void Inspect_AfterSuccessOrFailure_StreamBackAtZero(string nameOrType)
    {
        // Arrange
        var isFile = nameOrType.Contains('.', StringComparison.Ordinal);
        using var stream = new MemoryStream(samples.Bytes(isFile ? nameOrType : "speech.wav"));
        stream.Position = 17;

        // Act: the outcome is asserted elsewhere; here only the position matters.
        var outcome = Record.Exception(() => Validator().Inspect(stream, isFile ? null : nameOrType));

        // Assert
        Assert.True(outcome is null or AudioValidationException);
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("large.wav", AudioFormat.Wav)]
    [InlineData("large.ogg", AudioFormat.Ogg)]
    [InlineData("large.m4a", AudioFormat.Mp4)]
    public void Inspect_LargeFile_ReadsOnlyHeadersAndTail(string name, AudioFormat format)
    {
        // Arrange
        using var stream = new CountingStream(File.OpenRead(samples.PathOf(name)));

        // Act
        var inspection = Validator().Inspect(stream, null);

        // Assert
        Assert.Equal(format, inspection.Format);
        Assert.True(stream.Length > 1_000_000, "the sample should be large enough for the test to mean something");
        Assert.True(stream.BytesRead < 300_000, $"read {stream.BytesRead} of {stream.Length} bytes");
    }

    [Fact]
    public void Inspect_NotSeekable_ArgumentException()
    {
        // Arrange
        var stream = new Mock<Stream>();
        stream.SetupGet(s => s.CanRead).Returns(true);
        stream.SetupGet(s => s.CanSeek).Returns(false);

        // Act / Assert
        Assert.Throws<ArgumentException>(() => Validator().Inspect(stream.Object, null));
    }

    internal static AudioValidator Validator(long maxBytes = 25L * 1024 * 1024, int maxSeconds = 300) =>
        new(Options.Create(new LimitsOptions { MaxAudioBytes = maxBytes, MaxAudioSeconds = maxSeconds }));
}
