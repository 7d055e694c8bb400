namespace VoiceMemory.Tests.Evaluation;

/// <summary>
/// Where evaluation tests leave their tables: <c>VOICEMEMORY_EVALUATION_DIR</c> when set (scripts/evaluate.sh sets it
/// and prints every file in it), otherwise a folder under the temp directory.
/// </summary>
public static class EvaluationReport
{
    /// <summary>Writes <paramref name="table"/> as <c>{name}.txt</c> and returns its path.</summary>
    public static string Write(string name, string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(table);
        var folder = Environment.GetEnvironmentVariable("VOICEMEMORY_EVALUATION_DIR");
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = Path.Combine(Path.GetTempPath(), "voicememory-evaluation");
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".txt");
        File.WriteAllText(path, table);
        return path;
    }
}
