using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Memory;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Benchmarks.Recall;

/// <summary>
/// One SQLite database (FTS5) holding the measured user's memory of a given size next to a few other users, with the
/// real <see cref="RecallService"/> and the <see cref="FullScanRecall"/> baseline over it.
/// </summary>
public sealed class RecallDatabase
{
    public const string UserId = "u_bench_recall";
    private const int InsertBatch = 1_000;

    private static readonly ExtractedFact[] ProfileFacts =
    [
        new("Name is Margaret.", FactKind.Profile, "profile.name"),
        new("Lives in Portland.", FactKind.Profile, "profile.city"),
        new("Birthday is on the fourth of March.", FactKind.Profile, "profile.birthday"),
    ];

    private RecallDatabase(int facts, RecallService recall, RecallService unboundedRecall, FullScanRecall fullScan)
    {
        Facts = facts;
        Recall = recall;
        UnboundedRecall = unboundedRecall;
        FullScan = fullScan;
    }

    public int Facts { get; }

    /// <summary>The recall the server runs (the store's default candidate window).</summary>
    public RecallService Recall { get; }

    /// <summary>The same recall over the same database with no candidate window: bm25 ranks every match (the reference for agreement).</summary>
    public RecallService UnboundedRecall { get; }

    public FullScanRecall FullScan { get; }

    /// <summary>
    /// Creates the database in <paramref name="folder"/>: <paramref name="otherUsers"/> users of
    /// <paramref name="otherUserFacts"/> facts, then the measured user's profile, <paramref name="facts"/> facts and
    /// 10 recent turns. The same <paramref name="seed"/> gives every size the same facts, so a smaller memory is the
    /// start of a larger one.
    /// </summary>
    public static async Task<RecallDatabase> CreateAsync(string folder, int facts, int otherUsers, int otherUserFacts, int seed, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(Path.Combine(folder, "voicememory.db"));
        await database.MigrateAsync(cancellationToken);
        var memory = new SqliteMemoryStore(database, Path.Combine(folder, "journal"));
        var turns = new SqliteTurnStore(database);
        var options = Options.Create(new MemoryOptions());
        var ranker = new RecallRanker(options, TimeProvider.System);

        var corpus = new FactCorpus(seed);
        var clock = new FactClock(DateTimeOffset.UtcNow.AddYears(-3), TimeSpan.FromMinutes(15));
        for (var other = 0; other < otherUsers; other++)
        {
            await InsertAsync(memory, $"u_bench_other_{other}", corpus, clock, otherUserFacts, cancellationToken);
        }

        await memory.UpsertFactsAsync(UserId, "t_profile", ProfileFacts, clock.Next(), cancellationToken);
        await InsertAsync(memory, UserId, corpus, clock, facts, cancellationToken);
        await AddRecentTurnsAsync(turns, cancellationToken);
        var unbounded = new SqliteMemoryStore(database, Path.Combine(folder, "journal"), candidateWindow: int.MaxValue - 1);
        return new RecallDatabase(
            facts,
            new RecallService(memory, turns, ranker, options),
            new RecallService(unbounded, turns, ranker, options),
            new FullScanRecall(memory, ranker, options.Value.TopK));
    }

    private static async Task InsertAsync(SqliteMemoryStore memory, string userId, FactCorpus corpus, FactClock clock, int count, CancellationToken cancellationToken)
    {
        for (var done = 0; done < count; done += InsertBatch)
        {
            var batch = Enumerable.Range(0, Math.Min(InsertBatch, count - done)).Select(_ => corpus.NextFact()).ToList();
            await memory.UpsertFactsAsync(userId, $"t_seed_{clock.Ticks}", batch, clock.Next(batch.Count), cancellationToken);
        }
    }

    private static async Task AddRecentTurnsAsync(SqliteTurnStore turns, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 10; i++)
        {
            var at = now.AddMinutes(-10 + i);
            await turns.AddAsync(
                new TurnRecord
                {
                    TurnId = $"t_recent_{i}",
                    UserId = UserId,
                    State = TurnState.Completed,
                    CreatedAt = at,
                    UpdatedAt = at,
                    Locale = "en-US",
                    Typed = true,
                    Transcript = new Transcript($"I went to the market with my sister number {i}.", "en-US", 1),
                    Reply = new Reply("That sounds like a lovely outing.", ReplySource.Fallback),
                },
                cancellationToken);
        }
    }
}
