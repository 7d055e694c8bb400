using System.Diagnostics;
using System.Globalization;
using VoiceMemory.Benchmarks.Hosting;
using VoiceMemory.Benchmarks.Reporting;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.Benchmarks.Recall;

/// <summary>
/// Recall scaling: three real SQLite databases (FTS5) in which the measured user holds 1k, 10k and 100k facts next to
/// three other users with 5k facts each. The full <see cref="VoiceMemory.Memory.RecallService"/> (profile facts,
/// lexical search, newest facts, recent turns, ranking, budget) answers the same generated questions in all three,
/// <b>interleaved</b> — each question goes to every size in turn, in a rotating order — so a change in the machine's
/// load hits all sizes alike. Each call is timed on its own, so P95 is a per-call latency. At 100k the full scan is
/// timed against the indexed recall in pairs on the same questions.
/// </summary>
public static class RecallBenchmark
{
    public const double ScalingTarget = 3;
    public const double FullScanTarget = 20;
    private const int OtherUsers = 3;
    private const int OtherUserFacts = 5_000;
    private const int Seed = 7;
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];

    public static async Task RunAsync(BenchReport report, BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var dataRoot = settings.NewDataRoot("vm-bench-recall-");
        try
        {
            var databases = new List<RecallDatabase>();
            foreach (var size in Sizes)
            {
                Progress.Report(Invariant($"recall: building a memory of {size} facts"));
                var folder = Directory.CreateDirectory(Path.Combine(dataRoot.FullName, Invariant($"facts-{size}"))).FullName;
                databases.Add(await RecallDatabase.CreateAsync(folder, size, OtherUsers, OtherUserFacts, Seed, cancellationToken));
            }

            var questions = new FactCorpus(Seed);
            var queries = Enumerable.Range(0, settings.RecallQueries).Select(_ => questions.NextQuery()).ToArray();
            var (machineBefore, ownBefore, clock) = (SystemCpu.Busy(), ProcessCpu.Of(Environment.ProcessId).Total, Stopwatch.StartNew());
            var latencies = await MeasureInterleavedAsync(databases, queries, settings.RecallWarmupQueries, cancellationToken);
            var foreign = (SystemCpu.Busy() - machineBefore - (ProcessCpu.Of(Environment.ProcessId).Total - ownBefore)).TotalSeconds / clock.Elapsed.TotalSeconds;

            var largest = databases[^1];
            var (indexed, scan) = await MeasureFullScanAsync(largest, queries.Take(settings.FullScanQueries).ToArray(), cancellationToken);
            var speedup = Percentiles.Median(scan) / Percentiles.Median(indexed);
            Progress.Report(Invariant($"recall: full scan at 100k: P50 {Percentiles.Median(scan):0.0} ms, indexed {Percentiles.Median(indexed):0.00} ms"));

            var agreement = await MeasureAgreementAsync(largest, queries, cancellationToken);
            foreach (var database in databases)
            {
                var sample = latencies[database.Facts];
                report.Add(Invariant($"recall latency P50 / P95 at {database.Facts / 1000}k facts"), Invariant($"{Percentiles.Median(sample):0.00} / {Percentiles.Of(sample, 95):0.00} ms"));
            }

            var (small, large) = (latencies[Sizes[0]], latencies[Sizes[^1]]);
            var p50Ratio = Percentiles.Median(large) / Percentiles.Median(small);
            var p95Ratio = Percentiles.Of(large, 95) / Percentiles.Of(small, 95);
            report.Add(new Figure("recall scaling: P50 at 100k ÷ P50 at 1k", Invariant($"{p50Ratio:0.00}"), Invariant($"≤ {ScalingTarget:0}"), p50Ratio <= ScalingTarget));
            report.Add(new Figure("recall scaling: P95 at 100k ÷ P95 at 1k", Invariant($"{p95Ratio:0.00}"), Invariant($"≤ {ScalingTarget:0}"), p95Ratio <= ScalingTarget));
            report.Add("recall agreement vs unbounded bm25 at 100k", Invariant($"{agreement.SharedShare:P0} shared, {agreement.IdenticalShare:P0} same"));
            report.Add(new Figure("recall vs full scan at 100k (P50 speed-up)", Invariant($"{speedup:0}× ({Percentiles.Median(scan):0} ms)"), Invariant($"≥ {FullScanTarget:0}×"), speedup >= FullScanTarget));
            report.Detail(Invariant($"recall: RecallService over SqliteMemoryStore (FTS5) + SqliteTurnStore; the user among {OtherUsers} others of {OtherUserFacts} facts each, one database per size"));
            report.Detail(Invariant($"recall: {settings.RecallQueries} generated questions, each sent to all three sizes in rotating order and timed per call, after {settings.RecallWarmupQueries} warm-up calls per size; other processes used {foreign:0.00} cores meanwhile"));
            report.Detail(Invariant($"recall: agreement = of the relevant facts recalled with every match ranked by bm25, the share also recalled with the default window of {SqliteMemoryStore.DefaultCandidateWindow} matches (mean over {agreement.Questions} questions that recalled any); 'same' = questions with the identical set"));
            report.Detail(Invariant($"recall: full scan = load all the user's facts, count query words per fact in memory, same RecallRanker; {settings.FullScanQueries} questions, each timed against the indexed recall"));
        }
        finally
        {
            dataRoot.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<int, List<double>>> MeasureInterleavedAsync(
        IReadOnlyList<RecallDatabase> databases, IReadOnlyList<string> queries, int warmup, CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            for (var i = 0; i < warmup; i++)
            {
                await database.Recall.RecallAsync(RecallDatabase.UserId, queries[i % queries.Count], "t_current", cancellationToken);
            }
        }

        var latencies = databases.ToDictionary(d => d.Facts, _ => new List<double>(queries.Count));
        for (var q = 0; q < queries.Count; q++)
        {
            for (var k = 0; k < databases.Count; k++)
            {
                var database = databases[(q + k) % databases.Count];
                var started = Stopwatch.GetTimestamp();
                await database.Recall.RecallAsync(RecallDatabase.UserId, queries[q], "t_current", cancellationToken);
                latencies[database.Facts].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return latencies;
    }

    /// <summary>How far the default candidate window changes what recall returns at the largest size.</summary>
    private static async Task<(double SharedShare, double IdenticalShare, int Questions)> MeasureAgreementAsync(RecallDatabase database, IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        var (shared, identical, counted) = (0.0, 0, 0);
        foreach (var query in queries)
        {
            var windowed = await database.Recall.RecallAsync(RecallDatabase.UserId, query, "t_current", cancellationToken);
            var reference = await database.UnboundedRecall.RecallAsync(RecallDatabase.UserId, query, "t_current", cancellationToken);
            var expected = reference.RelevantFacts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            if (expected.Count == 0)
            {
                continue;
            }

            var got = windowed.RelevantFacts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            counted++;
            shared += (double)expected.Count(got.Contains) / expected.Count;
            identical += got.SetEquals(expected) ? 1 : 0;
        }

        return counted == 0 ? (1, 1, 0) : (shared / counted, (double)identical / counted, counted);
    }

    private static async Task<(List<double> Indexed, List<double> Scan)> MeasureFullScanAsync(RecallDatabase database, IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        await database.FullScan.RecallAsync(RecallDatabase.UserId, queries[0], cancellationToken);
        var (indexed, scan) = (new List<double>(), new List<double>());
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            await database.Recall.RecallAsync(RecallDatabase.UserId, query, "t_current", cancellationToken);
            indexed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            await database.FullScan.RecallAsync(RecallDatabase.UserId, query, cancellationToken);
            scan.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (indexed, scan);
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
