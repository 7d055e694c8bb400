using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Http;

namespace VoiceMemory.Speech.Azure;

/// <summary>
/// Azure AI Speech text to speech (REST): <c>POST {TtsEndpoint}/cognitiveservices/v1</c> with an SSML body
/// (<c>Content-Type: application/ssml+xml</c>), the voice for the locale from <c>Speech:Voices</c>, and
/// <c>X-Microsoft-OutputFormat</c> set to an MP3 format. Returns MP3 bytes for the audio store.
/// </summary>
public sealed partial class AzureTextToSpeech(
    IHttpClientFactory httpClientFactory,
    IOptions<SpeechOptions> options,
    ProviderChannel channel,
    ILogger<AzureTextToSpeech> logger) : ITextToSpeech
{
    /// <summary>The output format header.</summary>
    public const string OutputFormatHeader = "X-Microsoft-OutputFormat";

    /// <inheritdoc />
    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, string locale, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new VoiceMemoryException(ErrorCodes.EmptyText, "There is no text to speak.");
        }

        var settings = options.Value;
        var speechLocale = SpeechLocales.Normalize(locale);
        var voice = SpeechVoices.Select(settings.Voices, speechLocale);
        var ssml = SsmlDocument.Build(speechLocale, voice, text);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseOf(settings), "cognitiveservices/v1"));
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ssml));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ssml+xml");
        request.Headers.TryAddWithoutValidation(OutputFormatHeader, settings.OutputFormat);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("VoiceMemory", "1.0"));
        var client = httpClientFactory.CreateClient(ProviderNames.HttpClientName(ProviderNames.TextToSpeech));
        using var response = await client.SendAsync(request, cancellationToken);
        await ProviderResponses.EnsureSuccessAsync(response, channel.Name, channel.TimeProvider, cancellationToken);

        var audio = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (audio.Length == 0 || mediaType is not null && !mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))
        {
            channel.RecordFailure(ErrorCodes.ProviderBadResponse);
            throw new ProviderException(channel.Name, ErrorCodes.ProviderBadResponse, "The speech service answered without audio.", response.StatusCode);
        }

        LogSynthesized(logger, audio.Length, voice, speechLocale);
        return new SynthesizedSpeech(audio, "audio/mpeg", ".mp3");
    }

    /// <summary>The TTS base URL: <c>Speech:TtsEndpoint</c>, else <c>https://{Region}.tts.speech.microsoft.com/</c>.</summary>
    public static Uri BaseOf(SpeechOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = !string.IsNullOrWhiteSpace(settings.TtsEndpoint)
            ? settings.TtsEndpoint
            : !string.IsNullOrWhiteSpace(settings.Region)
                ? $"https://{settings.Region.Trim()}.tts.speech.microsoft.com/"
                : throw new VoiceMemoryException(ErrorCodes.NotConfigured, "Speech:TtsEndpoint or Speech:Region is not configured.");
        return new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/", UriKind.Absolute);
    }

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Azure text to speech: {Bytes} bytes of audio, voice {Voice}, locale {Locale}")]
    private static partial void LogSynthesized(ILogger logger, int bytes, string voice, string locale);
}
