namespace VoiceMemory.Api;

/// <summary>
/// Runs after erasure (<c>DELETE /api/v1/me</c>) and after a fact is deleted, before the answer is sent: makes sure the
/// deleted content is gone from every file the host keeps, not just unreachable (e.g. the self-host truncates SQLite's
/// write-ahead log). A host whose storage needs nothing more registers none.
/// </summary>
public interface IUserDataScrubber
{
    /// <summary>Removes what deletions just left behind in storage files.</summary>
    Task ScrubAsync(CancellationToken cancellationToken);
}
