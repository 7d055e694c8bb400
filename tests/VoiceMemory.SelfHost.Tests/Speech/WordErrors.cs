namespace VoiceMemory.SelfHost.Tests.Speech;

/// <summary>Word-level edit distance (substitutions + insertions + deletions), ignoring case and punctuation.</summary>
internal static class WordErrors
{
    public static int Count(string expected, string actual)
    {
        var want = Words(expected);
        var got = Words(actual);
        var previous = new int[got.Length + 1];
        var current = new int[got.Length + 1];
        for (var j = 0; j <= got.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= want.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= got.Length; j++)
            {
                var substitution = previous[j - 1] + (want[i - 1] == got[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[got.Length];
    }

    private static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
