using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Memory;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Memory;

/// <summary>Builders shared by the memory tests.</summary>
internal static class MemoryTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 14, 5, 0, TimeSpan.Zero);

    public static IOptions<MemoryOptions> Options(Action<MemoryOptions>? configure = null)
    {
        var options = new MemoryOptions();
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static MemoryFact Fact(string id, string text, double ageDays = 0, FactKind kind = FactKind.Note, string? key = null, string userId = "u1") =>
        new(id, userId, text, kind, key, "t0", Now.AddDays(-ageDays), Now.AddDays(-ageDays));

    public static TurnRecord Turn(string id, string userText, string reply, double ageMinutes, string userId = "u1") => new()
    {
        TurnId = id,
        UserId = userId,
        State = TurnState.Completed,
        CreatedAt = Now.AddMinutes(-ageMinutes),
        UpdatedAt = Now.AddMinutes(-ageMinutes),
        Locale = "en-US",
        Transcript = new Transcript(userText, "en-US", 0.9),
        Reply = new Reply(reply, ReplySource.Fallback),
        Safety = SafetyOutcome.Clear,
    };
}
