using System.Buffers;

namespace VoiceMemory.Turns;

/// <summary>Turn and user id rules: ids are generated here and validated wherever they arrive from outside.</summary>
public static class TurnIds
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <summary>A new, time-ordered turn id (32 hex characters, UUID v7).</summary>
    public static string New(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    /// <summary>True for an id that is safe in keys, paths and URLs: 1–64 of [A-Za-z0-9_-].</summary>
    public static bool IsValid(string? id) => id is { Length: > 0 and <= 64 } && !id.AsSpan().ContainsAnyExcept(Allowed);
}
