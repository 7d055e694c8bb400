using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;

namespace VoiceMemory.Functions.Hosting;

/// <summary>The Functions host has no offline speech engines: it refuses to start unless Azure AI Speech is selected.</summary>
public sealed class AzureSpeechRequiredValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == SpeechProvider.Azure
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("The Azure Functions host has no offline speech engines: set VoiceMemory__Speech__Provider=Azure (and its Endpoint and Region).");
    }
}
