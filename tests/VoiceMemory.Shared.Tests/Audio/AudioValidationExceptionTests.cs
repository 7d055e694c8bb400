using VoiceMemory.Audio;

namespace VoiceMemory.Tests.Audio;

public sealed class AudioValidationExceptionTests
{
    [Theory]
    [InlineData("empty_audio")]
    [InlineData("unsupported_audio")]
    [InlineData("malformed_audio")]
    [InlineData("audio_too_large")]
    [InlineData("audio_too_long")]
    public void Constructor_AudioCode_KeepsCodeAndIsNotTransient(string code)
    {
        // Act
        var error = new AudioValidationException(code, "message");

        // Assert
        Assert.Equal(code, error.Code);
        Assert.False(error.IsTransient);
        Assert.IsAssignableFrom<VoiceMemoryException>(error);
    }

    [Fact]
    public void Constructor_NonAudioCode_Throws()
    {
        // Act / Assert
        Assert.Throws<ArgumentException>(() => new AudioValidationException(ErrorCodes.RateLimited, "message"));
    }
}
