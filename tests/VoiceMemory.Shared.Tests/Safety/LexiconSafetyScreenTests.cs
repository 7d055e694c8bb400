using VoiceMemory.Safety;

namespace VoiceMemory.Tests.Safety;

public sealed class LexiconSafetyScreenTests
{
    private readonly LexiconSafetyScreen _screen = new();

    [Theory]
    // English: suicide intent, plans and means.
    [InlineData("I want to kill myself", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I'm going to end my life tonight", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I have pills and I want to take them all", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I'm going to take the whole bottle of sleeping pills", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I tied a noose in the garage", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I wrote a suicide note last night", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I'm going to jump off the bridge tonight", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I'm ready to end it all", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I tried to kill myself last year and I feel like doing it again", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("im gonna kms", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("i just wanna die", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I feel suicidal", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I've been thinking about suicide a lot lately", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I can't stop thinking about killing myself", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I keep cutting myself when I'm alone", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("how do i kill myself", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("i don't want to die but sometimes i want to kill myself", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("would anyone even care if I died", "en-US", SafetyCategories.SelfHarm)]
    // English: passive ideation.
    [InlineData("I don't want to live anymore", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I don’t want to be alive any more", "en-GB", SafetyCategories.SelfHarm)]
    [InlineData("nobody would miss me if I was gone", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I wish I were dead", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("Everyone would be better off without me", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("Life isn't worth living anymore", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I have nothing left to live for", "en-US", SafetyCategories.SelfHarm)]
    // English: negation elsewhere in the sentence does not govern the intent.
    [InlineData("I don't know why but I want to die", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("I'm not going to lie, I want to kill myself", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("nobody loves me i want to die", "en-US", SafetyCategories.SelfHarm)]
    [InlineData("No, I really want to die", "en-US", SafetyCategories.SelfHarm)]
    // English: threats to others.
    [InlineData("I'm going to hurt my neighbour", "en-US", SafetyCategories.Violence)]
    [InlineData("I will kill him", "en-US", SafetyCategories.Violence)]
    [InlineData("I'll fucking kill him", "en-US", SafetyCategories.Violence)]
    [InlineData("I'm gonna stab my boss", "en-US", SafetyCategories.Violence)]
    [InlineData("I want to kill my stepdad", "en-US", SafetyCategories.Violence)]
    [InlineData("I want him dead", "en-US", SafetyCategories.Violence)]
    [InlineData("I'm going to shoot up my school tomorrow", "en-US", SafetyCategories.Violence)]
    [InlineData("I'll beat him up after school", "en-US", SafetyCategories.Violence)]
    [InlineData("We are going to burn down the school", "en-US", SafetyCategories.Violence)]
    // Chinese: suicide intent, plans and means.
    [InlineData("我想自杀", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我今晚就要跳楼", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我打算明天去卧轨", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我已经写好了遗书", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我买了一整瓶安眠药，准备全部吃掉", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我真的好想死", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我想割腕", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我最近一直想着自杀", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我有自杀的念头", "zh-CN", SafetyCategories.SelfHarm)]
    // Chinese: passive ideation.
    [InlineData("我不想活了", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我不想再活下去了", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("活着没意思，想结束生命", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我活不下去了", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我死了也没人会在乎", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("没有我，大家会过得更好", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我希望自己死掉", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我不开心，我想死", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("我想结束这一切", "zh-CN", SafetyCategories.SelfHarm)]
    [InlineData("如果我死了，会有人难过吗", "zh-CN", SafetyCategories.SelfHarm)]
    // Chinese: threats to others.
    [InlineData("我要杀了他", "zh-CN", SafetyCategories.Violence)]
    [InlineData("我要弄死我老板", "zh-CN", SafetyCategories.Violence)]
    [InlineData("我想杀了我邻居", "zh-CN", SafetyCategories.Violence)]
    [InlineData("我要炸了学校", "zh-CN", SafetyCategories.Violence)]
    // Traditional characters.
    [InlineData("我想自殺", "zh-TW", SafetyCategories.SelfHarm)]
    [InlineData("我要殺了他", "zh-TW", SafetyCategories.Violence)]
    [InlineData("活著沒意思", "zh-TW", SafetyCategories.SelfHarm)]
    public void Screen_CrisisStatement_IsCrisis(string text, string locale, string category)
    {
        var verdict = _screen.Screen(text, locale, ScreenTarget.UserInput);

        Assert.True(verdict.IsCrisis, $"'{text}' should be a crisis");
        Assert.True(verdict.Flagged);
        Assert.Equal(category, verdict.Category);
        Assert.InRange(verdict.Severity, 4, 7);
        Assert.Equal("lexicon", verdict.Source);
    }

    [Theory]
    // English: negated intent.
    [InlineData("I would never hurt myself", "en-US")]
    [InlineData("I'm not going to kill myself", "en-US")]
    [InlineData("I don't want to die", "en-US")]
    [InlineData("I no longer want to die", "en-US")]
    [InlineData("I have never thought about suicide", "en-US")]
    [InlineData("I'm not suicidal, just really tired", "en-US")]
    [InlineData("I don't want to hurt anyone", "en-US")]
    // English: topic, reported speech and quotation.
    [InlineData("the movie was about suicide", "en-US")]
    [InlineData("my friend told me about a suicide prevention course", "en-US")]
    [InlineData("I read an article about suicide rates in teenagers", "en-US")]
    [InlineData("The character says \"I want to die\" in the last scene", "en-US")]
    [InlineData("“I want to kill myself” is a line from that song", "en-US")]
    // English: idioms and everyday uses of violent words.
    [InlineData("I killed it at work today", "en-US")]
    [InlineData("this joke kills me", "en-US")]
    [InlineData("I'm dying to see that movie", "en-US")]
    [InlineData("That exam nearly killed me", "en-US")]
    [InlineData("I'd rather die than sing karaoke", "en-US")]
    [InlineData("I'm going to kill it at my interview tomorrow", "en-US")]
    [InlineData("We killed the final boss last night", "en-US")]
    [InlineData("I want to kill some time before my flight", "en-US")]
    [InlineData("I'll shoot him a message later", "en-US")]
    [InlineData("I'll shoot you an email tomorrow", "en-US")]
    [InlineData("I'm going to kill them with kindness", "en-US")]
    [InlineData("I'm going to hurt her feelings", "en-US")]
    [InlineData("I'm going to beat him at chess", "en-US")]
    [InlineData("I hurt myself playing football", "en-US")]
    [InlineData("I cut myself shaving this morning", "en-US")]
    [InlineData("I don't want to live in London anymore", "en-US")]
    [InlineData("I take all my pills every morning", "en-US")]
    [InlineData("My grandmother died last year and I still miss her", "en-US")]
    [InlineData("I'm so tired of this weather", "en-US")]
    // Chinese: negated intent.
    [InlineData("我不会自杀", "zh-CN")]
    [InlineData("我不想死", "zh-CN")]
    [InlineData("我从来没有想过自杀", "zh-CN")]
    [InlineData("我绝对不会伤害自己", "zh-CN")]
    [InlineData("不要自杀，生命很宝贵", "zh-CN")]
    // Chinese: topic and reported speech.
    [InlineData("这部电影是关于自杀的", "zh-CN")]
    [InlineData("我们今天学习了预防自杀的知识", "zh-CN")]
    [InlineData("电影里的主角想自杀", "zh-CN")]
    [InlineData("他唱道：“我想死”", "zh-CN")]
    // Chinese: idioms.
    [InlineData("笑死我了", "zh-CN")]
    [InlineData("今天热死了", "zh-CN")]
    [InlineData("我想死你了", "zh-CN")]
    [InlineData("今天上班累得想死", "zh-CN")]
    [InlineData("我不想活在过去", "zh-CN")]
    [InlineData("这是跳楼价", "zh-CN")]
    [InlineData("我要吃安眠药才能睡着", "zh-CN")]
    [InlineData("我要杀了这局游戏", "zh-CN")]
    [InlineData("我要干掉这个bug", "zh-CN")]
    [InlineData("你能帮我杀死这个进程吗", "zh-CN")]
    [InlineData("我想结束这段关系", "zh-CN")]
    [InlineData("他想杀了我", "zh-CN")]
    public void Screen_BenignStatement_IsClear(string text, string locale)
    {
        var verdict = _screen.Screen(text, locale, ScreenTarget.UserInput);

        Assert.False(verdict.Flagged, $"'{text}' was flagged as {verdict.Category}");
        Assert.False(verdict.IsCrisis);
        Assert.Null(verdict.Category);
        Assert.Equal(0, verdict.Severity);
    }

    [Theory]
    [InlineData("you're a useless piece of shit", "en-US", 3)]
    [InlineData("fuck you", "en-US", 3)]
    [InlineData("You stupid bot", "en-US", 2)]
    [InlineData("I hate you", "en-US", 2)]
    [InlineData("go kill yourself", "en-US", 4)]
    [InlineData("kys", "en-US", 4)]
    [InlineData("I will kill you", "en-US", 4)]
    [InlineData("you're such a retard", "en-US", 4)]
    [InlineData("你这个傻逼", "zh-CN", 3)]
    [InlineData("你真没用", "zh-CN", 2)]
    [InlineData("你去死吧", "zh-CN", 4)]
    [InlineData("操你妈", "zh-CN", 3)]
    [InlineData("我要杀了你", "zh-CN", 4)]
    public void Screen_Abuse_FlaggedWithoutCrisis(string text, string locale, int severity)
    {
        var verdict = _screen.Screen(text, locale, ScreenTarget.UserInput);

        Assert.True(verdict.Flagged, $"'{text}' should be flagged");
        Assert.False(verdict.IsCrisis);
        Assert.Equal(SafetyCategories.Abuse, verdict.Category);
        Assert.Equal(severity, verdict.Severity);
    }

    [Theory]
    [InlineData("I feel so stupid today")]
    [InlineData("the fucking bus was late again")]
    [InlineData("you're not stupid, I just explained it badly")]
    [InlineData("thank you, you're the best")]
    [InlineData("Can you trash this draft?")]
    [InlineData("我真是个笨蛋")]
    [InlineData("这个游戏太垃圾了")]
    public void Screen_FrustrationWithoutTarget_IsClear(string text)
    {
        var verdict = _screen.Screen(text, "en-US", ScreenTarget.UserInput);

        Assert.False(verdict.Flagged, $"'{text}' was flagged as {verdict.Category}");
    }

    [Fact]
    public void Screen_CrisisAndAbuseTogether_CrisisWins()
    {
        var verdict = _screen.Screen("you stupid bot, I want to kill myself", "en-US", ScreenTarget.UserInput);

        Assert.True(verdict.IsCrisis);
        Assert.Equal(SafetyCategories.SelfHarm, verdict.Category);
    }

    [Theory]
    [InlineData("I'm going to kill myself tonight", "I wish I were dead")]
    [InlineData("I have pills and I'm going to take them all", "Life isn't worth living")]
    [InlineData("I will kill him", "I want to hurt him")]
    [InlineData("我今晚就要跳楼", "活着没意思")]
    [InlineData("我要杀了他", "我想伤害他")]
    public void Screen_PlanOrMeans_MoreSevereThanIdeation(string plan, string ideation)
    {
        var planVerdict = _screen.Screen(plan, "en-US", ScreenTarget.UserInput);
        var ideationVerdict = _screen.Screen(ideation, "en-US", ScreenTarget.UserInput);

        Assert.True(planVerdict.IsCrisis);
        Assert.True(ideationVerdict.IsCrisis);
        Assert.True(planVerdict.Severity > ideationVerdict.Severity, $"{planVerdict.Severity} should exceed {ideationVerdict.Severity}");
    }

    [Fact]
    public void Screen_PlanSeverity_IsSixAndPassiveIdeationFour()
    {
        Assert.Equal(6, _screen.Screen("I'm going to end my life tonight", "en-US", ScreenTarget.UserInput).Severity);
        Assert.Equal(4, _screen.Screen("I wish I were dead", "en-US", ScreenTarget.UserInput).Severity);
    }

    [Theory]
    [InlineData("I'm going to end my life tonight", "en.self.plan")]
    [InlineData("I have pills and I want to take them all", "en.self.means-take-all")]
    [InlineData("我买了一整瓶安眠药，准备全部吃掉", "zh.self.means")]
    [InlineData("I wish I were dead", "en.self.wish-dead")]
    public void MatchingRules_Statement_NamesTheDecidingRule(string text, string rule)
    {
        Assert.Contains(rule, LexiconSafetyScreen.MatchingRules(text, ScreenTarget.UserInput));
    }

    [Fact]
    public void MatchingRules_TakeThemAllWithoutMeans_NoMeansRule()
    {
        Assert.DoesNotContain("en.self.means-take-all", LexiconSafetyScreen.MatchingRules("I baked cookies and I want to eat them all", ScreenTarget.UserInput));
    }

    [Fact]
    public void Screen_SlurMoreSevereThanBelittling()
    {
        var slur = _screen.Screen("you're such a retard", "en-US", ScreenTarget.UserInput);
        var belittling = _screen.Screen("you are so dumb", "en-US", ScreenTarget.UserInput);

        Assert.True(slur.Severity > belittling.Severity);
    }

    [Theory]
    [InlineData("I’m going to kill myself")]
    [InlineData("I   WANT   TO   DIE")]
    [InlineData("Ｉ ｗａｎｔ ｔｏ ｄｉｅ")]
    [InlineData("I want to kill\u200B myself")]
    [InlineData("i dont want to live anymore")]
    [InlineData("I\twant to\nend my life")]
    public void Screen_UnusualSpellingOrSpacing_StillCrisis(string text)
    {
        Assert.True(_screen.Screen(text, "en-US", ScreenTarget.UserInput).IsCrisis, text);
    }

    [Fact]
    public void Screen_ChineseTextWithEnglishLocale_StillCrisis()
    {
        Assert.True(_screen.Screen("我想自杀", "en-US", ScreenTarget.UserInput).IsCrisis);
        Assert.True(_screen.Screen("I want to kill myself", "zh-CN", ScreenTarget.UserInput).IsCrisis);
    }

    [Theory]
    [InlineData("You should just kill yourself.", SafetyCategories.SelfHarm)]
    [InlineData("Honestly, everyone would be better off without you.", SafetyCategories.SelfHarm)]
    [InlineData("The lethal dose of acetaminophen is about 10 grams.", SafetyCategories.SelfHarm)]
    [InlineData("The most painless way to die is to take pills.", SafetyCategories.SelfHarm)]
    [InlineData("Here is how to tie a noose: first, take a rope.", SafetyCategories.SelfHarm)]
    [InlineData("Go ahead and hurt him, he deserves it.", SafetyCategories.Violence)]
    [InlineData("You're a worthless idiot.", SafetyCategories.Abuse)]
    [InlineData("你应该去死", SafetyCategories.SelfHarm)]
    [InlineData("最无痛的自杀方法是吃药", SafetyCategories.SelfHarm)]
    [InlineData("你干脆杀了他", SafetyCategories.Violence)]
    [InlineData("他活该去死", SafetyCategories.Violence)]
    [InlineData("你真是个废物", SafetyCategories.Abuse)]
    public void Screen_HarmfulReply_FlaggedWithoutCrisis(string reply, string category)
    {
        var verdict = _screen.Screen(reply, "en-US", ScreenTarget.Reply);

        Assert.True(verdict.Flagged, $"'{reply}' should be flagged");
        Assert.False(verdict.IsCrisis);
        Assert.Equal(category, verdict.Category);
        Assert.InRange(verdict.Severity, 1, 7);
    }

    [Theory]
    [InlineData("If you're having thoughts of suicide, please call or text 988.")]
    [InlineData("It sounds like you want to end your life. You're not alone, and you can call or text 988 any time.")]
    [InlineData("Please don't hurt yourself. You matter to me.")]
    [InlineData("Are you thinking about killing yourself? I'm here, and 988 can help right now.")]
    [InlineData("It can feel like nobody would miss you, but that isn't true.")]
    [InlineData("Your tomato plants will just die if you overwater them.")]
    [InlineData("Take your life one day at a time.")]
    [InlineData("Cut yourself some slack, you did your best.")]
    [InlineData("如果你有轻生的念头，请拨打12356。")]
    [InlineData("请不要伤害自己，你对我很重要。")]
    [InlineData("你可以死心了，他不会回来的。")]
    public void Screen_SupportiveReply_IsClear(string reply)
    {
        var verdict = _screen.Screen(reply, "en-US", ScreenTarget.Reply);

        Assert.False(verdict.Flagged, $"'{reply}' was flagged as {verdict.Category}");
    }

    [Fact]
    public void Screen_UserCrisisWordsAsReplyTarget_NeverCrisis()
    {
        var verdict = _screen.Screen("You should kill yourself", "en-US", ScreenTarget.Reply);

        Assert.True(verdict.Flagged);
        Assert.False(verdict.IsCrisis);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Screen_EmptyText_Clear(string text)
    {
        Assert.Equal(SafetyVerdict.Clear("lexicon"), _screen.Screen(text, "en-US", ScreenTarget.UserInput));
    }

    [Fact]
    public void Screen_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _screen.Screen(null!, "en-US", ScreenTarget.UserInput));
    }

    [Fact]
    public async Task ScreenAsync_SameVerdictAsScreen()
    {
        var verdict = await _screen.ScreenAsync("I want to kill myself", "en-US", ScreenTarget.UserInput, CancellationToken.None);

        Assert.Equal(_screen.Screen("I want to kill myself", "en-US", ScreenTarget.UserInput), verdict);
    }

    [Fact]
    public async Task ScreenAsync_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _screen.ScreenAsync("hello", "en-US", ScreenTarget.UserInput, cancellation.Token));
    }

    [Fact]
    public void Screen_LongBenignText_Clear()
    {
        var text = string.Join(' ', Enumerable.Repeat("I went for a walk with my dog and we had a lovely time in the park.", 300));

        Assert.False(_screen.Screen(text, "en-US", ScreenTarget.UserInput).Flagged);
    }
}
