using VoiceMemory.Memory;

namespace VoiceMemory.Api;

/// <summary>One remembered fact as the API shows it.</summary>
public sealed record MemoryItemBody(string Id, string Text, FactKind Kind, DateTimeOffset CreatedAt, string SourceTurnId)
{
    public static MemoryItemBody From(MemoryFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new(fact.Id, fact.Text, fact.Kind, fact.CreatedAt, fact.SourceTurnId);
    }
}
