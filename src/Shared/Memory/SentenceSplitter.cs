namespace VoiceMemory.Memory;

/// <summary>Splits typed or transcribed text into sentences on . ! ? 。 ！ ？ ; and line breaks, sparing decimals and titles.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "mt", "prof", "rev", "jr", "sr", "no", "vs", "etc", "e.g", "i.e", "approx", "fr",
    };

    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var hardStop = c is '。' or '！' or '？' or '!' or '?' or ';' or '；' or '\n' or '\r' or '\u2028' or '\u2029';
            var period = c == '.' && IsSentencePeriod(text, start, i);
            if (!hardStop && !period)
            {
                continue;
            }

            // Swallow runs like "?!" or "..." so the terminator is judged as a whole.
            var end = i;
            while (end + 1 < text.Length && text[end + 1] is '.' or '!' or '?' or '。' or '！' or '？')
            {
                end++;
            }

            var terminators = text[i..(end + 1)];
            Add(sentences, text[start..i], terminators.Contains('?', StringComparison.Ordinal) || terminators.Contains('？', StringComparison.Ordinal));
            start = end + 1;
            i = end;
        }

        Add(sentences, text[start..], false);
        return sentences;
    }

    private static bool IsSentencePeriod(string text, int sentenceStart, int index)
    {
        // 3.5, 10.30
        if (index > 0 && index + 1 < text.Length && char.IsDigit(text[index - 1]) && char.IsDigit(text[index + 1]))
        {
            return false;
        }

        var wordStart = index;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..index];
        return !Abbreviations.Contains(word) && !(word.Length == 1 && char.IsUpper(word[0]));
    }

    private static void Add(List<Sentence> sentences, string text, bool question)
    {
        var trimmed = text.Trim().Trim(',', '，', ' ');
        if (trimmed.Length > 0)
        {
            sentences.Add(new Sentence(trimmed, question));
        }
    }
}
