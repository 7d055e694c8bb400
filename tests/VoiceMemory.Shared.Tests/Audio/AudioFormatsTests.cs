using VoiceMemory.Audio;

namespace VoiceMemory.Tests.Audio;

public sealed class AudioFormatsTests
{
    [Theory]
    [InlineData(AudioFormat.Wav, "audio/wav", ".wav")]
    [InlineData(AudioFormat.Mp3, "audio/mpeg", ".mp3")]
    [InlineData(AudioFormat.Ogg, "audio/ogg", ".ogg")]
    [InlineData(AudioFormat.WebM, "audio/webm", ".webm")]
    [InlineData(AudioFormat.Mp4, "audio/mp4", ".m4a")]
    [InlineData(AudioFormat.Flac, "audio/flac", ".flac")]
    public void ContentTypeAndExtension_Format_Canonical(AudioFormat format, string contentType, string extension)
    {
        // Act / Assert
        Assert.Equal(contentType, AudioFormats.ContentType(format));
        Assert.Equal(extension, AudioFormats.Extension(format));
        Assert.Equal(format, AudioFormats.FromContentType(contentType));
    }

    [Fact]
    public void ContentType_UndefinedEnumValue_Throws()
    {
        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioFormats.ContentType((AudioFormat)42));
    }

    [Theory]
    [InlineData("audio/x-wav", AudioFormat.Wav)]
    [InlineData("audio/wave", AudioFormat.Wav)]
    [InlineData("audio/vnd.wave", AudioFormat.Wav)]
    [InlineData("audio/mp3", AudioFormat.Mp3)]
    [InlineData("audio/mpeg3", AudioFormat.Mp3)]
    [InlineData("audio/x-m4a", AudioFormat.Mp4)]
    [InlineData("audio/m4a", AudioFormat.Mp4)]
    [InlineData("video/mp4", AudioFormat.Mp4)]
    [InlineData("audio/x-flac", AudioFormat.Flac)]
    [InlineData("video/webm", AudioFormat.WebM)]
    [InlineData("audio/opus", AudioFormat.Ogg)]
    [InlineData("AUDIO/WEBM;codecs=opus", AudioFormat.WebM)]
    [InlineData(" audio/ogg ; codecs=\"opus\" ", AudioFormat.Ogg)]
    [InlineData("Audio/Wav; charset=binary", AudioFormat.Wav)]
    public void FromContentType_AliasOrParameters_Format(string contentType, AudioFormat expected)
    {
        // Act
        var format = AudioFormats.FromContentType(contentType);

        // Assert
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("application/octet-stream")]
    [InlineData("audio/aac")]
    [InlineData("text/html")]
    [InlineData(";;;")]
    [InlineData("audio")]
    public void FromContentType_NotAMappedAudioType_Null(string? contentType)
    {
        // Act
        var format = AudioFormats.FromContentType(contentType);

        // Assert
        Assert.Null(format);
    }
}
