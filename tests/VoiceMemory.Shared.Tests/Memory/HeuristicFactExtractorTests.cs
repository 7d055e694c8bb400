using VoiceMemory.Memory;

namespace VoiceMemory.Tests.Memory;

public sealed class HeuristicFactExtractorTests
{
    private readonly HeuristicFactExtractor _extractor = new();

    [Theory]
    [InlineData("My name is Alice.", "en-US")]
    [InlineData("my name is alice", "en-US")]
    [InlineData("I'm Alice", "en-US")]
    [InlineData("hello i'm alice", "en-US")]
    [InlineData("im alice", "en-US")]
    [InlineData("you can call me Alice", "en-GB")]
    public void Extract_EnglishName_ProfileNameFact(string text, string locale)
    {
        var fact = Assert.Single(_extractor.Extract(text, locale));

        Assert.Equal(FactKind.Profile, fact.Kind);
        Assert.Equal(FactKeys.Name, fact.Key);
        Assert.Equal("The user's name is Alice", fact.Text);
    }

    [Theory]
    [InlineData("call me al", "The user's name is Al")]
    [InlineData("my name is mary-jane o'brien", "The user's name is Mary-Jane O'Brien")]
    [InlineData("my name is Will", "The user's name is Will")]
    [InlineData("我叫小明", "用户叫小明")]
    [InlineData("我的名字是王小明。", "用户叫王小明")]
    public void Extract_NameVariants_CapitalisedNameText(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKeys.Name, fact.Key);
        Assert.Equal(expected, fact.Text);
    }

    [Theory]
    [InlineData("i'm tired")]
    [InlineData("I'm fine, thanks")]
    [InlineData("i am feeling lonely today")]
    [InlineData("i'm going to the shops")]
    [InlineData("I'm English")]
    [InlineData("call me tomorrow")]
    public void Extract_IAmFollowedByNonName_NoNameFact(string text)
    {
        var facts = _extractor.Extract(text, "en-US");

        Assert.DoesNotContain(facts, f => f.Key == FactKeys.Name);
    }

    [Theory]
    [InlineData("I am 72 years old", "The user is 72 years old")]
    [InlineData("i'm 72", "The user is 72 years old")]
    [InlineData("i am seventy two years old", "The user is 72 years old")]
    [InlineData("I just turned 80", "The user is 80 years old")]
    [InlineData("我今年72岁", "用户今年72岁")]
    [InlineData("我今年七十二岁了", "用户今年72岁")]
    public void Extract_Age_ProfileAgeFact(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKind.Profile, fact.Kind);
        Assert.Equal(FactKeys.Age, fact.Key);
        Assert.Equal(expected, fact.Text);
    }

    [Theory]
    [InlineData("I live in Leeds", "The user lives in Leeds")]
    [InlineData("i live in newcastle upon tyne with my wife", "The user lives in Newcastle upon Tyne")]
    [InlineData("I'm from Ohio.", "The user is from Ohio")]
    [InlineData("i'm from ohio", "The user is from Ohio")]
    [InlineData("我住在上海", "用户住在上海")]
    [InlineData("我是上海人", "用户是上海人")]
    public void Extract_Home_ProfileHomeFact(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKeys.Home, fact.Key);
        Assert.Equal(expected, fact.Text);
    }

    [Fact]
    public void Extract_LiveInDescription_UnkeyedSoItDoesNotReplaceTheTown()
    {
        var fact = Assert.Single(_extractor.Extract("i live in a care home", "en-US"));

        Assert.Equal("The user lives in a care home", fact.Text);
        Assert.Null(fact.Key);
    }

    [Theory]
    [InlineData("I love gardening", "The user loves gardening")]
    [InlineData("i like tea", "The user likes tea")]
    [InlineData("I hate mornings", "The user hates mornings")]
    [InlineData("i'm a big fan of jazz", "The user likes jazz")]
    [InlineData("我喜欢喝茶", "用户喜欢喝茶")]
    public void Extract_Like_PreferenceFact(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKind.Preference, fact.Kind);
        Assert.Equal(expected, fact.Text);
    }

    [Theory]
    [InlineData("I don't like tea.", "The user dislikes tea")]
    [InlineData("i dont like tea anymore", "The user dislikes tea")]
    [InlineData("i do not like tea at all", "The user dislikes tea")]
    [InlineData("i can't stand loud music", "The user dislikes loud music")]
    [InlineData("我不喜欢喝咖啡", "用户不喜欢喝咖啡")]
    public void Extract_NegatedLike_DislikeNotLike(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKind.Preference, fact.Kind);
        Assert.Equal(expected, fact.Text);
        Assert.DoesNotContain(" likes ", fact.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LikeThenDislikeOfSameThing_SameIdentitySoTheDislikeSupersedes()
    {
        var like = Assert.Single(_extractor.Extract("i like tea", "en-US"));
        var dislike = Assert.Single(_extractor.Extract("I don't like tea any more", "en-US"));

        Assert.Equal(FactIdentity.IdFor("u1", like), FactIdentity.IdFor("u1", dislike));
        Assert.NotEqual(like.Text, dislike.Text);
    }

    [Theory]
    [InlineData("i would like a cup of tea")]
    [InlineData("I love you")]
    [InlineData("i like it here")]
    public void Extract_RequestOrAffection_NoPreference(string text)
    {
        Assert.Empty(_extractor.Extract(text, "en-US"));
    }

    [Theory]
    [InlineData("my favourite colour is blue", "The user's favourite colour is blue", "preference.favourite.colour")]
    [InlineData("Blue is my favorite color", "The user's favorite color is Blue", "preference.favourite.colour")]
    [InlineData("我最喜欢的颜色是蓝色", "用户最喜欢的颜色是蓝色", "preference.favourite.colour")]
    public void Extract_Favourite_KeyedBySubject(string text, string expected, string key)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKind.Preference, fact.Kind);
        Assert.Equal(expected, fact.Text);
        Assert.Equal(key, fact.Key);
    }

    [Theory]
    [InlineData("I'm allergic to peanuts", "The user is allergic to peanuts")]
    [InlineData("i have a peanut allergy", "The user is allergic to peanut")]
    [InlineData("I have diabetes", "The user has diabetes")]
    [InlineData("i have type 2 diabetes", "The user has type 2 diabetes")]
    [InlineData("I take metformin", "The user takes metformin")]
    [InlineData("i take tablets for my blood pressure", "The user takes tablets for their blood pressure")]
    [InlineData("我对花生过敏", "用户对花生过敏")]
    [InlineData("我有糖尿病", "用户有糖尿病")]
    [InlineData("我每天吃降压药", "用户在吃降压药")]
    public void Extract_Health_UnkeyedHealthFact(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKind.Health, fact.Kind);
        Assert.Null(fact.Key);
        Assert.Equal(expected, fact.Text);
    }

    [Fact]
    public void Extract_SeveralAllergies_OneFactEachWithDistinctIds()
    {
        var facts = _extractor.Extract("i'm allergic to peanuts and shellfish", "en-US");

        Assert.Equal(["The user is allergic to peanuts", "The user is allergic to shellfish"], facts.Select(f => f.Text));
        Assert.NotEqual(FactIdentity.IdFor("u1", facts[0]), FactIdentity.IdFor("u1", facts[1]));
    }

    [Theory]
    [InlineData("i take the bus into town")]
    [InlineData("I have a cold")]
    [InlineData("i have two grandchildren")]
    [InlineData("I'm not allergic to anything")]
    [InlineData("i don't have diabetes")]
    public void Extract_NotAHealthStatement_NoHealthFact(string text)
    {
        Assert.DoesNotContain(_extractor.Extract(text, "en-US"), f => f.Kind == FactKind.Health);
    }

    [Theory]
    [InlineData("my daughter is called Emma", "The user's daughter is called Emma", "relationship.daughter")]
    [InlineData("my wife's name is Jane", "The user's wife is called Jane", "relationship.wife")]
    [InlineData("my wifes name is jane", "The user's wife is called Jane", "relationship.wife")]
    [InlineData("my sister Sarah lives in Paris", "The user's sister Sarah lives in Paris", "relationship.sister")]
    [InlineData("my sister sarah lives in paris", "The user's sister Sarah lives in Paris", "relationship.sister")]
    [InlineData("emma is my daughter", "The user's daughter is called Emma", "relationship.daughter")]
    [InlineData("my mum is called Rose", "The user's mum is called Rose", "relationship.mother")]
    [InlineData("我女儿叫小红", "用户的女儿叫小红", "relationship.daughter")]
    [InlineData("我爱人叫李华", "用户的爱人叫李华", "relationship.partner")]
    public void Extract_Relationship_KeyedByRelation(string text, string expected, string key)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKind.Relationship, fact.Kind);
        Assert.Equal(expected, fact.Text);
        Assert.Equal(key, fact.Key);
    }

    [Theory]
    [InlineData("my daughter lives in australia", "The user's daughter lives in Australia", FactKind.Relationship)]
    [InlineData("i live alone", "The user lives alone", FactKind.Profile)]
    [InlineData("my husband passed away last year", "The user's husband passed away last year", FactKind.Relationship)]
    public void Extract_UnnamedRelationOrLivingSituation_UnkeyedFact(string text, string expected, FactKind kind)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(expected, fact.Text);
        Assert.Equal(kind, fact.Kind);
        Assert.Null(fact.Key);
    }

    [Theory]
    [InlineData("i am called margaret", "The user's name is Margaret")]
    [InlineData("i've lived in leeds for forty years", "The user lives in Leeds")]
    public void Extract_OtherPhrasings_SameKeyedFacts(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(_extractor.Extract(text, "en-US")).Text);
    }

    [Theory]
    [InlineData("my dog loves walks")]
    [InlineData("my son often visits")]
    [InlineData("my daughter is a nurse")]
    public void Extract_RelationWithoutName_NoRelationshipFact(string text)
    {
        Assert.DoesNotContain(_extractor.Extract(text, "en-US"), f => f.Kind == FactKind.Relationship);
    }

    [Theory]
    [InlineData("tomorrow I have a doctor's appointment", "Tomorrow the user has a doctor's appointment", null)]
    [InlineData("my birthday is on may 3rd", "The user's birthday is on May 3rd", "event.birthday")]
    [InlineData("my daughter's birthday is on June 10th", "The user's daughter's birthday is on June 10th", "event.birthday.daughter")]
    [InlineData("i go to church every sunday", "The user goes to church every Sunday", null)]
    [InlineData("明天我要去看医生", "明天用户要去看医生", null)]
    [InlineData("我的生日是5月3日", "用户的生日是5月3日", "event.birthday")]
    public void Extract_Event_EventFact(string text, string expected, string? key)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKind.Event, fact.Kind);
        Assert.Equal(expected, fact.Text);
        Assert.Equal(key, fact.Key);
    }

    [Theory]
    [InlineData("remember that my grandson visits on sundays", "The user's grandson visits on Sundays")]
    [InlineData("Please remember that the spare key is under the blue pot.", "The spare key is under the blue pot")]
    [InlineData("don't forget to take my pills at 8", "The user needs to take their pills at 8")]
    [InlineData("remember that i need to call the plumber", "The user needs to call the plumber")]
    [InlineData("记住明天下午三点去医院", "用户要记得明天下午三点去医院")]
    public void Extract_RememberRequest_NoteWithContent(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"));

        Assert.Equal(FactKind.Note, fact.Kind);
        Assert.Equal(expected, fact.Text);
    }

    [Fact]
    public void Extract_RememberRequestHoldingAFact_TheSpecificFactRatherThanANote()
    {
        var fact = Assert.Single(_extractor.Extract("can you remember that i'm allergic to penicillin", "en-US"));

        Assert.Equal(FactKind.Health, fact.Kind);
        Assert.Equal("The user is allergic to penicillin", fact.Text);
    }

    [Theory]
    [InlineData("what is my name?")]
    [InlineData("what is my name")]
    [InlineData("what's my favourite colour")]
    [InlineData("am i allergic to peanuts")]
    [InlineData("do you remember my name")]
    [InlineData("hi what is my name")]
    [InlineData("Is my name Alice?")]
    [InlineData("Do I like tea?")]
    [InlineData("我叫什么名字？")]
    [InlineData("我对什么过敏？")]
    [InlineData("你记得我叫什么吗")]
    public void Extract_Question_NoFacts(string text)
    {
        Assert.Empty(_extractor.Extract(text, "en-US"));
    }

    [Fact]
    public void Extract_LowerCaseUnpunctuatedTranscript_NameAndAllergy()
    {
        var facts = _extractor.Extract("my name is alice and i am allergic to peanuts", "en-US");

        Assert.Equal(2, facts.Count);
        Assert.Contains(facts, f => f.Key == FactKeys.Name && f.Text == "The user's name is Alice");
        Assert.Contains(facts, f => f.Kind == FactKind.Health && f.Text == "The user is allergic to peanuts");
    }

    [Fact]
    public void Extract_RunOnTranscriptWithoutConjunctions_EveryStatement()
    {
        var facts = _extractor.Extract("hi my name is mary jane i'm 80 years old i live in york and i love knitting", "en-US");

        Assert.Equal(
            ["The user's name is Mary Jane", "The user is 80 years old", "The user lives in York", "The user loves knitting"],
            facts.Select(f => f.Text));
    }

    [Fact]
    public void Extract_MultiSentenceText_FactsFromEverySentenceInOrder()
    {
        var facts = _extractor.Extract("Hello! My name is Bob. I live in Leeds. What's the weather like? I take metformin.", "en-GB");

        Assert.Equal(["The user's name is Bob", "The user lives in Leeds", "The user takes metformin"], facts.Select(f => f.Text));
    }

    [Fact]
    public void Extract_StatementFollowedByQuestionInOneSentence_KeepsTheStatement()
    {
        var fact = Assert.Single(_extractor.Extract("My name is Alice, what's yours?", "en-US"));

        Assert.Equal(FactKeys.Name, fact.Key);
    }

    [Fact]
    public void Extract_ChineseRunOnWithDroppedSubjects_EveryStatement()
    {
        var facts = _extractor.Extract("我叫小明，今年七十二岁，住在上海", "zh-CN");

        Assert.Equal(["用户叫小明", "用户今年72岁", "用户住在上海"], facts.Select(f => f.Text));
    }

    [Fact]
    public void Extract_ChineseWithoutPunctuation_SplitsAtEachStatement()
    {
        var facts = _extractor.Extract("我叫小明我对花生过敏", "zh-CN");

        Assert.Equal(["用户叫小明", "用户对花生过敏"], facts.Select(f => f.Text));
    }

    [Fact]
    public void Extract_SameKeyTwiceInOneUtterance_LaterValueWins()
    {
        var fact = Assert.Single(_extractor.Extract("My name is Al. Actually, my name is Alice.", "en-US"));

        Assert.Equal("The user's name is Alice", fact.Text);
    }

    [Fact]
    public void Extract_SameKeyAcrossTurns_SameFactIdSoTheNewerTextReplacesTheOlder()
    {
        var first = Assert.Single(_extractor.Extract("I live in Leeds", "en-US"));
        var second = Assert.Single(_extractor.Extract("i moved to york", "en-US"));

        Assert.Equal(FactIdentity.IdFor("u1", first), FactIdentity.IdFor("u1", second));
        Assert.Equal("The user lives in York", second.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("it's a lovely day")]
    public void Extract_NothingToLearn_Empty(string text)
    {
        Assert.Empty(_extractor.Extract(text, "en-US"));
    }

    [Fact]
    public async Task ExtractAsync_Text_SameFactsAsExtract()
    {
        var facts = await _extractor.ExtractAsync("I live in Leeds", "en-US", CancellationToken.None);

        Assert.Equal(_extractor.Extract("I live in Leeds", "en-US"), facts);
    }

    [Fact]
    public async Task ExtractAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _extractor.ExtractAsync("I live in Leeds", "en-US", cancelled.Token));
    }
}
