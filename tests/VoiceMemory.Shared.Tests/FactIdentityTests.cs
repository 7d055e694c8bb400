using VoiceMemory.Memory;

namespace VoiceMemory.Tests;

public sealed class FactIdentityTests
{
    [Fact]
    public void IdFor_SameKeyDifferentText_SameId()
    {
        var a = FactIdentity.IdFor("u1", new ExtractedFact("My name is Al", FactKind.Profile, "profile.name"));
        var b = FactIdentity.IdFor("u1", new ExtractedFact("My name is Alice", FactKind.Profile, "profile.name"));
        Assert.Equal(a, b);
    }

    [Fact]
    public void IdFor_UnkeyedTextDiffersOnlyInCaseAndSpacing_SameId()
    {
        var a = FactIdentity.IdFor("u1", new ExtractedFact("Likes  tea.", FactKind.Preference, null));
        var b = FactIdentity.IdFor("u1", new ExtractedFact("likes tea", FactKind.Preference, null));
        Assert.Equal(a, b);
    }

    [Fact]
    public void IdFor_OtherUser_OtherId()
    {
        var fact = new ExtractedFact("likes tea", FactKind.Preference, null);
        Assert.NotEqual(FactIdentity.IdFor("u1", fact), FactIdentity.IdFor("u2", fact));
    }
}
