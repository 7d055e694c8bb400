using System.Text.RegularExpressions;

namespace VoiceMemory.Memory;

/// <summary>
/// Chinese statement patterns (Simplified). Chinese has no spaces, so values end at punctuation, at a particle, or
/// where the next statement starts with 我 (我叫小明我今年72岁).
/// </summary>
internal static class ChineseRules
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private const string Stop = @"(?=$|[，。！？、；,.!?;\s]|我(?!的)|今年|已经|很多年|好多年|多年|了|啊|呀|吧|呢|哦|就|也|和|跟)";
    private const string Name = @"(?<n>[\p{IsCJKUnifiedIdeographs}A-Za-z·]{1,8}?)" + Stop;
    private const string Thing = @"(?<o>[^，。！？,.!?；;\s]{1,20}?)(?=$|[，。！？,.!?；;\s]|我(?!的))";
    private static readonly string Rel = "(?<rel>" + ChineseLexicon.RelationAlternation + ")";
    private const string Number = @"(?<n>\d{1,3}|[零一二两三四五六七八九十百]{1,5})";

    private const string StatementStarts =
        @"叫|的名字|今年|现在|住|家在|是|来自|喜欢|不喜欢|爱|讨厌|最|对|有|患|得了|在吃|每天|吃|服用|的生日|生日|\d|[一二三四五六七八九十]+岁";

    // Not after 是 / 的 / 把 …: there 我 is inside the clause (有什么菜是我不喜欢的), not the start of a new statement.
    private static readonly Regex ClauseBreak = R(@"[，,\s]+|(?<=[\p{IsCJKUnifiedIdeographs}])(?<![是的把被给对跟和让叫])(?=我(?:" + StatementStarts + "|" + "(?:的)?(?:" + ChineseLexicon.RelationAlternation + ")(?:叫|的名字|名叫|的生日)))");
    private static readonly Regex Fillers = R(@"^(?:(?:你好|您好|嗨|哈喽|喂|嗯|啊|哦|那个|对了|其实|还有|而且|然后|另外|好的|好|谢谢你|谢谢)[，,！!。\s]*)+");
    private static readonly Regex DroppedSubject = R(@"^(?:也|还|都|很|非常|特别|最|现在|目前|如今|已经|刚|刚刚)*(?:今年|住在|住|家在|搬到|搬去|搬家|在\S{1,10}?(?:工作|上班)|喜欢|不喜欢|爱|讨厌|对\S{1,20}过敏|有|患有|\d{1,3}岁|[一二三四五六七八九十]{1,4}岁)");
    private static readonly Regex Question = R(@"[？?]|吗|什么|谁|哪|啥|几岁|几号|几点|几个|多少|多大|怎么|为什么|是不是|有没有|呢$|么$");
    private static readonly Regex NoteTrigger = R(@"^(?:请|你)?(?:能|可以|能不能|可不可以)?(?:帮我)?(?:记住|记得|记下来|记下|记一下|别忘了|不要忘了|不要忘记|别忘记)(?:[:：，,]|一下)?(?<c>.+?)(?:好吗|好不好|可以吗|吗|哦|啊|吧)?$");

    private static readonly Regex NoteLeadIn = R(@"^(?:请|你)?(?:能|可以|能不能|可不可以)?(?:帮我)?(?:记住|记得|记下来|记下|记一下|别忘了|不要忘了|不要忘记|别忘记)(?:一下)?(?:好吗|吧)?$");
    private static readonly Regex NameIs = R(@"我(?:姓[\p{IsCJKUnifiedIdeographs}]{1,2}?[，,]?)?(?:的名字)?(?:叫做|叫|名叫)" + Name);
    private static readonly Regex IAmName = R(@"^(?:我是|我就是)(?<n>[" + ChineseLexicon.Surnames + @"][\p{IsCJKUnifiedIdeographs}]{1,2})(?:啊|呀|哦|呢)?$");
    private static readonly Regex MyNameIs = R(@"我的名字是" + Name);
    private static readonly Regex CallMe = R(@"叫我" + Name);
    private static readonly Regex Age = R(@"我(?:今年|现在|已经)?(?:都)?" + Number + @"(?:周)?岁");
    private static readonly Regex AgeIs = R(@"我的年龄是" + Number);
    private static readonly Regex MovedTo = R(@"我(?:们)?(?:家)?(?:已经|刚|刚刚|最近|上个月|去年|今年|前不久|现在|也)*(?:搬家|搬)(?:到|去|回|进)了?(?<p>[^，。！？,.!?；;\s了]{1,12}?)(?:住|去|来|生活)?(?:了|啦)?(?=$|[，。！？,.!?；;\s])");
    private static readonly Regex OldHome = R(@"我(?:的)?(?:老家|家乡|故乡)(?:在|是)(?<p>[^，。！？,.!?；;\s]{1,12}?)" + Stop);
    private static readonly Regex LiveIn = R(@"我(?:们)?(?:现在|目前|一直|也|如今)?(?<v>住在|住|家在|生活在|居住在)(?<p>[^，。！？,.!?；;\s]{1,20}?)" + Stop);
    private static readonly Regex FromPlace = R(@"我(?:是|来自)(?<p>[^，。！？,.!?；;\s]{1,10}?)(?<ren>人)(?=$|[，。！？,.!?；;\s]|我)|我来自(?<p>[^，。！？,.!?；;\s]{1,20}?)" + Stop);
    private static readonly Regex Favourite = R(@"我(?:现在)?最(?:喜欢|爱)的(?<t>[^，。！？\s]{1,6}?)(?:是|改成了?|变成了?|换成了?)(?<v>[^，。！？,.!?；;\s了]{1,20}?)(?=$|[，。！？,.!?；;\s了]|我)");
    private static readonly Regex NotEat = R(@"我(?:从来|从|一直|平时|也)?不(?<v>吃|喝)(?<o>[^，。！？,.!?；;\s]{1,12}?)(?=$|[，。！？,.!?；;\s了]|我)");
    private static readonly Regex Likes = R(@"我(?:很|非常|特别|真的|也|还|一直|比较|挺|超|蛮|最|都)*(?<neg>不太|不怎么|一点也不|一点都不|不是很|并不|不|没那么)?(?<v>喜欢|热爱|爱|讨厌|厌恶|受不了)" + Thing);
    private static readonly Regex Allergy = R(@"我(?:对|有)?(?<x>[^，。！？,.!?；;\s不没]{1,20}?)过敏");
    private static readonly Regex AllergyItems = R(@"[、和跟及与/]|还有");
    private static readonly Regex Condition = R(@"我(?:也|还)?(?:有|患有|得了|患了|被诊断出了|被诊断出|被诊断为)(?<x>[^，。！？,.!?；;\s]{1,12}?)(?=$|[，。！？,.!?；;\s]|我|了)");
    private static readonly Regex Medicine = R(@"我(?:[^，。！？,.!?；;\s吃服打用]{0,6}?)(?<v>吃|服用|打|用)(?<x>[^，。！？,.!?；;\s]{1,12}?)(?=$|[，。！？,.!?；;\s]|我)");
    private static readonly Regex RelationName = R(@"我(?:的|家的?|们家的?|养的)?" + Rel + @"(?:的名字是|的名字叫|叫做|名叫|叫)" + Name);
    private static readonly Regex HaveRelationName = R(@"我(?:家)?(?:有|养了|养着|养)(?:一|两|三)?(?:个|只|条|位)?" + Rel + @"(?:叫|名叫)" + Name);

    // A pet the lexicon does not list: 我养的金鱼叫小金.
    private static readonly Regex KeptAnimalName = R(@"我(?:家)?(?:养的|养了一(?:只|条|个)|有一(?:只|条))(?<rel>[\p{IsCJKUnifiedIdeographs}]{1,3}?)(?:叫|名叫)" + Name);
    private static readonly Regex BornOn = R(@"我(?:是)?(?<d>(?:\d{4}年|[一二三四五六七八九零〇]{4}年)?[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}[日号])(?:出生|生)");
    private static readonly Regex Birthday = R(@"我(?:的)?(?:" + Rel + @"的)?生日(?:是|在)(?<d>[^，。！？,.!?；;\s]{1,16}?)(?=$|[，。！？,.!?；;\s]|我)");
    private static readonly Regex TimeWord = R(ChineseLexicon.TimeWords);
    private static readonly Regex EventWord = R(ChineseLexicon.EventWords);

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant, Timeout);

    /// <summary>The clauses of a sentence without fillers, each marked as question or statement.</summary>
    public static IEnumerable<(string Body, bool IsQuestion)> Clauses(Sentence sentence)
    {
        var clauses = Split(sentence.Text);
        for (var i = 0; i < clauses.Count; i++)
        {
            var body = Fillers.Replace(clauses[i], string.Empty).Trim();
            if (body.Length > 0)
            {
                var isNote = NoteContent(body) is not null;
                yield return (body, !isNote && (Question.IsMatch(body) || (sentence.EndsWithQuestionMark && i == clauses.Count - 1)));
            }
        }
    }

    public static void Extract(Sentence sentence, List<ExtractedFact> facts)
    {
        foreach (var (body, isQuestion) in Clauses(sentence))
        {
            if (isQuestion)
            {
                continue;
            }

            var content = NoteContent(body);
            var found = new List<ExtractedFact>();
            Statements(content ?? body, found);
            if (content is not null && found.Count == 0)
            {
                var text = content.Contains('我', StringComparison.Ordinal)
                    ? FactPhrasing.ToChineseThirdPerson(content)
                    : FactPhrasing.ChineseSubject + "要记得" + content;
                found.Add(new ExtractedFact(text, FactKind.Note, null));
            }

            facts.AddRange(found);
        }
    }

    // "记住…" asks to remember; "你记得我叫什么吗" asks a question.
    private static string? NoteContent(string body)
    {
        var note = NoteTrigger.Match(body);
        var content = note.Success ? note.Groups["c"].Value.Trim('，', ',', ' ') : null;
        return content is { Length: >= 2 } && !Question.IsMatch(content) ? content : null;
    }

    private static List<string> Split(string sentence)
    {
        var clauses = new List<string>();
        var carry = string.Empty;
        foreach (var piece in ClauseBreak.Split(sentence))
        {
            var clause = carry + piece.Trim();
            carry = string.Empty;

            // Chinese drops a repeated subject: 我叫小明，今年七十二岁，住在上海.
            if (!clause.Contains('我', StringComparison.Ordinal) && DroppedSubject.IsMatch(clause))
            {
                clause = "我" + clause;
            }

            // A lead-in such as 明天, 记住 or 请帮我记一下 belongs to the statement after it.
            if ((clause.Length <= 4 && !clause.Contains('我', StringComparison.Ordinal)) || NoteLeadIn.IsMatch(clause))
            {
                carry = clause;
                continue;
            }

            if (clause.Length > 0)
            {
                clauses.Add(clause);
            }
        }

        if (carry.Length > 0)
        {
            clauses.Add(carry);
        }

        return clauses;
    }

    private static void Statements(string body, List<ExtractedFact> found)
    {
        Names(body, found);
        Ages(body, found);
        Home(body, found);
        ChineseWorkRules.Work(body, found);
        Preferences(body, found);
        Allergies(body, found);
        Health(body, found);
        Relationships(body, found);
        if (!Birthdays(body, found) && found.Count == 0)
        {
            Event(body, found);
        }
    }

    private static void Names(string body, List<ExtractedFact> found)
    {
        foreach (var regex in new[] { MyNameIs, NameIs, CallMe, IAmName })
        {
            var match = regex.Match(body);
            if (match.Success && NameValue(match) is { } name && (regex != IAmName || ChineseLexicon.LooksLikeName(name)))
            {
                found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}叫{name}", FactKind.Profile, FactKeys.Name));
                return;
            }
        }
    }

    private static string? NameValue(Match match)
    {
        var name = match.Groups["n"].Value.Trim();
        return name.Length == 0 || name is "他" or "她" or "它" or "你" or "您" or "什么" or "谁" or "啥" ? null : name;
    }

    private static void Ages(string body, List<ExtractedFact> found)
    {
        var match = Age.Match(body);
        if (!match.Success)
        {
            match = AgeIs.Match(body);
        }

        if (match.Success && NumberWords.ParseChinese(match.Groups["n"].Value) is { } age and > 0 and <= 125)
        {
            found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}今年{age}岁", FactKind.Profile, FactKeys.Age));
        }
    }

    private static void Home(string body, List<ExtractedFact> found)
    {
        // A move replaces the old home under the same key, in any language the old one was said in.
        var moved = MovedTo.Match(body);
        if (moved.Success)
        {
            found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}住在{moved.Groups["p"].Value}", FactKind.Profile, FactKeys.Home));
            return;
        }

        var old = OldHome.Match(body);
        if (old.Success)
        {
            found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}的老家在{old.Groups["p"].Value}", FactKind.Profile, FactKeys.Home));
            return;
        }

        var live = LiveIn.Match(body);
        if (live.Success)
        {
            found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}住在{live.Groups["p"].Value}", FactKind.Profile, FactKeys.Home));
            return;
        }

        var from = FromPlace.Match(body);
        if (from.Success)
        {
            var text = from.Groups["ren"].Success
                ? $"{FactPhrasing.ChineseSubject}是{from.Groups["p"].Value}人"
                : $"{FactPhrasing.ChineseSubject}来自{from.Groups["p"].Value}";
            found.Add(new ExtractedFact(text, FactKind.Profile, FactKeys.Home));
        }
    }

    private static void Preferences(string body, List<ExtractedFact> found)
    {
        var favourite = Favourite.Match(body);
        if (favourite.Success)
        {
            var subject = favourite.Groups["t"].Value;
            found.Add(new ExtractedFact(
                $"{FactPhrasing.ChineseSubject}最喜欢的{subject}是{favourite.Groups["v"].Value}",
                FactKind.Preference,
                FactKeys.Favourite(ChineseLexicon.FavouriteSubject(subject))));
            return;
        }

        var like = Likes.Match(body);
        if (!like.Success)
        {
            var notEat = NotEat.Match(body);
            if (notEat.Success)
            {
                var food = notEat.Groups["o"].Value;
                found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}不{notEat.Groups["v"].Value}{food}", FactKind.Preference, FactKeys.PreferenceItem(food)));
            }

            return;
        }

        var thing = like.Groups["o"].Value;

        // 我爱人 is "my spouse", 我最喜欢的 a favourite; neither is a like.
        if (thing.StartsWith('的') || thing.StartsWith('人') || thing is "你" or "您" or "他" or "她" or "它" or "这个" or "那个" or "这" or "那")
        {
            return;
        }

        var verb = like.Groups["v"].Value;
        var phrase = like.Groups["neg"].Success
            ? "不喜欢"
            : verb switch
            {
                "热爱" or "爱" => "爱",
                "讨厌" or "厌恶" => "讨厌",
                "受不了" => "受不了",
                _ => "喜欢",
            };
        found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}{phrase}{FactPhrasing.ToChineseThirdPerson(thing)}", FactKind.Preference, FactKeys.PreferenceItem(thing)));
    }

    private static void Allergies(string body, List<ExtractedFact> found)
    {
        var match = Allergy.Match(body);
        if (!match.Success)
        {
            return;
        }

        foreach (var item in AllergyItems.Split(match.Groups["x"].Value).Select(i => i.Trim()).Where(i => i.Length > 0).Take(6))
        {
            found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}对{item}过敏", FactKind.Health, null));
        }
    }

    private static void Health(string body, List<ExtractedFact> found)
    {
        var condition = Condition.Match(body);
        if (condition.Success)
        {
            var said = condition.Groups["x"].Value;
            if (ChineseLexicon.Conditions.Any(c => said.Contains(c, StringComparison.Ordinal)) || ChineseLexicon.ConditionEndings.Contains(said[^1]))
            {
                found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}有{said}", FactKind.Health, null));
            }
        }

        var medicine = Medicine.Match(body);
        if (medicine.Success)
        {
            var taken = medicine.Groups["x"].Value;
            if (ChineseLexicon.Medicines.Any(m => taken.Contains(m, StringComparison.Ordinal)) || ChineseLexicon.MedicineEndings.Contains(taken[^1]))
            {
                var verb = medicine.Groups["v"].Value is "打" or "用" ? medicine.Groups["v"].Value : "吃";
                found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}在{verb}{taken}", FactKind.Health, null));
            }
        }
    }

    private static void Relationships(string body, List<ExtractedFact> found)
    {
        var named = RelationName.Match(body);
        var has = HaveRelationName.Match(body);
        var kept = KeptAnimalName.Match(body);
        var match = named.Success ? named : has.Success ? has : kept;
        if (!match.Success || NameValue(match) is not { } name)
        {
            return;
        }

        var relation = match.Groups["rel"].Value;
        var text = named.Success
            ? $"{FactPhrasing.ChineseSubject}的{relation}叫{name}"
            : $"{FactPhrasing.ChineseSubject}有个{relation}叫{name}";
        found.Add(new ExtractedFact(text, FactKind.Relationship, FactKeys.Relationship(ChineseLexicon.RelationKey(relation))));
    }

    private static bool Birthdays(string body, List<ExtractedFact> found)
    {
        var match = Birthday.Match(body);
        if (!match.Success)
        {
            var born = BornOn.Match(body);
            if (born.Success)
            {
                found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}是{born.Groups["d"].Value}出生的", FactKind.Event, FactKeys.Birthday));
            }

            return born.Success;
        }

        var day = match.Groups["d"].Value;
        if (match.Groups["rel"].Success)
        {
            var relation = match.Groups["rel"].Value;
            found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}的{relation}的生日是{day}", FactKind.Event, FactKeys.BirthdayOf(ChineseLexicon.RelationKey(relation))));
        }
        else
        {
            found.Add(new ExtractedFact($"{FactPhrasing.ChineseSubject}的生日是{day}", FactKind.Event, FactKeys.Birthday));
        }

        return true;
    }

    private static void Event(string body, List<ExtractedFact> found)
    {
        if (body.Contains('我', StringComparison.Ordinal) && TimeWord.IsMatch(body) && EventWord.IsMatch(body))
        {
            var text = FactPhrasing.ToChineseThirdPerson(body);
            found.Add(new ExtractedFact(text.Length <= 120 ? text : text[..120] + "…", FactKind.Event, null));
        }
    }
}
