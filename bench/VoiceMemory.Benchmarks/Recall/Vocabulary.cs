using System.Text;

namespace VoiceMemory.Benchmarks.Recall;

/// <summary>
/// Word lists for generated memories: pronounceable made-up words (so there are tens of thousands of distinct ones)
/// drawn with a Zipf distribution, as words in real speech are: a few are everywhere, most are rare.
/// </summary>
public sealed class Vocabulary
{
    private static readonly string[] Onsets = ["b", "br", "c", "ch", "d", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    private static readonly string[] Codas = ["", "n", "r", "l", "s", "m", "t", "nd"];

    private readonly string[] words;
    private readonly double[] cumulative;

    /// <summary><paramref name="size"/> distinct words with Zipf exponent <paramref name="exponent"/>.</summary>
    public Vocabulary(Random random, int size, double exponent, int minSyllables, int maxSyllables)
    {
        ArgumentNullException.ThrowIfNull(random);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        while (distinct.Count < size)
        {
            distinct.Add(MakeWord(random, random.Next(minSyllables, maxSyllables + 1)));
        }

        words = [.. distinct];
        cumulative = new double[size];
        var total = 0.0;
        for (var rank = 0; rank < size; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = total;
        }

        for (var rank = 0; rank < size; rank++)
        {
            cumulative[rank] /= total;
        }
    }

    public int Count => words.Length;

    /// <summary>A word drawn by frequency.</summary>
    public string Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return words[index < 0 ? Math.Min(~index, words.Length - 1) : index];
    }

    /// <summary>The same word capitalised (names and places).</summary>
    public string DrawName(Random random)
    {
        var word = Draw(random);
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private static string MakeWord(Random random, int syllables)
    {
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
        }

        return word.Append(Codas[random.Next(Codas.Length)]).ToString();
    }
}
