using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Speech;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Offline speech synthesis: flite for English, espeak-ng for other languages (Chinese: "cmn") and whenever flite is
/// missing or fails; then MP3 through lame when it is present and enabled, else WAV. Text longer than
/// <see cref="OfflineSpeechOptions.MaxSpeechCharacters"/> is cut at a sentence end (see <see cref="SpeechText"/>).
/// Text reaches the engines through a file, never the command line.
/// </summary>
public sealed partial class OfflineTextToSpeech(
    ProcessRunner runner,
    EngineLocator locator,
    TempWorkspaceFactory workspaces,
    IOptions<OfflineSpeechOptions> options,
    IOptions<SpeechOptions> speechOptions,
    ILogger<OfflineTextToSpeech> logger) : ITextToSpeech
{
    private const string DefaultFliteVoice = "slt";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, string locale, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var value = options.Value;
        var (spoken, truncated) = SpeechText.Prepare(text, value.MaxSpeechCharacters);
        if (spoken.Length == 0)
        {
            throw new ArgumentException("The text has nothing to speak.", nameof(text));
        }

        if (truncated)
        {
            LogShortened(logger, text.Length, spoken.Length);
        }

        var language = LanguageOf(locale);
        using var workspace = workspaces.Create();
        var textFile = workspace.PathOf("reply.txt");
        await File.WriteAllTextAsync(textFile, spoken, Utf8, cancellationToken);
        var wav = workspace.PathOf("reply.wav");
        string engine;
        try
        {
            engine = await SpeakAsync(textFile, wav, locale, language, workspace.FullPath, cancellationToken);
        }
        catch (VoiceMemoryException failure) when (!failure.IsTransient && workspace.StorageFailure() is { } storage)
        {
            throw storage;
        }

        var lame = value.Mp3Enabled ? locator.TryLocate(OfflineEngine.Lame) : null;
        if (lame is not null)
        {
            var mp3 = workspace.PathOf("reply.mp3");
            try
            {
                string[] arguments = ["--quiet", "-V", value.Mp3Quality.ToString(CultureInfo.InvariantCulture), wav, mp3];
                await runner.RunAsync(lame, arguments, workspace.FullPath, value.ProcessTimeout, cancellationToken);
                var bytes = await File.ReadAllBytesAsync(mp3, cancellationToken);
                if (bytes.Length > 0)
                {
                    LogSynthesized(logger, engine, spoken.Length, "mp3", bytes.Length);
                    return new SynthesizedSpeech(bytes, "audio/mpeg", ".mp3");
                }
            }
            catch (EngineProcessException exception)
            {
                // The WAV is still a good reply; a broken encoder only costs download size.
                LogMp3Failed(logger, exception.ExitCode);
            }
        }

        var wavBytes = await File.ReadAllBytesAsync(wav, cancellationToken);
        LogSynthesized(logger, engine, spoken.Length, "wav", wavBytes.Length);
        return new SynthesizedSpeech(wavBytes, "audio/wav", ".wav");
    }

    /// <summary>Writes <paramref name="wav"/>; returns the engine that spoke.</summary>
    private async Task<string> SpeakAsync(string textFile, string wav, string locale, string language, string workingDirectory, CancellationToken cancellationToken)
    {
        var value = options.Value;
        EngineProcessException? fliteFailure = null;
        var fliteSilent = false;
        var flite = language == "en" ? locator.TryLocate(OfflineEngine.Flite) : null;
        if (flite is not null)
        {
            var voice = new[] { value.FliteVoice, speechOptions.Value.OfflineVoice, DefaultFliteVoice }.First(name => !string.IsNullOrWhiteSpace(name))!;
            try
            {
                await runner.RunAsync(flite, ["-voice", voice, "-f", textFile, "-o", wav], workingDirectory, value.ProcessTimeout, cancellationToken);
                if (HasAudio(wav))
                {
                    return "flite";
                }

                fliteSilent = true;
                LogNoAudio(logger, "flite");
            }
            catch (EngineProcessException exception)
            {
                fliteFailure = exception;
                LogFliteFailed(logger, exception.ExitCode);
            }
        }

        var espeak = locator.TryLocate(OfflineEngine.EspeakNg);
        if (espeak is null)
        {
            if (fliteFailure is not null || fliteSilent)
            {
                throw new VoiceMemoryException(ErrorCodes.SynthesisFailed, "Offline speech synthesis failed.", false, fliteFailure);
            }

            throw new VoiceMemoryException(
                ErrorCodes.EngineMissing,
                language == "en"
                    ? "Neither flite nor espeak-ng is installed for offline speech synthesis."
                    : $"espeak-ng is needed to speak '{language}' and is not installed.");
        }

        try
        {
            await runner.RunAsync(espeak, ["-v", EspeakVoice(locale, language), "-w", wav, "-f", textFile], workingDirectory, value.ProcessTimeout, cancellationToken);
        }
        catch (EngineProcessException exception)
        {
            throw new VoiceMemoryException(
                ErrorCodes.SynthesisFailed,
                $"Offline speech synthesis failed for '{language}' (exit code {exception.ExitCode}).",
                false,
                exception);
        }

        if (!HasAudio(wav))
        {
            throw new VoiceMemoryException(ErrorCodes.SynthesisFailed, "Offline speech synthesis produced no audio.");
        }

        return "espeak-ng";
    }

    private string EspeakVoice(string locale, string language)
    {
        var voices = options.Value.EspeakVoices;
        if (!string.IsNullOrWhiteSpace(locale) && voices.TryGetValue(locale, out var byLocale))
        {
            return byLocale;
        }

        // espeak-ng names most voices by language code, so an unlisted language still has a good chance.
        return voices.TryGetValue(language, out var byLanguage) ? byLanguage : language;
    }

    private static string LanguageOf(string locale) =>
        string.IsNullOrWhiteSpace(locale) ? "en" : locale.Split('-', '_')[0].ToLowerInvariant();

    private static bool HasAudio(string wav) =>
        File.Exists(wav) && WaveInfo.TryRead(wav) is { DataBytes: > 0 };

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Synthesized {Characters} characters with {Engine} as {Container}: {Bytes} bytes")]
    private static partial void LogSynthesized(ILogger logger, string engine, int characters, string container, int bytes);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Reply of {Characters} characters shortened to {Spoken} for speech")]
    private static partial void LogShortened(ILogger logger, int characters, int spoken);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "flite failed (exit code {ExitCode}); trying espeak-ng")]
    private static partial void LogFliteFailed(ILogger logger, int exitCode);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Warning, Message = "{Engine} produced no audio; trying the next engine")]
    private static partial void LogNoAudio(ILogger logger, string engine);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "MP3 encoding failed (exit code {ExitCode}); replying with WAV")]
    private static partial void LogMp3Failed(ILogger logger, int exitCode);
}
