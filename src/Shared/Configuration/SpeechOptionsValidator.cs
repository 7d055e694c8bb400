using Microsoft.Extensions.Options;

namespace VoiceMemory.Configuration;

/// <summary>Checks <see cref="SpeechOptions"/> at start: with Provider=Azure, the endpoints, auth and output format must fit together.</summary>
public sealed class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.ValidateResilience("VoiceMemory:Speech:Resilience", options.Resilience, failures);
        if (options.Provider != SpeechProvider.Azure)
        {
            return Result(failures);
        }

        var keyless = string.IsNullOrWhiteSpace(options.ApiKey);
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add("VoiceMemory:Speech:Endpoint is required when VoiceMemory:Speech:Provider is Azure (the Speech resource endpoint, e.g. https://{name}.cognitiveservices.azure.com/).");
        }
        else if (OptionRules.RequireHttpUri("VoiceMemory:Speech:Endpoint", options.Endpoint, failures) is { } stt && keyless && OptionRules.IsRegionalCognitiveHost(stt))
        {
            failures.Add("VoiceMemory:Speech:Endpoint is a regional endpoint, which does not take Microsoft Entra tokens: set VoiceMemory:Speech:ApiKey, or use the resource's custom-subdomain endpoint (https://{name}.cognitiveservices.azure.com/).");
        }

        if (!string.IsNullOrWhiteSpace(options.TtsEndpoint))
        {
            if (OptionRules.RequireHttpUri("VoiceMemory:Speech:TtsEndpoint", options.TtsEndpoint, failures) is { } tts
                && keyless && tts.Host.EndsWith(".tts.speech.microsoft.com", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.ResourceId))
            {
                failures.Add("Microsoft Entra auth against a regional TTS endpoint needs VoiceMemory:Speech:ResourceId (or set VoiceMemory:Speech:ApiKey, or a custom-domain VoiceMemory:Speech:TtsEndpoint).");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add("VoiceMemory:Speech:Region or VoiceMemory:Speech:TtsEndpoint is required when VoiceMemory:Speech:Provider is Azure (text to speech goes to https://{Region}.tts.speech.microsoft.com/ by default).");
        }
        else if (!options.Region.Trim().All(char.IsAsciiLetterOrDigit))
        {
            failures.Add($"VoiceMemory:Speech:Region must be an Azure region name such as eastus (got '{options.Region}').");
        }
        else if (keyless && string.IsNullOrWhiteSpace(options.ResourceId))
        {
            failures.Add("Microsoft Entra auth against the regional TTS endpoint needs VoiceMemory:Speech:ResourceId (or set VoiceMemory:Speech:ApiKey, or a custom-domain VoiceMemory:Speech:TtsEndpoint).");
        }

        if (string.IsNullOrWhiteSpace(options.TranscriptionApiVersion))
        {
            failures.Add("VoiceMemory:Speech:TranscriptionApiVersion must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.OutputFormat) || !options.OutputFormat.Contains("mp3", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"VoiceMemory:Speech:OutputFormat must be an MP3 format such as audio-24khz-48kbitrate-mono-mp3 (got '{options.OutputFormat}').");
        }

        if (options.Voices is null || !options.Voices.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            failures.Add("VoiceMemory:Speech:Voices must name at least one voice (e.g. en-US = en-US-AvaMultilingualNeural).");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
