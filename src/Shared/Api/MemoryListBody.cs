namespace VoiceMemory.Api;

/// <summary>The caller's facts.</summary>
public sealed record MemoryListBody(IReadOnlyList<MemoryItemBody> Items);
