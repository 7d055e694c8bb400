using Microsoft.Extensions.Logging;
using VoiceMemory.Memory;
using VoiceMemory.Storage;

namespace VoiceMemory.Api;

/// <summary>A caller's memories, the export of everything held about them, and erasure.</summary>
public sealed partial class UserDataService(
    ITurnStore turns,
    IMemoryStore memory,
    IAudioStore audio,
    RecallRanker ranker,
    TimeProvider time,
    ILogger<UserDataService> logger,
    IEnumerable<IUserDataEraser> erasers,
    IUserStore? users = null,
    IEnumerable<IUserDataScrubber>? scrubbers = null)
{
    /// <summary>Largest page of memories.</summary>
    public const int MaxLimit = 200;

    /// <summary>The caller's facts: newest first, or ranked by relevance to <paramref name="query"/>.</summary>
    public async Task<MemoryListBody> ListMemoriesAsync(string userId, string? query, int? limit, CancellationToken cancellationToken)
    {
        var size = limit ?? 50;
        if (size is < 1 or > MaxLimit)
        {
            throw new ApiProblem(ErrorCodes.InvalidRequest, $"limit must be between 1 and {MaxLimit}.");
        }

        if (query is { Length: > 500 })
        {
            throw new ApiProblem(ErrorCodes.InvalidRequest, "q may hold at most 500 characters.");
        }

        IReadOnlyList<MemoryFact> found;
        if (string.IsNullOrWhiteSpace(query))
        {
            found = await memory.ListFactsAsync(userId, size, cancellationToken);
        }
        else
        {
            var candidates = await memory.SearchFactsAsync(userId, query, Math.Max(size * 4, 50), cancellationToken);
            found = ranker.Rank(candidates, size);
        }

        return new MemoryListBody(found.Select(MemoryItemBody.From).ToList());
    }

    public async Task DeleteMemoryAsync(string userId, string factId, CancellationToken cancellationToken)
    {
        if (!Turns.TurnIds.IsValid(factId) || !await memory.DeleteFactAsync(userId, factId, cancellationToken))
        {
            throw ApiProblem.NotFound("The memory");
        }

        await ScrubAsync(cancellationToken);
    }

    /// <summary>Everything held about the caller.</summary>
    public async Task<ExportBody> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var allTurns = new List<TurnStatusBody>();
        string? cursor = null;
        do
        {
            var page = await turns.ListByUserAsync(userId, TurnQueries.MaxPage, cursor, cancellationToken);
            allTurns.AddRange(page.Items.Select(TurnStatusBody.From));
            cursor = page.Next;
        }
        while (cursor is not null);

        var facts = await memory.ListFactsAsync(userId, int.MaxValue, cancellationToken);
        var journal = await memory.ReadJournalAsync(userId, cancellationToken);
        return new ExportBody(
            userId,
            time.GetUtcNow(),
            allTurns,
            facts.Select(MemoryItemBody.From).ToList(),
            journal.Select(d => new JournalDayBody(d.Day, d.Markdown)).ToList());
    }

    /// <summary>
    /// Erases the caller's turns, facts, journal and audio (and, in the self-host, their account), and scrubs what the
    /// deletions left in storage files before returning. Backups taken before still hold the user until they age out.
    /// </summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        // Host extras first (runner jobs), so no in-flight step of the user is started again.
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(userId, cancellationToken);
        }

        var deletedTurns = await turns.DeleteUserAsync(userId, cancellationToken);
        await memory.EraseUserAsync(userId, cancellationToken);
        var deletedAudio = 0;
        foreach (var prefix in AudioKeys.UserPrefixes(userId))
        {
            deletedAudio += await audio.DeletePrefixAsync(prefix, cancellationToken);
        }

        if (users is not null)
        {
            await users.DeleteAsync(userId, cancellationToken);
        }

        await ScrubAsync(cancellationToken);

        LogErased(userId, deletedTurns, deletedAudio);
    }

    private async Task ScrubAsync(CancellationToken cancellationToken)
    {
        foreach (var scrubber in scrubbers ?? [])
        {
            await scrubber.ScrubAsync(cancellationToken);
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Erased user {UserId}: {Turns} turns, {Audio} audio files, facts and journal")]
    private partial void LogErased(string userId, int turns, int audio);
}
