namespace VoiceMemory.Memory;

/// <summary>
/// Small number parsers: speech recognisers write "seventy two" and Chinese speakers write 七十二, and ages must
/// survive either.
/// </summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> EnglishUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["a"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> EnglishTens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Regex alternation of every English number word (longest first).</summary>
    public static string EnglishAlternation { get; } = string.Join(
        '|',
        EnglishUnits.Keys.Where(k => k != "a").Concat(EnglishTens.Keys).Append("hundred").OrderByDescending(k => k.Length));

    /// <summary>Parses digits or English number words up to 999 ("seventy two", "seventy-two", "one hundred and two").</summary>
    public static int? ParseEnglish(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        var total = 0;
        var current = 0;
        var any = false;
        foreach (var word in trimmed.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (EnglishUnits.TryGetValue(word, out var unit))
            {
                current += unit;
            }
            else if (EnglishTens.TryGetValue(word, out var tens))
            {
                current += tens;
            }
            else if (word.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            {
                current = Math.Max(current, 1) * 100;
            }
            else
            {
                return null;
            }

            any = true;
        }

        total += current;
        return any ? total : null;
    }

    /// <summary>Parses digits or Chinese numerals up to 999 (七十二, 八十, 一百零二, 两).</summary>
    public static int? ParseChinese(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        var total = 0;
        var current = 0;
        foreach (var c in trimmed)
        {
            var digit = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两')
            {
                digit = 2;
            }

            if (digit >= 0)
            {
                current = digit;
            }
            else if (c == '十')
            {
                total += Math.Max(current, 1) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += Math.Max(current, 1) * 100;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return total + current;
    }
}
