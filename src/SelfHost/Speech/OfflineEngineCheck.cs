using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Health of the offline engines: whether the programs and model files are installed (a file check, no process is
/// started). Speech-to-text and text-to-speech are critical while the speech provider is Offline; the MP3 encoder
/// and ffmpeg only degrade the service. Details name programs, never paths.
/// </summary>
public sealed class OfflineEngineCheck(
    OfflineEngineCheckKind kind,
    EngineLocator locator,
    IOptions<OfflineSpeechOptions> options,
    IOptions<SpeechOptions> speechOptions) : IDependencyCheck
{
    public string Name => kind switch
    {
        OfflineEngineCheckKind.SpeechToText => "speech-to-text",
        OfflineEngineCheckKind.TextToSpeech => "text-to-speech",
        OfflineEngineCheckKind.Mp3Encoder => "mp3-encoder",
        OfflineEngineCheckKind.Ffmpeg => "ffmpeg",
        _ => throw new InvalidOperationException($"Unknown check kind {kind}."),
    };

    public bool Critical => InUse && kind is OfflineEngineCheckKind.SpeechToText or OfflineEngineCheckKind.TextToSpeech;

    private bool InUse => speechOptions.Value.Provider == SpeechProvider.Offline;

    public Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var health = kind switch
        {
            OfflineEngineCheckKind.SpeechToText => CheckSpeechToText(),
            OfflineEngineCheckKind.TextToSpeech => CheckTextToSpeech(),
            OfflineEngineCheckKind.Mp3Encoder => CheckMp3Encoder(),
            OfflineEngineCheckKind.Ffmpeg => CheckFfmpeg(),
            _ => throw new InvalidOperationException($"Unknown check kind {kind}."),
        };

        return Task.FromResult(InUse ? health : health with { Detail = health.Detail + " (not in use: the speech provider is not Offline)" });
    }

    private DependencyHealth CheckSpeechToText()
    {
        var problems = new List<string>();
        if (!locator.IsAvailable(OfflineEngine.PocketSphinx))
        {
            problems.Add("pocketsphinx_continuous is not installed");
        }

        var model = locator.FindMissingModelFiles();
        if (model.Count > 0)
        {
            problems.Add("the en-US model is missing its " + string.Join(", ", model));
        }

        var sox = locator.IsAvailable(OfflineEngine.Sox);
        var ffmpeg = locator.IsAvailable(OfflineEngine.Ffmpeg);
        if (!sox && !ffmpeg)
        {
            problems.Add("neither sox nor ffmpeg is installed to decode audio");
        }

        if (problems.Count > 0)
        {
            return DependencyHealth.Unhealthy(string.Join("; ", problems) + ".");
        }

        return sox
            ? DependencyHealth.Healthy("pocketsphinx_continuous, sox and the en-US model are installed.")
            : DependencyHealth.Degraded("sox is not installed; ffmpeg decodes all audio.");
    }

    private DependencyHealth CheckTextToSpeech()
    {
        var flite = locator.IsAvailable(OfflineEngine.Flite);
        var espeak = locator.IsAvailable(OfflineEngine.EspeakNg);
        return (flite, espeak) switch
        {
            (true, true) => DependencyHealth.Healthy("flite and espeak-ng are installed."),
            (false, true) => DependencyHealth.Degraded("flite is not installed; English replies use espeak-ng."),
            (true, false) => DependencyHealth.Degraded("espeak-ng is not installed; only English replies can be spoken."),
            _ => DependencyHealth.Unhealthy("neither flite nor espeak-ng is installed."),
        };
    }

    private DependencyHealth CheckMp3Encoder()
    {
        if (!options.Value.Mp3Enabled)
        {
            return DependencyHealth.Healthy("MP3 is disabled; replies are WAV.");
        }

        return locator.IsAvailable(OfflineEngine.Lame)
            ? DependencyHealth.Healthy("lame is installed; replies are MP3.")
            : DependencyHealth.Degraded("lame is not installed; replies are WAV.");
    }

    private DependencyHealth CheckFfmpeg() =>
        locator.IsAvailable(OfflineEngine.Ffmpeg)
            ? DependencyHealth.Healthy("ffmpeg is installed.")
            : DependencyHealth.Degraded("ffmpeg is not installed; WebM, MP4 and Ogg Opus recordings cannot be transcribed.");
}
