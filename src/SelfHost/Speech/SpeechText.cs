using System.Text;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>Prepares reply text for a speech engine: no control characters, single spaces, a length cap.</summary>
internal static class SpeechText
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', ';', '。', '！', '？', '；'];

    /// <summary>The text to speak, and whether it was cut to fit <paramref name="maxCharacters"/>.</summary>
    public static (string Text, bool Truncated) Prepare(string text, int maxCharacters)
    {
        var clean = new StringBuilder(Math.Min(text.Length, maxCharacters + 1));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = clean.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                clean.Append(' ');
                pendingSpace = false;
            }

            clean.Append(c);
            if (clean.Length > maxCharacters)
            {
                break;
            }
        }

        return clean.Length <= maxCharacters ? (clean.ToString(), false) : (Cut(clean.ToString(), maxCharacters), true);
    }

    /// <summary>Cuts at the last sentence end before the cap, else the last word break, so speech never stops mid-word.</summary>
    private static string Cut(string text, int maxCharacters)
    {
        var head = text[..maxCharacters];
        var sentence = head.LastIndexOfAny(SentenceEnds);
        if (sentence >= maxCharacters / 2)
        {
            return head[..(sentence + 1)];
        }

        var space = head.LastIndexOf(' ');
        return space >= maxCharacters / 2 ? head[..space] : head;
    }
}
