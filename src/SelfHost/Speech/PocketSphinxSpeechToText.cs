using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Audio;
using VoiceMemory.Speech;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Offline speech recognition with pocketsphinx and its US English model. The text is lower case without
/// punctuation, as the model produces it; the confidence is the mean word posterior (see <see cref="PocketSphinxOutput"/>).
/// Other languages are refused with <see cref="ErrorCodes.UnsupportedLocale"/>: typed turns work in every language.
/// </summary>
public sealed partial class PocketSphinxSpeechToText(
    ProcessRunner runner,
    EngineLocator locator,
    AudioNormalizer normalizer,
    TempWorkspaceFactory workspaces,
    IOptions<OfflineSpeechOptions> options,
    ILogger<PocketSphinxSpeechToText> logger) : ISpeechToText
{
    /// <summary>The language of every transcript: the model's.</summary>
    public const string Language = "en-US";

    public async Task<Transcript> TranscribeAsync(Stream audio, AudioFormat format, string locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        EnsureEnglish(locale);
        var engine = locator.Locate(OfflineEngine.PocketSphinx);
        var missingModel = locator.FindMissingModelFiles();
        if (missingModel.Count > 0)
        {
            throw new VoiceMemoryException(
                ErrorCodes.EngineMissing,
                "The offline speech recognition model is incomplete: missing " + string.Join(", ", missingModel) + ".");
        }

        using var workspace = workspaces.Create();
        try
        {
            return await RecognizeAsync(engine, audio, format, workspace, cancellationToken);
        }
        catch (VoiceMemoryException failure) when (!failure.IsTransient && workspace.StorageFailure() is { } storage)
        {
            throw storage;
        }
    }

    private async Task<Transcript> RecognizeAsync(string engine, Stream audio, AudioFormat format, TempWorkspace workspace, CancellationToken cancellationToken)
    {
        var normalized = await normalizer.NormalizeAsync(audio, format, workspace, cancellationToken);
        if (normalized.Duration == TimeSpan.Zero)
        {
            return new Transcript(string.Empty, Language, 0);
        }

        var value = options.Value;
        string[] arguments =
        [
            "-infile", normalized.WavPath,
            "-hmm", value.AcousticModelPath,
            "-lm", value.LanguageModelPath,
            "-dict", value.DictionaryPath,
            "-samprate", AudioNormalizer.SampleRate.ToString(CultureInfo.InvariantCulture),
            "-time", "yes",
            // The engine's log holds the hypotheses: it must never reach our logs or disk.
            "-logfn", OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
        ];

        ProcessResult result;
        try
        {
            // Recognition time grows with the recording; give long recordings their own length on top.
            result = await runner.RunAsync(engine, arguments, workspace.FullPath, value.ProcessTimeout + normalized.Duration, cancellationToken);
        }
        catch (EngineProcessException exception)
        {
            throw new VoiceMemoryException(
                ErrorCodes.TranscriptionFailed,
                $"Offline speech recognition failed (exit code {exception.ExitCode}).",
                false,
                exception);
        }

        var (text, confidence) = PocketSphinxOutput.Parse(result.StandardOutput);
        LogTranscribed(logger, normalized.Duration.TotalMilliseconds, result.Elapsed.TotalMilliseconds, text.Length == 0 ? 0 : text.Count(c => c == ' ') + 1, confidence);
        return new Transcript(text, Language, confidence);
    }

    private static void EnsureEnglish(string locale)
    {
        // An absent locale means the service default, en-US.
        if (string.IsNullOrWhiteSpace(locale))
        {
            return;
        }

        var language = locale.Split('-', '_')[0];
        if (!string.Equals(language, "en", StringComparison.OrdinalIgnoreCase))
        {
            throw new VoiceMemoryException(
                ErrorCodes.UnsupportedLocale,
                "Offline speech recognition supports English only; typed turns work in every language.");
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Transcribed {AudioMs} ms of audio in {ElapsedMs} ms: {Words} words, confidence {Confidence}")]
    private static partial void LogTranscribed(ILogger logger, double audioMs, double elapsedMs, int words, double confidence);
}
