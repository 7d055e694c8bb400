using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Audio;
using VoiceMemory.Configuration;
using VoiceMemory.Http;
using VoiceMemory.Turns;

namespace VoiceMemory.Speech.Azure;

/// <summary>
/// Azure AI Speech fast transcription (REST): <c>POST {Speech:Endpoint}/speechtotext/transcriptions:transcribe?api-version=…</c>
/// with a multipart body of <c>audio</c> (the file) and <c>definition</c> (<c>{"locales":["en-US"]}</c>). Files over the
/// service limits (300 MB, 2 hours) are rejected before the call. No speech → an empty transcript.
/// </summary>
public sealed partial class AzureFastTranscription(
    IHttpClientFactory httpClientFactory,
    IOptions<SpeechOptions> options,
    ProviderChannel channel,
    ILogger<AzureFastTranscription> logger) : ISpeechToText
{
    /// <summary>The service's largest file.</summary>
    public const long MaxAudioBytes = 300L * 1000 * 1000;

    /// <summary>The service's longest recording.</summary>
    public static readonly TimeSpan MaxAudioDuration = TimeSpan.FromHours(2);

    /// <inheritdoc />
    public async Task<Transcript> TranscribeAsync(Stream audio, AudioFormat format, string locale, CancellationToken cancellationToken)
    {
        var result = await TranscribeDetailedAsync(audio, format, locale, cancellationToken);
        return new Transcript(result.Text, result.Locale, result.Confidence);
    }

    /// <summary>Transcribes and returns the full result, including the audio duration the service measured.</summary>
    public async Task<FastTranscriptionResult> TranscribeDetailedAsync(Stream audio, AudioFormat format, string locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var speechLocale = SpeechLocales.Normalize(locale);
        var body = await BufferWithinLimitAsync(audio, cancellationToken);
        CheckDuration(body, format);

        var settings = options.Value;
        using var content = new MultipartFormDataContent();
        var audioPart = new StreamContent(body);
        audioPart.Headers.ContentType = new MediaTypeHeaderValue(MediaTypeOf(format));
        content.Add(audioPart, "audio", "audio" + ExtensionOf(format));
        var definitionPart = new StringContent(JsonSerializer.Serialize(new { locales = new[] { speechLocale } }));
        // Sent like a plain form field (as curl --form does): no content type of its own.
        definitionPart.Headers.ContentType = null;
        content.Add(definitionPart, "definition");

        var uri = new Uri(EndpointOf(settings), $"speechtotext/transcriptions:transcribe?api-version={Uri.EscapeDataString(settings.TranscriptionApiVersion)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var client = httpClientFactory.CreateClient(ProviderNames.HttpClientName(ProviderNames.SpeechToText));
        using var response = await client.SendAsync(request, cancellationToken);
        await ProviderResponses.EnsureSuccessAsync(response, channel.Name, channel.TimeProvider, cancellationToken);

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        FastTranscriptionResult result;
        try
        {
            result = FastTranscriptionParser.Parse(bytes, speechLocale);
        }
        catch (FormatException e)
        {
            channel.RecordFailure(ErrorCodes.ProviderBadResponse);
            throw new ProviderException(channel.Name, ErrorCodes.ProviderBadResponse, "The transcription response could not be read.", response.StatusCode, null, e);
        }

        LogTranscribed(logger, (long)result.Duration.TotalMilliseconds, result.PhraseCount, result.Locale, result.Text.Length == 0);
        return result;
    }

    private static Uri EndpointOf(SpeechOptions settings)
    {
        var endpoint = settings.Endpoint ?? throw new VoiceMemoryException(ErrorCodes.NotConfigured, "Speech:Endpoint is not configured.");
        return new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/", UriKind.Absolute);
    }

    // A seekable stream is sent as it is (StreamContent rewinds it for a retry); any other is buffered, up to the limit.
    private static async Task<Stream> BufferWithinLimitAsync(Stream audio, CancellationToken cancellationToken)
    {
        if (audio.CanSeek)
        {
            if (audio.Length - audio.Position > MaxAudioBytes)
            {
                throw TooLarge();
            }

            return audio;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await audio.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxAudioBytes)
            {
                await buffer.DisposeAsync();
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static void CheckDuration(Stream body, AudioFormat format)
    {
        if (format != AudioFormat.Wav)
        {
            return;
        }

        var start = body.Position;
        var header = new byte[(int)Math.Min(WavDuration.HeaderBytes, body.Length - start)];
        body.ReadExactly(header);
        body.Position = start;
        if (WavDuration.TryRead(header, body.Length - start) is { } duration && duration > MaxAudioDuration)
        {
            throw new VoiceMemoryException(ErrorCodes.AudioTooLong, "The recording is longer than the 2 hours fast transcription accepts.");
        }
    }

    private static VoiceMemoryException TooLarge() =>
        new(ErrorCodes.AudioTooLarge, "The recording is larger than the 300 MB fast transcription accepts.");

    private static string MediaTypeOf(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "audio/wav",
        AudioFormat.Mp3 => "audio/mpeg",
        AudioFormat.Ogg => "audio/ogg",
        AudioFormat.WebM => "audio/webm",
        AudioFormat.Mp4 => "audio/mp4",
        AudioFormat.Flac => "audio/flac",
        _ => "application/octet-stream",
    };

    private static string ExtensionOf(AudioFormat format) => format switch
    {
        AudioFormat.Wav => ".wav",
        AudioFormat.Mp3 => ".mp3",
        AudioFormat.Ogg => ".ogg",
        AudioFormat.WebM => ".webm",
        AudioFormat.Mp4 => ".m4a",
        AudioFormat.Flac => ".flac",
        _ => ".bin",
    };

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Azure fast transcription: {DurationMs} ms of audio, {PhraseCount} phrases, locale {Locale}, empty {Empty}")]
    private static partial void LogTranscribed(ILogger logger, long durationMs, int phraseCount, string locale, bool empty);
}
