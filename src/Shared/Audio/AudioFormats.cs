namespace VoiceMemory.Audio;

/// <summary>Media types and file extensions of the supported containers, and the mapping from declared media types.</summary>
public static class AudioFormats
{
    /// <summary>The media type that means "I don't know, look at the bytes".</summary>
    public const string OctetStream = "application/octet-stream";

    private static readonly Dictionary<string, AudioFormat> Declared = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audio/wav"] = AudioFormat.Wav,
        ["audio/x-wav"] = AudioFormat.Wav,
        ["audio/wave"] = AudioFormat.Wav,
        ["audio/x-wave"] = AudioFormat.Wav,
        ["audio/vnd.wave"] = AudioFormat.Wav,
        ["audio/x-pn-wav"] = AudioFormat.Wav,
        ["audio/mpeg"] = AudioFormat.Mp3,
        ["audio/mp3"] = AudioFormat.Mp3,
        ["audio/mpeg3"] = AudioFormat.Mp3,
        ["audio/x-mpeg"] = AudioFormat.Mp3,
        ["audio/x-mp3"] = AudioFormat.Mp3,
        ["audio/x-mpeg-3"] = AudioFormat.Mp3,
        ["audio/mpa"] = AudioFormat.Mp3,
        ["audio/ogg"] = AudioFormat.Ogg,
        ["audio/x-ogg"] = AudioFormat.Ogg,
        ["audio/opus"] = AudioFormat.Ogg,
        ["audio/vorbis"] = AudioFormat.Ogg,
        ["application/ogg"] = AudioFormat.Ogg,
        ["audio/webm"] = AudioFormat.WebM,
        ["video/webm"] = AudioFormat.WebM,
        ["audio/x-matroska"] = AudioFormat.WebM,
        ["video/x-matroska"] = AudioFormat.WebM,
        ["audio/mp4"] = AudioFormat.Mp4,
        ["audio/m4a"] = AudioFormat.Mp4,
        ["audio/x-m4a"] = AudioFormat.Mp4,
        ["video/mp4"] = AudioFormat.Mp4,
        ["audio/3gpp"] = AudioFormat.Mp4,
        ["video/3gpp"] = AudioFormat.Mp4,
        ["audio/3gpp2"] = AudioFormat.Mp4,
        ["video/3gpp2"] = AudioFormat.Mp4,
        ["audio/flac"] = AudioFormat.Flac,
        ["audio/x-flac"] = AudioFormat.Flac,
    };

    /// <summary>The canonical media type of <paramref name="format"/>; <see cref="OctetStream"/> for <see cref="AudioFormat.Unknown"/>.</summary>
    public static string ContentType(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "audio/wav",
        AudioFormat.Mp3 => "audio/mpeg",
        AudioFormat.Ogg => "audio/ogg",
        AudioFormat.WebM => "audio/webm",
        AudioFormat.Mp4 => "audio/mp4",
        AudioFormat.Flac => "audio/flac",
        AudioFormat.Unknown => OctetStream,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an audio format."),
    };

    /// <summary>The file extension (with the dot) for storing <paramref name="format"/>; ".bin" for <see cref="AudioFormat.Unknown"/>.</summary>
    public static string Extension(AudioFormat format) => format switch
    {
        AudioFormat.Wav => ".wav",
        AudioFormat.Mp3 => ".mp3",
        AudioFormat.Ogg => ".ogg",
        AudioFormat.WebM => ".webm",
        AudioFormat.Mp4 => ".m4a",
        AudioFormat.Flac => ".flac",
        AudioFormat.Unknown => ".bin",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an audio format."),
    };

    /// <summary>
    /// The format a declared <c>Content-Type</c> names, ignoring parameters (<c>; codecs=opus</c>) and case;
    /// null when it names none of them: absent, <see cref="OctetStream"/> ("sniff the bytes"), an audio type we
    /// do not map (e.g. <c>audio/aac</c>), or not audio at all. Never throws.
    /// </summary>
    public static AudioFormat? FromContentType(string? contentType) =>
        MediaType(contentType) is { } mediaType && Declared.TryGetValue(mediaType, out var format) ? format : null;

    /// <summary>The media type of a <c>Content-Type</c> value, lower-cased and without parameters; null when blank.</summary>
    internal static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return mediaType.Length == 0 ? null : mediaType.ToLowerInvariant();
    }

    /// <summary>True for media types that allow sniffing: octet-stream and any <c>audio/*</c> (or a mapped video/ogg type).</summary>
    internal static bool MaySniff(string mediaType) =>
        mediaType == OctetStream || mediaType.StartsWith("audio/", StringComparison.Ordinal) || Declared.ContainsKey(mediaType);
}
