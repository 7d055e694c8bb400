using VoiceMemory.Llm;
using VoiceMemory.Memory;
using static VoiceMemory.Tests.Memory.MemoryTestData;

namespace VoiceMemory.Tests.Memory;

public sealed class FallbackResponderTests
{
    private const string DontKnow = "I don't know that yet — you haven't told me.";
    private readonly FallbackResponder _responder = new();

    private static MemoryContext Remembered(params string[] statements)
    {
        var extractor = new HeuristicFactExtractor();
        var facts = statements
            .SelectMany(s => extractor.Extract(s, "en-US"))
            .Select((f, i) => Fact($"f{i}", f.Text, ageDays: i, f.Kind, f.Key))
            .ToList();
        return new MemoryContext([.. facts.Where(f => f.Kind == FactKind.Profile)], [.. facts.Where(f => f.Kind != FactKind.Profile)], []);
    }

    private static readonly MemoryContext Alice = Remembered(
        "my name is alice",
        "i'm 72",
        "i live in leeds",
        "i'm allergic to peanuts and shellfish",
        "i have diabetes",
        "i take metformin",
        "my daughter is called emma",
        "i love gardening",
        "i don't like tea",
        "my favourite colour is blue",
        "my birthday is on may 3rd",
        "tomorrow i have a doctor's appointment");

    private static readonly MemoryContext Xiaoming = Remembered("我叫小明", "我今年72岁", "我住在上海", "我对花生过敏", "我女儿叫小红", "我喜欢喝茶");

    [Theory]
    [InlineData("what's my name?", "Your name is Alice.")]
    [InlineData("what is my name", "Your name is Alice.")]
    [InlineData("do you remember my name", "Your name is Alice.")]
    [InlineData("how old am i", "You're 72 years old.")]
    [InlineData("Where do I live?", "You live in Leeds.")]
    [InlineData("what am i allergic to", "You're allergic to peanuts and shellfish.")]
    [InlineData("who is my daughter?", "Your daughter is called Emma.")]
    [InlineData("what's my daughter's name", "Your daughter is called Emma.")]
    [InlineData("what's my favourite colour", "Your favourite colour is blue.")]
    [InlineData("when is my birthday", "Your birthday is on May 3rd.")]
    [InlineData("what medication do I take?", "You take metformin.")]
    [InlineData("what don't i like", "You dislike tea.")]
    [InlineData("do i like tea", "You told me you dislike tea.")]
    public void Respond_QuestionAboutStoredFact_AnswersFromMemory(string question, string expected)
    {
        Assert.Equal(expected, _responder.Respond(question, Alice, "en-US"));
    }

    [Fact]
    public void Respond_WhatDoILike_ListsLikesNotDislikes()
    {
        var reply = _responder.Respond("what do i like?", Alice, "en-US");

        Assert.Contains("You love gardening.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("tea", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_WhatDoYouRememberAboutMe_RecitesFactsBriefly()
    {
        var reply = _responder.Respond("what do you remember about me", Alice, "en-US");

        Assert.StartsWith("Here's what I remember: your name is Alice; ", reply, StringComparison.Ordinal);
        Assert.True(reply.Length < 300, reply);
    }

    [Theory]
    [InlineData("what's my name?", false)]
    [InlineData("what am i allergic to?", false)]
    [InlineData("who is my son?", true)]
    [InlineData("what's my phone number?", true)]
    public void Respond_QuestionAboutUnknownFact_SaysItDoesNotKnow(string question, bool knowsAlice)
    {
        Assert.Equal(DontKnow, _responder.Respond(question, knowsAlice ? Alice : MemoryContext.Empty, "en-US"));
    }

    [Fact]
    public void Respond_WhatDoYouRememberWithNothingStored_SaysSoHonestly()
    {
        var reply = _responder.Respond("what do you remember about me?", MemoryContext.Empty, "en-US");

        Assert.Equal("I don't remember anything about you yet. Tell me a little about yourself!", reply);
    }

    [Theory]
    [InlineData("我叫什么名字？", "你叫小明。")]
    [InlineData("我对什么过敏？", "你对花生过敏。")]
    [InlineData("我住在哪里？", "你住在上海。")]
    [InlineData("我今年多大了？", "你今年72岁。")]
    [InlineData("我女儿叫什么？", "你的女儿叫小红。")]
    public void Respond_ChineseQuestionAboutStoredFact_AnswersInChinese(string question, string expected)
    {
        Assert.Equal(expected, _responder.Respond(question, Xiaoming, "zh-CN"));
    }

    [Fact]
    public void Respond_ChineseQuestionAboutUnknownFact_SaysItDoesNotKnowInChinese()
    {
        Assert.Equal("我还不知道——你还没告诉过我。", _responder.Respond("我叫什么名字？", MemoryContext.Empty, "zh-CN"));
    }

    [Fact]
    public void Respond_Introduction_GreetsByNameAndReflectsWhatItWillRemember()
    {
        var reply = _responder.Respond("my name is alice and i am allergic to peanuts", MemoryContext.Empty, "en-US");

        Assert.Equal("Nice to meet you, Alice. I'll remember that you're allergic to peanuts.", reply);
    }

    [Fact]
    public void Respond_NameOnly_SaysItWillRememberTheName()
    {
        Assert.Equal("Nice to meet you, Bob. I'll remember your name.", _responder.Respond("I'm Bob", MemoryContext.Empty, "en-GB"));
    }

    [Fact]
    public void Respond_NameAlreadyKnown_SaysItRemembers()
    {
        Assert.Equal("Of course, Alice — I remember.", _responder.Respond("my name is alice", Alice, "en-US"));
    }

    [Fact]
    public void Respond_ChineseIntroduction_ReflectsInChinese()
    {
        Assert.Equal("很高兴认识你，小明。我会记住你对花生过敏。", _responder.Respond("我叫小明，我对花生过敏", MemoryContext.Empty, "zh-CN"));
    }

    [Fact]
    public void Respond_StatementAndQuestionAboutIt_AnswersFromWhatWasJustSaid()
    {
        var reply = _responder.Respond("I live in York. Where do I live?", MemoryContext.Empty, "en-US");

        Assert.Equal("I'll remember that you live in York. You live in York.", reply);
    }

    [Theory]
    [InlineData("hello", "Hello, Alice! How are you today?")]
    [InlineData("Good morning!", "Good morning, Alice! How are you today?")]
    [InlineData("thank you", "You're welcome, Alice.")]
    [InlineData("good night", "Good night, Alice. Sleep well.")]
    public void Respond_SocialPhrase_UsesTheKnownName(string text, string expected)
    {
        Assert.Equal(expected, _responder.Respond(text, Alice, "en-US"));
    }

    [Fact]
    public void Respond_GreetingWithoutKnownName_PlainGreeting()
    {
        Assert.Equal("Hello! How are you today?", _responder.Respond("hi", MemoryContext.Empty, "en-US"));
    }

    [Fact]
    public void Respond_ChineseGreeting_GreetsInChineseWithName()
    {
        Assert.Equal("你好，小明！今天过得怎么样？", _responder.Respond("你好", Xiaoming, "zh-CN"));
    }

    [Theory]
    [InlineData("how much metformin should i take?")]
    [InlineData("is it safe to take aspirin with warfarin")]
    [InlineData("should I stop my blood pressure pills")]
    public void Respond_MedicalAdviceQuestion_RefersToADoctor(string question)
    {
        Assert.Equal("I can't give medical advice — please ask your doctor or pharmacist about that.", _responder.Respond(question, Alice, "en-US"));
    }

    [Fact]
    public void Respond_WorryingSymptom_EncouragesProfessionalHelp()
    {
        var reply = _responder.Respond("i fell over and my hip hurts", Alice, "en-US");

        Assert.Contains("doctor", reply, StringComparison.Ordinal);
        Assert.Contains("emergency services", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_GeneralQuestion_HonestAboutNotKnowing()
    {
        Assert.Equal("I'm sorry, I can't look that up right now — but I'm happy to keep you company.", _responder.Respond("what's the weather like today?", Alice, "en-US"));
    }

    [Fact]
    public void Respond_OrdinaryRemark_ShortWarmAcknowledgementThatIsStable()
    {
        var first = _responder.Respond("i went to the park today", Alice, "en-US");
        var again = _responder.Respond("i went to the park today", Alice, "en-US");

        Assert.Equal(first, again);
        Assert.Contains("Alice", first, StringComparison.Ordinal);
        Assert.True(first.Length < 80, first);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Respond_NothingSaid_InvitesToTalk(string text)
    {
        Assert.Equal("I'm here whenever you'd like to talk.", _responder.Respond(text, Alice, "en-US"));
    }

    [Fact]
    public void Respond_FactInAnotherWording_QuotedNotRewritten()
    {
        var memory = new MemoryContext([Fact("n", "Name: Maggie", kind: FactKind.Profile, key: FactKeys.Name)], [], []);

        Assert.Equal("You told me: Name: Maggie.", _responder.Respond("what's my name", memory, "en-US"));
    }
}
