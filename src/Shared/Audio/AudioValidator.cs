using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;

namespace VoiceMemory.Audio;

/// <summary>
/// Accepts or rejects an uploaded recording by its bytes: size limits, the container its magic numbers prove
/// (a declared <c>Content-Type</c> that contradicts them is rejected), the container's structure and its
/// duration. Reads only headers and, where the format needs it, the tail; never the whole upload.
/// </summary>
public sealed partial class AudioValidator(IOptions<LimitsOptions> limits)
{
    private const int SniffLength = 4096;

    // A duration that gives fewer bits per second than this cannot be real audio (Opus with silence suppression
    // stays well above it): the header lies about the length.
    private const double MinimumBitsPerSecond = 100;

    private const string Supported = "WAV, MP3, Ogg (Vorbis or Opus), WebM, MP4/M4A or FLAC";

    /// <summary>
    /// Inspects <paramref name="audio"/> (readable and seekable, the recording starting at position 0) and returns
    /// what it is, or throws <see cref="AudioValidationException"/> with <c>empty_audio</c>, <c>audio_too_large</c>,
    /// <c>unsupported_audio</c> (unknown bytes, a non-audio or contradicting <paramref name="declaredContentType"/>),
    /// <c>malformed_audio</c> (broken structure, zero or impossible duration) or <c>audio_too_long</c>.
    /// The stream is left at position 0 either way. <paramref name="declaredContentType"/> may be null or
    /// <c>application/octet-stream</c>: then the bytes alone decide.
    /// </summary>
    public AudioInspection Inspect(Stream audio, string? declaredContentType)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (!audio.CanRead || !audio.CanSeek)
        {
            throw new ArgumentException("The audio stream must be readable and seekable.", nameof(audio));
        }

        try
        {
            return InspectCore(audio, declaredContentType);
        }
        finally
        {
            audio.Position = 0;
        }
    }

    private AudioInspection InspectCore(Stream audio, string? declaredContentType)
    {
        var options = limits.Value;
        var length = audio.Length;
        if (length == 0)
        {
            throw new AudioValidationException(ErrorCodes.EmptyAudio, "The request body is empty; send the recording's bytes.");
        }

        if (length > options.MaxAudioBytes)
        {
            throw new AudioValidationException(
                ErrorCodes.AudioTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The recording is {length} bytes; the limit is {options.MaxAudioBytes} bytes."));
        }

        var mediaType = AudioFormats.MediaType(declaredContentType);
        var declared = CheckDeclaredType(mediaType);
        var source = new ByteSource(audio);
        var format = Sniff(source);
        if (format == AudioFormat.Unknown)
        {
            throw AudioValidationException.Unsupported($"The audio format was not recognised from its bytes. Send {Supported}.");
        }

        if (declared is { } claimed && claimed != format)
        {
            throw AudioValidationException.Unsupported(
                $"The bytes are {Name(format)} ({AudioFormats.ContentType(format)}) but the Content-Type header says {Quote(mediaType!)} ({Name(claimed)}). " +
                $"Send the matching Content-Type, or {AudioFormats.OctetStream} to let the server detect it.");
        }

        var duration = format switch
        {
            AudioFormat.Wav => WavParser.Parse(source).Duration,
            AudioFormat.Mp3 => Mp3Parser.ReadDuration(source),
            AudioFormat.Ogg => OggParser.ReadDuration(source),
            AudioFormat.WebM => WebMParser.ReadDuration(source),
            AudioFormat.Mp4 => Mp4Parser.ReadDuration(source),
            AudioFormat.Flac => FlacParser.ReadDuration(source),
            _ => throw new InvalidOperationException($"No parser for {format}."),
        };

        CheckDuration(duration, length, options.MaxAudioSeconds);
        return new AudioInspection(format, AudioFormats.ContentType(format), AudioFormats.Extension(format), duration, length);
    }

    private static AudioFormat? CheckDeclaredType(string? mediaType)
    {
        if (mediaType is null)
        {
            return null;
        }

        if (AudioFormats.FromContentType(mediaType) is { } format)
        {
            return format;
        }

        // Other audio/* types (audio/aac, audio/x-caf …) are sniffed: the bytes decide whether we support them.
        return AudioFormats.MaySniff(mediaType)
            ? null
            : throw AudioValidationException.Unsupported(
                $"The Content-Type {Quote(mediaType)} is not an audio type. Send {Supported} with its audio/* type, or {AudioFormats.OctetStream}.");
    }

    // An ID3 tag says little: what follows it (MPEG frames or, rarely, FLAC) decides, however long the tag is.
    private static AudioFormat Sniff(ByteSource source)
    {
        var header = source.ReadRange(0, SniffLength);
        if (Id3Tag.Size(header) is null)
        {
            return AudioSniffer.Detect(header);
        }

        var afterTags = Id3Tag.SkipTags(source);
        return AudioSniffer.AfterId3(source.ReadRange(afterTags, MpegFrameHeader.Size));
    }

    private static void CheckDuration(TimeSpan? duration, long length, int maxSeconds)
    {
        // Unknown (a live WebM without cues, a streamed FLAC): the byte limit still bounds the upload.
        if (duration is not { } known)
        {
            return;
        }

        if (known <= TimeSpan.Zero)
        {
            throw AudioValidationException.Malformed("The recording contains no audio: its duration is zero.");
        }

        if (length * 8 / known.TotalSeconds < MinimumBitsPerSecond)
        {
            throw AudioValidationException.Malformed("The recording's header declares a duration its size cannot hold; the header is wrong.");
        }

        if (known.TotalSeconds > maxSeconds)
        {
            throw new AudioValidationException(
                ErrorCodes.AudioTooLong,
                string.Create(CultureInfo.InvariantCulture, $"The recording lasts {known.TotalSeconds:0.0} s; the limit is {maxSeconds} s."));
        }
    }

    private static string Name(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "WAV",
        AudioFormat.Mp3 => "MP3",
        AudioFormat.Ogg => "Ogg",
        AudioFormat.WebM => "WebM",
        AudioFormat.Mp4 => "MP4",
        AudioFormat.Flac => "FLAC",
        _ => "unknown",
    };

    // Echo the declared type only when it is a plain token pair: a header value is the caller's text.
    private static string Quote(string mediaType) =>
        mediaType.Length <= 100 && MediaTypeToken().IsMatch(mediaType) ? $"'{mediaType}'" : "that was sent";

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaTypeToken();
}
