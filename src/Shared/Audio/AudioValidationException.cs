namespace VoiceMemory.Audio;

/// <summary>
/// An upload that is not acceptable audio. <see cref="VoiceMemoryException.Code"/> is one of
/// <see cref="ErrorCodes.EmptyAudio"/>, <see cref="ErrorCodes.UnsupportedAudio"/>, <see cref="ErrorCodes.MalformedAudio"/>,
/// <see cref="ErrorCodes.AudioTooLarge"/> or <see cref="ErrorCodes.AudioTooLong"/>. The message is written for the API
/// caller and never quotes the recording's content. Never transient: the same bytes fail the same way.
/// </summary>
public sealed class AudioValidationException : VoiceMemoryException
{
    private static readonly string[] AudioCodes =
    [
        ErrorCodes.EmptyAudio,
        ErrorCodes.UnsupportedAudio,
        ErrorCodes.MalformedAudio,
        ErrorCodes.AudioTooLarge,
        ErrorCodes.AudioTooLong,
    ];

    /// <summary>Creates the exception; <paramref name="code"/> must be one of the audio error codes.</summary>
    public AudioValidationException(string code, string message)
        : base(code, message)
    {
        if (!AudioCodes.Contains(code, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{code}' is not an audio validation error code.", nameof(code));
        }
    }

    internal static AudioValidationException Malformed(string message) => new(ErrorCodes.MalformedAudio, message);

    internal static AudioValidationException Unsupported(string message) => new(ErrorCodes.UnsupportedAudio, message);
}
