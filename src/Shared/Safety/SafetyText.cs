using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceMemory.Safety;

/// <summary>
/// Text preparation for the lexicon: one canonical form (NFKC, lower case, plain quotes, expanded contractions,
/// simplified Chinese), reported quotations blanked, then split into clauses.
/// </summary>
internal static partial class SafetyText
{
    // Pairs "traditional, simplified" for the characters the Chinese lexicon uses; not a general converter.
    private const string TraditionalPairs =
        "殺杀會会結结這这說说沒没麼么藥药樓楼傷伤決决準准備备劃划遺遗書书們们對对為为無无義义點点還还覺觉個个" +
        "殘残斷断繩绳農农燒烧軌轨顧顾關关於于開开滾滚廢废腦脑癡痴賤贱媽妈幹干報报復复讓让裡里裏里電电課课講讲" +
        "聽听寫写問问詞词題题過过別别從从來来絕绝並并願愿應应該该乾干輕轻尋寻種种氣气勁劲時时間间機机歡欢難难" +
        "現现記记發发邊边處处著着謝谢嗎吗兒儿後后錯错誰谁槍枪彈弹剛刚親亲愛爱罵骂豬猪雜杂貨货醫医學学場场鐵铁" +
        "車车橋桥劇剧節节網网頭头將将給给談谈謀谋條条搶抢滅灭屍尸盡尽";

    private static readonly FrozenDictionary<char, char> TraditionalToSimplified = BuildTraditionalMap();

    // Whole words rewritten to one spelling, so patterns say "do not" once instead of "don't|dont|do not".
    private static readonly FrozenDictionary<string, string> Expansions = BuildExpansions();

    /// <summary>The canonical form every lexicon pattern is written against.</summary>
    public static string Normalize(string text)
    {
        // string.Normalize throws on ill-formed UTF-16 (a lone surrogate in typed text); the UTF-8 round trip replaces it with U+FFFD.
        if (text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            builder.Append(c switch
            {
                // Invisible characters used to split words past a filter.
                '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => '\0',
                '\u2018' or '\u2019' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB'
                    or '\u300C' or '\u300D' or '\u300E' or '\u300F' or '\u301D' or '\u301E' => '"',
                '\u2013' or '\u2014' or '\u2015' or '\u2212' => ',',
                _ => TraditionalToSimplified.GetValueOrDefault(c, c),
            });
        }

        builder.Replace("\0", string.Empty);
        var result = builder.ToString().ToLowerInvariant();
        result = Word().Replace(result, static word => Expansions.GetValueOrDefault(word.Value, word.Value));
        result = Whitespace().Replace(result, " ").Trim();
        return SpaceBetweenHan().Replace(result, string.Empty);
    }

    /// <summary>Blanks the inside of quotations that someone other than the speaker said, sang or wrote.</summary>
    public static string BlankReportedQuotes(string normalized) =>
        Quoted().Replace(normalized, match =>
        {
            var before = normalized[Math.Max(0, match.Index - 60)..match.Index];
            var afterStart = match.Index + match.Length;
            var after = normalized[afterStart..Math.Min(normalized.Length, afterStart + 30)];
            return IsReported(before, after) ? "\"" + new string(' ', match.Length - 2) + "\"" : match.Value;
        });

    /// <summary>Sentences: negation and subject never reach across them.</summary>
    public static string[] Clauses(string text) =>
        ClauseBreak().Split(text)
            .Select(static clause => clause.Trim())
            .Where(static clause => clause.Length > 0)
            .ToArray();

    private static bool IsReported(string before, string after)
    {
        var reporter = ReporterBefore().Match(before);
        if (reporter.Success)
        {
            return reporter.Groups[1].Value != "i";
        }

        var chineseReporter = ChineseReporterBefore().Match(before);
        if (chineseReporter.Success)
        {
            return chineseReporter.Groups[1].Value != "我";
        }

        if (TitleBefore().IsMatch(before) || ChineseTitleBefore().IsMatch(before))
        {
            return true;
        }

        if (TitleAfter().IsMatch(after))
        {
            return true;
        }

        var reporterAfter = ReporterAfter().Match(after);
        if (reporterAfter.Success)
        {
            var who = reporterAfter.Groups[1].Success ? reporterAfter.Groups[1].Value : reporterAfter.Groups[2].Value;
            return who != "i";
        }

        return false;
    }

    private static FrozenDictionary<string, string> BuildExpansions()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["won't"] = "will not", ["wont"] = "will not", ["can't"] = "can not", ["cant"] = "can not", ["cannot"] = "can not",
            ["ain't"] = "am not", ["aint"] = "am not", ["shan't"] = "shall not",
            ["i'm"] = "i am", ["im"] = "i am", ["i've"] = "i have", ["ive"] = "i have", ["i'd"] = "i would", ["i'll"] = "i will",
            ["imma"] = "i am going to", ["i'ma"] = "i am going to",
            ["gonna"] = "going to", ["wanna"] = "want to", ["gotta"] = "got to",
            ["kms"] = "kill myself", ["kys"] = "kill yourself", ["u"] = "you", ["ur"] = "you are",
            ["thats"] = "that is", ["theres"] = "there is", ["whats"] = "what is",

            // Common misspellings of the words the crisis rules are built from (typed turns, phone keyboards).
            ["wana"] = "want to", ["wnat"] = "want", ["whant"] = "want", ["kil"] = "kill", ["kll"] = "kill",
            ["myslef"] = "myself", ["mysef"] = "myself", ["myselfe"] = "myself", ["mself"] = "myself",
            ["sucide"] = "suicide", ["suicde"] = "suicide", ["suiside"] = "suicide", ["sucicide"] = "suicide", ["suicid"] = "suicide",
            ["sucidal"] = "suicidal", ["suicdal"] = "suicidal", ["suicidel"] = "suicidal", ["suisidal"] = "suicidal",
            ["dieing"] = "dying", ["dyeing"] = "dying", ["tonite"] = "tonight",
        };
        string[] auxiliaries = ["do", "does", "did", "is", "are", "was", "were", "would", "should", "could", "have", "has", "had", "must", "need", "might"];
        foreach (var auxiliary in auxiliaries)
        {
            map[auxiliary + "n't"] = auxiliary + " not";
            map[auxiliary + "nt"] = auxiliary + " not";
        }

        (string Suffix, string Verb)[] contractions = [("'re", "are"), ("'ll", "will"), ("'ve", "have"), ("'d", "would"), ("'s", "is")];
        string[] pronouns = ["you", "we", "they", "he", "she", "it", "that", "there", "what", "who"];
        foreach (var pronoun in pronouns)
        {
            foreach (var (suffix, verb) in contractions)
            {
                map.TryAdd(pronoun + suffix, pronoun + " " + verb);
            }
        }

        map["youre"] = "you are";
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<char, char> BuildTraditionalMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < TraditionalPairs.Length; i += 2)
        {
            if (TraditionalPairs[i] != TraditionalPairs[i + 1])
            {
                map[TraditionalPairs[i]] = TraditionalPairs[i + 1];
            }
        }

        return map.ToFrozenDictionary();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}) (?=\p{IsCJKUnifiedIdeographs})", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SpaceBetweenHan();

    [GeneratedRegex("\"([^\"]*)\"", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex Quoted();

    // Someone other than the speaker reports the quotation ("he said", "the song goes"), or the quote is a title.
    [GeneratedRegex(@"\b(\w+) (?:\w+ )?(?:said|says|say|told|tells|wrote|writes|asked|asks|yelled|yells|shouted|shouts|screamed|screams|texted|texts|posted|posts|sang|sings|goes|went|whispered|replied|replies|added|kept saying|keeps saying)(?: (?:to )?(?:me|him|her|them|us|you))?(?: that)?[ ,:]*$", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReporterBefore();

    [GeneratedRegex(@"\b(?:song|lyrics?|line|quote|quoted|titled|called|named|movie|film|book|show|episode|poem|sign|slogan|caption|meme|headline|article|scene)\b[^""]{0,40}$", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex TitleBefore();

    [GeneratedRegex(@"^[ ,]*(?:(\w+) (?:\w+ )?(?:said|says|wrote|writes|asked|asks|yelled|shouted|screamed|texted|replied|added|whispered)|(?:said|says|wrote|asked) (\w+))\b", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReporterAfter();

    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})(?:对我|跟我|对他|跟他|对她|跟她|还|又|就|曾经|一直)?(?:说|说过|说道|写道|写着|写|问|问道|喊|喊道|唱|唱道|发消息说|告诉我|告诉他|告诉她)[ ,:]*$", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ChineseReporterBefore();

    [GeneratedRegex(@"(?:歌|歌词|台词|电影|书|小说|标题|文章|新闻|节目|剧|诗)[^""]{0,20}$", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ChineseTitleBefore();

    [GeneratedRegex(@"^[ ,]*(?:(?:is|was) (?:a|an|the|my|his|her|their|just a) (?:\w+ )?(?:line|lyrics?|quote|title|song|phrase|saying|meme|caption|headline)\b|(?:是|这句)?(?:一句)?(?:歌词|台词|歌名|书名|标题))", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex TitleAfter();

    // Commas do not end a clause: negation and subject scoping look at the nearest subject instead, and Chinese
    // writes "没有我，大家会更好" as one thought.
    [GeneratedRegex(@"[.!?;:\n。！？；：()\[\]{}""]+|\s-+\s", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ClauseBreak();
}
