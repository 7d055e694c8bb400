using System.Text;
using System.Text.RegularExpressions;

namespace VoiceMemory.Tests.Evaluation.Memory;

/// <summary>
/// Reads the evaluation files (<c>memory-cases.{en,zh}.txt</c>, format in their header) and splits them into tune and
/// held-out parts by a hash of each case's text, so the split does not move when cases are added or reordered.
/// </summary>
internal static partial class MemoryCaseFile
{
    /// <summary>One case in three is held out.</summary>
    private const uint HeldOutModulus = 3;

    /// <summary>
    /// The cases of <c>memory-cases.{language}.txt</c>, split by hash; with <paramref name="fresh"/>, those of
    /// <c>memory-cases-fresh.{language}.txt</c>, written after tuning, all held out.
    /// </summary>
    public static IReadOnlyList<MemoryCase> Load(string language, bool fresh = false)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Memory", fresh ? $"memory-cases-fresh.{language}.txt" : $"memory-cases.{language}.txt");
        var cases = new List<MemoryCase>();
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // Fields are separated by a single '|'; '||' separates told turns inside the second field.
            var fields = FieldSeparator().Split(line).Select(f => f.Trim()).ToArray();
            if (fields.Length != 5 || fields[0].Length == 0 || fields[2].Length == 0 || fields[3].Length == 0)
            {
                throw new FormatException($"{path}:{i + 1}: expected 'kind | told || told | question | expected | stale'");
            }

            var told = fields[1].Split("||", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var expected = fields[3] == "?"
                ? []
                : fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(e => e.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .ToList();
            var stale = fields[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            cases.Add(new MemoryCase(language, i + 1, fields[0], told, fields[2], expected, stale, fresh || IsHeldOut(fields[0], fields[1], fields[2]), fresh));
        }

        return cases;
    }

    /// <summary>FNV-1a of kind, told and question: deterministic across runs, machines and .NET versions.</summary>
    public static bool IsHeldOut(string kind, string told, string question)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(kind + "\n" + told + "\n" + question))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash % HeldOutModulus == 0;
    }

    [GeneratedRegex(@"(?<!\|)\|(?!\|)")]
    private static partial Regex FieldSeparator();
}
