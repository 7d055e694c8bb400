namespace VoiceMemory.Llm;

/// <summary>What the fallback responder says, per language. Short sentences: every reply is spoken.</summary>
internal sealed class FallbackPhrases
{
    public static FallbackPhrases English { get; } = new()
    {
        DontKnow = "I don't know that yet — you haven't told me.",
        NothingRemembered = "I don't remember anything about you yet. Tell me a little about yourself!",
        RememberIntro = "Here's what I remember: ",
        ListSeparator = "; ",
        FullStop = ".",
        MoreRemembered = " And a few more things.",
        MedicalAdvice = "I can't give medical advice — please ask your doctor or pharmacist about that.",
        Worry = "That sounds worrying. Please contact your doctor, or call emergency services straight away if it feels serious.",
        OtherQuestion = "I'm sorry, I can't look that up right now — but I'm happy to keep you company.",
        Greeting = "{0}{1}! How are you today?",
        HowAreYou = "I'm here and glad to talk with you{1}. How are you feeling today?",
        Thanks = "You're welcome{1}.",
        Goodbye = "Goodbye{1}. Talk to you soon.",
        GoodNight = "Good night{1}. Sleep well.",
        NiceToMeet = "Nice to meet you, {0}.",
        SameName = "Of course, {0} — I remember.",
        RememberName = "I'll remember your name.",
        WillRemember = "I'll remember that ",
        WillRememberJoin = " and that ",
        WillRememberMore = ", and a couple of other things.",
        ToldMe = "You told me {0}.",
        ToldMeVerbatim = "You told me: {0}.",
        Empty = "I'm here whenever you'd like to talk.",
        Acknowledgements =
        [
            "Thank you for telling me{1}. I'm listening.",
            "I hear you{1}. Tell me more whenever you like.",
            "Thanks for sharing that with me{1}. I'm here with you.",
        ],
        NameSeparator = ", ",
        AndWord = " and ",
        ItemSeparator = ", ",
        SentenceSeparator = " ",
        AllergicTo = "You're allergic to {0}.",
    };

    public static FallbackPhrases Chinese { get; } = new()
    {
        DontKnow = "我还不知道——你还没告诉过我。",
        NothingRemembered = "我还不记得关于你的事。跟我说说你自己吧！",
        RememberIntro = "我记得：",
        ListSeparator = "；",
        FullStop = "。",
        MoreRemembered = "还有其他几件事。",
        MedicalAdvice = "我不能提供医疗建议，这个问题请咨询你的医生或药剂师。",
        Worry = "听起来让人担心。请联系你的医生；如果情况严重，请马上拨打急救电话。",
        OtherQuestion = "抱歉，我现在查不到这个，不过我很乐意陪你聊天。",
        Greeting = "{0}{1}！今天过得怎么样？",
        HowAreYou = "我在呢{1}，很高兴和你聊天。你今天感觉怎么样？",
        Thanks = "不客气{1}。",
        Goodbye = "再见{1}，我们下次再聊。",
        GoodNight = "晚安{1}，好好休息。",
        NiceToMeet = "很高兴认识你，{0}。",
        SameName = "当然记得，{0}。",
        RememberName = "我会记住你的名字。",
        WillRemember = "我会记住",
        WillRememberJoin = "，还有",
        WillRememberMore = "，还有其他几件事。",
        ToldMe = "你跟我说过{0}。",
        ToldMeVerbatim = "你跟我说过：{0}。",
        Empty = "我在这儿，想聊的时候随时跟我说。",
        Acknowledgements =
        [
            "谢谢你告诉我{1}。我在听。",
            "我听到了{1}。想多聊的话，我一直都在。",
            "谢谢你跟我分享{1}。我在这儿陪着你。",
        ],
        NameSeparator = "，",
        AndWord = "和",
        ItemSeparator = "、",
        SentenceSeparator = "",
        AllergicTo = "你对{0}过敏。",
    };

    public required string DontKnow { get; init; }
    public required string NothingRemembered { get; init; }
    public required string RememberIntro { get; init; }
    public required string ListSeparator { get; init; }
    public required string FullStop { get; init; }
    public required string MoreRemembered { get; init; }
    public required string MedicalAdvice { get; init; }
    public required string Worry { get; init; }
    public required string OtherQuestion { get; init; }

    /// <summary>{0}: salutation, {1}: the name with its separator or nothing.</summary>
    public required string Greeting { get; init; }
    public required string HowAreYou { get; init; }
    public required string Thanks { get; init; }
    public required string Goodbye { get; init; }
    public required string GoodNight { get; init; }

    /// <summary>{0}: the name.</summary>
    public required string NiceToMeet { get; init; }
    public required string SameName { get; init; }
    public required string RememberName { get; init; }
    public required string WillRemember { get; init; }
    public required string WillRememberJoin { get; init; }
    public required string WillRememberMore { get; init; }
    public required string ToldMe { get; init; }
    public required string ToldMeVerbatim { get; init; }
    public required string Empty { get; init; }
    public required IReadOnlyList<string> Acknowledgements { get; init; }
    public required string NameSeparator { get; init; }
    public required string AndWord { get; init; }
    public required string ItemSeparator { get; init; }

    /// <summary>Between two sentences: a space in English, nothing in Chinese.</summary>
    public required string SentenceSeparator { get; init; }

    /// <summary>{0}: the allergens as a list.</summary>
    public required string AllergicTo { get; init; }
}
