using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceMemory.Benchmarks.Reporting;
using VoiceMemory.Configuration;
using VoiceMemory.Memory;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Benchmarks.Recall;

/// <summary>
/// Recall scaling: one user's memory grows from 1k to 10k to 100k facts in a real SQLite database (FTS5), next to
/// three other users with 5k facts each; at each size the full <see cref="RecallService"/> (profile facts, lexical
/// search, newest facts, recent turns, ranking, budget) answers the same generated questions, each call timed on its
/// own (so P95 is a per-call latency, not an average of batches). At 100k the same questions also go to
/// <see cref="FullScanRecall"/>.
/// </summary>
public static class RecallBenchmark
{
    public const double ScalingTarget = 3;
    public const double FullScanTarget = 20;
    private const int OtherUsers = 3;
    private const int OtherUserFacts = 5_000;
    private const int InsertBatch = 1_000;
    private const string UserId = "u_bench_recall";
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];

    public static async Task RunAsync(BenchReport report, BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var dataRoot = settings.NewDataRoot("vm-bench-recall-");
        try
        {
            var database = new SqliteDatabase(Path.Combine(dataRoot.FullName, "voicememory.db"));
            await database.MigrateAsync(cancellationToken);
            var memory = new SqliteMemoryStore(database, Path.Combine(dataRoot.FullName, "journal"));
            var turns = new SqliteTurnStore(database);
            var options = Options.Create(new MemoryOptions());
            var ranker = new RecallRanker(options, TimeProvider.System);
            var recall = new RecallService(memory, turns, ranker, options);
            var fullScan = new FullScanRecall(memory, ranker, options.Value.TopK);

            var corpus = new FactCorpus(seed: 7);
            var clock = new FactClock(DateTimeOffset.UtcNow.AddYears(-3), TimeSpan.FromMinutes(15));
            for (var other = 0; other < OtherUsers; other++)
            {
                await InsertAsync(memory, $"u_bench_other_{other}", corpus, clock, OtherUserFacts, cancellationToken);
            }

            await memory.UpsertFactsAsync(UserId, "t_profile", ProfileFacts, clock.Next(), cancellationToken);
            await AddRecentTurnsAsync(turns, cancellationToken);

            var queries = Enumerable.Range(0, settings.RecallQueries).Select(_ => corpus.NextQuery()).ToArray();
            var results = new Dictionary<int, (double P50, double P95)>();
            var stored = 0;
            foreach (var size in Sizes)
            {
                Progress.Report(Invariant($"recall: growing the user's memory to {size} facts"));
                await InsertAsync(memory, UserId, corpus, clock, size - stored, cancellationToken);
                stored = size;
                var latencies = await MeasureAsync(q => recall.RecallAsync(UserId, q, "t_current", cancellationToken), queries, settings.RecallWarmupQueries);
                results[size] = (Percentiles.Median(latencies), Percentiles.Of(latencies, 95));
                Progress.Report(Invariant($"recall: {size} facts: P50 {results[size].P50:0.00} ms, P95 {results[size].P95:0.00} ms"));
            }

            var scanQueries = queries.Take(settings.FullScanQueries).ToArray();
            var scan = await MeasureAsync(q => fullScan.RecallAsync(UserId, q, cancellationToken), scanQueries, warmup: 1);
            var scanP50 = Percentiles.Median(scan);
            Progress.Report(Invariant($"recall: full scan at 100k: P50 {scanP50:0.0} ms"));

            var (small, large) = (results[Sizes[0]], results[Sizes[^1]]);
            var p50Ratio = large.P50 / small.P50;
            var p95Ratio = large.P95 / small.P95;
            var speedup = scanP50 / large.P50;
            foreach (var size in Sizes)
            {
                report.Add(Invariant($"recall latency P50 / P95 at {size / 1000}k facts"), Invariant($"{results[size].P50:0.00} / {results[size].P95:0.00} ms"));
            }

            report.Add(new Figure("recall scaling: P50 at 100k ÷ P50 at 1k", Invariant($"{p50Ratio:0.00}"), Invariant($"≤ {ScalingTarget:0}"), p50Ratio <= ScalingTarget));
            report.Add(new Figure("recall scaling: P95 at 100k ÷ P95 at 1k", Invariant($"{p95Ratio:0.00}"), Invariant($"≤ {ScalingTarget:0}"), p95Ratio <= ScalingTarget));
            report.Add(new Figure("recall vs full scan at 100k (P50 speed-up)", Invariant($"{speedup:0}× ({scanP50:0} ms)"), Invariant($"≥ {FullScanTarget:0}×"), speedup >= FullScanTarget));
            report.Detail(Invariant($"recall: RecallService over SqliteMemoryStore (FTS5) + SqliteTurnStore; one user among {OtherUsers} others of {OtherUserFacts} facts each;"));
            report.Detail(Invariant($"recall: {settings.RecallQueries} generated questions per size, each call timed, after {settings.RecallWarmupQueries} warm-up calls"));
            report.Detail(Invariant($"recall: full scan = load all the user's facts, count query words per fact in memory, same RecallRanker ({settings.FullScanQueries} questions)"));
        }
        finally
        {
            dataRoot.Delete(recursive: true);
        }
    }

    private static readonly ExtractedFact[] ProfileFacts =
    [
        new("Name is Margaret.", FactKind.Profile, "profile.name"),
        new("Lives in Portland.", FactKind.Profile, "profile.city"),
        new("Birthday is on the fourth of March.", FactKind.Profile, "profile.birthday"),
    ];

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

    private static async Task<List<double>> MeasureAsync(Func<string, Task> call, IReadOnlyList<string> queries, int warmup)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(queries[i % queries.Count]);
        }

        var latencies = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            await call(query);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
