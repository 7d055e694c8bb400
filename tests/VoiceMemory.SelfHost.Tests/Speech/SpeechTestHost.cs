using VoiceMemory.Configuration;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Speech;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace VoiceMemory.SelfHost.Tests.Speech;

/// <summary>
/// The real offline engines wired by hand over a private data root, plus helpers that make test audio with the
/// same engines (through <see cref="ProcessRunner"/>, so with argument lists).
/// </summary>
internal sealed class SpeechTestHost : IDisposable
{
    public SpeechTestHost(Action<OfflineSpeechOptions>? configure = null, SpeechProvider provider = SpeechProvider.Offline)
    {
        DataRoot = Path.Combine(Path.GetTempPath(), "voicememory-speech-tests", Guid.NewGuid().ToString("N"));
        Scratch = Path.Combine(DataRoot, "scratch");
        Directory.CreateDirectory(Scratch);
        Options = new OfflineSpeechOptions();
        configure?.Invoke(Options);
        SpeechOptions = new SpeechOptions { Provider = provider };

        var options = MsOptions.Create(Options);
        var speechOptions = MsOptions.Create(SpeechOptions);
        Runner = new ProcessRunner(Logs.For<ProcessRunner>());
        Locator = new EngineLocator(options);
        Workspaces = new TempWorkspaceFactory(MsOptions.Create(new SelfHostOptions { DataRoot = DataRoot }), TimeProvider.System, Logs.For<TempWorkspaceFactory>());
        Normalizer = new AudioNormalizer(Runner, Locator, Workspaces, options, Logs.For<AudioNormalizer>());
        SpeechToText = new PocketSphinxSpeechToText(Runner, Locator, Normalizer, Workspaces, options, Logs.For<PocketSphinxSpeechToText>());
        TextToSpeech = new OfflineTextToSpeech(Runner, Locator, Workspaces, options, speechOptions, Logs.For<OfflineTextToSpeech>());
    }

    public string DataRoot { get; }

    /// <summary>Where tests put the audio they generate; not under the engines' temp root.</summary>
    public string Scratch { get; }

    public OfflineSpeechOptions Options { get; }

    public SpeechOptions SpeechOptions { get; }

    public LogSink Logs { get; } = new();

    public ProcessRunner Runner { get; }

    public EngineLocator Locator { get; }

    public TempWorkspaceFactory Workspaces { get; }

    public AudioNormalizer Normalizer { get; }

    public PocketSphinxSpeechToText SpeechToText { get; }

    public OfflineTextToSpeech TextToSpeech { get; }

    /// <summary>True when no engine workspace is left under the temp root.</summary>
    public bool NoWorkspacesLeft =>
        !Directory.Exists(Workspaces.Root) || !Directory.EnumerateFileSystemEntries(Workspaces.Root).Any();

    public OfflineEngineCheck Check(OfflineEngineCheckKind kind) =>
        new(kind, Locator, MsOptions.Create(Options), MsOptions.Create(SpeechOptions));

    /// <summary>Runs a tool from PATH in the scratch folder.</summary>
    public Task<ProcessResult> RunToolAsync(string tool, params string[] arguments) =>
        Runner.RunAsync(tool, arguments, Scratch, TimeSpan.FromSeconds(60), CancellationToken.None);

    /// <summary>Speaks <paramref name="text"/> with flite's slt voice into a 16 kHz mono WAV in the scratch folder.</summary>
    public async Task<string> SpeakAsync(string text, string fileName)
    {
        var textFile = Path.Combine(Scratch, fileName + ".txt");
        await File.WriteAllTextAsync(textFile, text);
        var wav = Path.Combine(Scratch, fileName);
        await RunToolAsync("flite", "-voice", "slt", "-f", textFile, "-o", wav);
        return wav;
    }

    public string ScratchPath(string fileName) => Path.Combine(Scratch, fileName);

    public void Dispose()
    {
        if (Directory.Exists(DataRoot))
        {
            Directory.Delete(DataRoot, recursive: true);
        }
    }
}
