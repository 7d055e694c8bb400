using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Finds the engine executables (a configured path is honoured, a bare name is searched on PATH) and checks the
/// recogniser's model files. Found paths are cached and re-verified on use; misses are not cached, so an engine
/// installed while the service runs is picked up.
/// </summary>
public sealed class EngineLocator(IOptions<OfflineSpeechOptions> options)
{
    private readonly ConcurrentDictionary<OfflineEngine, string> found = new();

    /// <summary>The conventional program name, for health details and error messages (never a user path).</summary>
    public static string DisplayName(OfflineEngine engine) => engine switch
    {
        OfflineEngine.PocketSphinx => "pocketsphinx_continuous",
        OfflineEngine.Sox => "sox",
        OfflineEngine.Ffmpeg => "ffmpeg",
        OfflineEngine.Flite => "flite",
        OfflineEngine.EspeakNg => "espeak-ng",
        OfflineEngine.Lame => "lame",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };

    /// <summary>The executable's full path, or null when it is not installed.</summary>
    public string? TryLocate(OfflineEngine engine)
    {
        if (found.TryGetValue(engine, out var cached) && IsExecutableFile(cached))
        {
            return cached;
        }

        var resolved = Resolve(Configured(engine));
        if (resolved is null)
        {
            found.TryRemove(engine, out _);
            return null;
        }

        found[engine] = resolved;
        return resolved;
    }

    /// <summary>True when the engine is installed.</summary>
    public bool IsAvailable(OfflineEngine engine) => TryLocate(engine) is not null;

    /// <summary>The executable's full path; throws <see cref="ErrorCodes.EngineMissing"/> when it is not installed.</summary>
    public string Locate(OfflineEngine engine) =>
        TryLocate(engine) ?? throw new VoiceMemoryException(
            ErrorCodes.EngineMissing,
            $"The offline speech engine '{DisplayName(engine)}' is not installed.");

    /// <summary>The engines among <paramref name="engines"/> that are not installed.</summary>
    public IReadOnlyList<OfflineEngine> FindMissing(params OfflineEngine[] engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        return [.. engines.Where(engine => !IsAvailable(engine))];
    }

    /// <summary>Which recogniser model parts are missing: "acoustic model", "language model", "dictionary".</summary>
    public IReadOnlyList<string> FindMissingModelFiles()
    {
        var value = options.Value;
        var missing = new List<string>(3);
        if (!Directory.Exists(value.AcousticModelPath) || !File.Exists(Path.Combine(value.AcousticModelPath, "mdef")))
        {
            missing.Add("acoustic model");
        }

        if (!File.Exists(value.LanguageModelPath))
        {
            missing.Add("language model");
        }

        if (!File.Exists(value.DictionaryPath))
        {
            missing.Add("dictionary");
        }

        return missing;
    }

    private string Configured(OfflineEngine engine)
    {
        var value = options.Value;
        return engine switch
        {
            OfflineEngine.PocketSphinx => value.PocketSphinx,
            OfflineEngine.Sox => value.Sox,
            OfflineEngine.Ffmpeg => value.Ffmpeg,
            OfflineEngine.Flite => value.Flite,
            OfflineEngine.EspeakNg => value.EspeakNg,
            OfflineEngine.Lame => value.Lame,
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
        };
    }

    private static string? Resolve(string configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        // A value with a directory part is a path: honour it exactly, never fall back to PATH.
        if (Path.IsPathRooted(configured) || configured.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || configured.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(configured);
            return IsExecutableFile(full) ? full : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var candidate in Candidates(directory, configured))
            {
                if (IsExecutableFile(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string directory, string name)
    {
        yield return Path.Combine(directory, name);
        if (OperatingSystem.IsWindows() && !Path.HasExtension(name))
        {
            var extensions = Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT";
            foreach (var extension in extensions.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return Path.Combine(directory, name + extension);
            }
        }
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
