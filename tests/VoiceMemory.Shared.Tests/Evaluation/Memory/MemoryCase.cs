namespace VoiceMemory.Tests.Evaluation.Memory;

/// <summary>
/// One tell → ask case: what the user said (one turn each), the question, the words a right answer holds (each entry
/// is a set of alternatives; none = never told, so the right answer is an honest "I don't know") and stale words whose
/// presence means a wrong fact. <see cref="Fresh"/> cases come from the set written after tuning (all held out).
/// </summary>
internal sealed record MemoryCase(
    string Language,
    int Line,
    string Kind,
    IReadOnlyList<string> Told,
    string Question,
    IReadOnlyList<string[]> Expected,
    IReadOnlyList<string> Stale,
    bool HeldOut,
    bool Fresh = false)
{
    /// <summary>True when nothing the question asks about was told.</summary>
    public bool NeverTold => Expected.Count == 0;

    /// <summary>The user's locale for this case's language.</summary>
    public string Locale => Language == "zh" ? "zh-CN" : "en-US";
}
