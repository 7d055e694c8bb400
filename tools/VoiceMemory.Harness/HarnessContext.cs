using System.Globalization;
using VoiceMemory.Harness.Audio;
using VoiceMemory.Harness.Hosting;

namespace VoiceMemory.Harness;

/// <summary>What every scenario shares: the options, the server build, the run folder, one HTTP client and the generated speech.</summary>
internal sealed class HarnessContext(HarnessOptions options, string serverDll, string runFolder) : IDisposable
{
    private IReadOnlyList<SpokenClip>? clips;

    public HarnessOptions Options => options;

    public string ServerDll => serverDll;

    public string RunFolder => runFolder;

    public HttpClient Http { get; } = Client.HarnessHttp.Create();

    /// <summary>A fresh folder for one scenario (data root, logs).</summary>
    public string ScenarioFolder(string scenario)
    {
        var folder = Path.Combine(runFolder, scenario);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A launch on a fresh data root inside the scenario folder.</summary>
    public ServerLaunch Launch(string dataRoot, IReadOnlyDictionary<string, string>? settings = null) =>
        new(serverDll, dataRoot, settings ?? new Dictionary<string, string>());

    public async Task<IReadOnlyList<SpokenClip>> SpokenClipsAsync() =>
        clips ??= await SpeechSamples.CreateAsync(Path.Combine(runFolder, "speech"));

    /// <summary>Progress goes to stderr so that stdout holds only the summary blocks.</summary>
    public static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));

    public void Dispose() => Http.Dispose();
}
