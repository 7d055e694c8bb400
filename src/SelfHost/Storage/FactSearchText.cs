using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VoiceMemory.Memory;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// Turns fact text into what the FTS5 index holds, and free text into safe FTS5 query terms.
/// </summary>
/// <remarks>
/// <para>
/// Per-user tokens. Every indexed token is prefixed with a tag derived from the user id ("u3f9a…" + "peanuts"), so
/// each user has their own posting lists. A search touches only the asking user's postings, and bm25's document
/// frequencies are the user's own. The obvious alternative — an owner column ANDed into the MATCH — was measured and
/// rejected: bm25 counts the documents of every phrase in the expression by scanning its whole doclist, and the owner
/// phrase's doclist is the user's entire memory, which made every search O(facts) (15 ms instead of 0.7 ms for the
/// same candidates at 100k facts). The join on user_id still guards isolation exactly.
/// </para>
/// <para>
/// Chinese and Japanese. unicode61 splits on spaces and punctuation only, so "我对花生过敏" would be one token and a
/// query for "花生" would never match it. Two fixes were compared on the bundled SQLite 3.50: a second FTS table with
/// the trigram tokenizer, and indexing each CJK character as its own token. Trigram cannot match anything shorter
/// than three characters, and most Chinese words are two ("花生", "过敏"), so "我对什么过敏" found nothing with it.
/// Here each ideograph (and kana) is a token; a query asks for each adjacent pair of its CJK characters as a
/// two-token phrase (a bigram), which matches two-character words and is ranked by bm25 like any other phrase.
/// </para>
/// <para>
/// Tokens are cut here, in C#, with the same character classes the FTS5 tokenizer is configured with
/// (<c>categories 'L* N* Co M*'</c>), so the tokenizer never splits a tagged token further; it still folds case and
/// diacritics, identically for facts and queries.
/// </para>
/// </remarks>
internal static class FactSearchText
{
    /// <summary>More terms than this make a query slower without making its ranking better.</summary>
    public const int MaxTerms = 24;

    /// <summary>The tag that prefixes every token of one user: "u" and 12 hex digits of SHA-256(userId).</summary>
    public static string UserTag(string userId) =>
        "u" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)).AsSpan(0, 6));

    /// <summary>The text as indexed for <paramref name="userId"/>: its tokens, tagged, separated by spaces.</summary>
    public static string ForIndex(string userId, string text)
    {
        var tag = UserTag(userId);
        var builder = new StringBuilder(text.Length * 2);
        foreach (var token in Tokenize(text))
        {
            builder.Append(tag).Append(token.Text).Append(' ');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The searchable terms of <paramref name="query"/> for <paramref name="userId"/>, each an FTS5 double-quoted
    /// string of tagged tokens made only of letters, digits and marks, so no FTS5 syntax (NEAR, AND, *, ^, :,
    /// parentheses, column filters) can come from the user. Empty when nothing is searchable.
    /// </summary>
    public static IReadOnlyList<string> ToQueryTerms(string userId, string query)
    {
        var tag = UserTag(userId);
        var terms = new List<(string Term, bool Stop)>();
        var run = new List<string>();

        void EndRun()
        {
            if (run.Count == 1)
            {
                terms.Add((tag + run[0], SearchVocabulary.CjkFunctionCharacters.Contains(run[0])));
            }

            for (var i = 0; i + 1 < run.Count; i++)
            {
                var stop = SearchVocabulary.CjkFunctionCharacters.Contains(run[i]) || SearchVocabulary.CjkFunctionCharacters.Contains(run[i + 1]);
                terms.Add((tag + run[i] + " " + tag + run[i + 1], stop));
            }

            run.Clear();
        }

        (int End, bool Cjk) previous = (-1, false);
        foreach (var token in Tokenize(query))
        {
            // Adjacent CJK characters form a run; anything else in between (a word, a space, punctuation) ends it.
            if (!token.Cjk || !previous.Cjk || token.Start != previous.End)
            {
                EndRun();
            }

            if (token.Cjk)
            {
                run.Add(token.Text);
            }
            else
            {
                var word = token.Text.ToLowerInvariant();
                terms.Add((tag + word, SearchVocabulary.StopWords.Contains(word)));
            }

            previous = (token.Start + token.Text.Length, token.Cjk);
        }

        EndRun();

        var chosen = terms.Any(t => !t.Stop) ? terms.Where(t => !t.Stop) : terms;
        return chosen.Select(t => t.Term).Distinct(StringComparer.Ordinal).Take(MaxTerms).Select(t => "\"" + t + "\"").ToList();
    }

    /// <summary>The terms ORed: one FTS5 expression.</summary>
    public static string Or(IEnumerable<string> quotedTerms) => string.Join(" OR ", quotedTerms);

    /// <summary>Words (runs of letters, digits and marks) and single CJK characters, with their start offsets.</summary>
    private static IEnumerable<(string Text, int Start, bool Cjk)> Tokenize(string text)
    {
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        var word = new StringBuilder();
        var wordStart = 0;
        var offset = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var cjk = SearchVocabulary.IsCjk(rune);
            if (!cjk && SearchVocabulary.IsWordRune(rune))
            {
                if (word.Length == 0)
                {
                    wordStart = offset;
                }

                word.Append(rune.ToString());
            }
            else
            {
                if (word.Length > 0)
                {
                    yield return (word.ToString(), wordStart, false);
                    word.Clear();
                }

                if (cjk)
                {
                    yield return (rune.ToString(), offset, true);
                }
            }

            offset += rune.Utf16SequenceLength;
        }

        if (word.Length > 0)
        {
            yield return (word.ToString(), wordStart, false);
        }
    }
}
