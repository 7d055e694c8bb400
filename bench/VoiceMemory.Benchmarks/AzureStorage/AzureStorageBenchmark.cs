using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceMemory.Benchmarks.Recall;
using VoiceMemory.Benchmarks.Reporting;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Llm;
using VoiceMemory.Memory;
using VoiceMemory.Safety;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Benchmarks.AzureStorage;

/// <summary>
/// <c>bench storage</c>, on the Azurite that scripts/bench.sh starts (VOICEMEMORY_TEST_STORAGE):
/// <list type="number">
/// <item>storage requests per turn — a spoken, a typed and a crisis turn through the real <see cref="TurnActivities"/>
/// and <see cref="VoiceTurnWorkflow"/> on the Blob/Table adapters, every request counted by an HTTP pipeline policy on
/// the clients, by step and by operation, priced with <see cref="RequestPrices"/>;</item>
/// <item>recall latency — the real <see cref="RecallService"/> at 100, 1,000 and 10,000 facts for one user on the
/// Table adapter and on SQLite (FTS5) in the same run, questions interleaved across sizes and stores.</item>
/// </list>
/// </summary>
public static class AzureStorageBenchmark
{
    public const int SpokenTurnTarget = 20;
    public const double ScalingTarget = 3;
    private const int Seed = 11;
    private static readonly int[] Sizes = [100, 1_000, 10_000];

    public static async Task RunAsync(BenchReport report, BenchSettings settings, RequestPrices prices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(prices);
        var connection = Environment.GetEnvironmentVariable("VOICEMEMORY_TEST_STORAGE") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("VOICEMEMORY_TEST_STORAGE is not set: run 'bash scripts/bench.sh storage' (it starts Azurite), or: source scripts/azurite.sh; azurite_start");
        await RequestsPerTurnAsync(report, connection, prices, cancellationToken);
        await RecallLatencyAsync(report, settings, connection, cancellationToken);
    }

    private static async Task RequestsPerTurnAsync(BenchReport report, string connection, RequestPrices prices, CancellationToken cancellationToken)
    {
        var counter = new RequestCounter();
        var stores = await AzureStores.CreateAsync(connection, counter, cancellationToken);
        const string user = "u_bench_requests";
        Progress.Report("storage: seeding a user with 200 facts and 10 finished turns");
        await SeedAsync(stores, user, 200, cancellationToken);

        var kinds = new (string Kind, string Text, bool Spoken)[]
        {
            ("spoken", "My sister Mia lives in Boston and I am allergic to peanuts.", true),
            ("typed", "What am I allergic to?", false),
            ("crisis", "I want to kill myself.", true),
        };
        var now = DateTimeOffset.UtcNow;
        foreach (var (kind, text, spoken) in kinds)
        {
            counter.Clear();
            var turnId = TurnIds.New(now = now.AddSeconds(1));
            var request = await IntakeAsync(stores, user, turnId, text, spoken, now, cancellationToken);
            RequestCounter.Step = null;
            var activities = Activities(stores, new FixedSpeech(text));
            var outcome = await VoiceTurnWorkflow.RunAsync(request, new CountingSteps(activities));
            RequestCounter.Step = null;
            await CountedAsync("status poll", () => stores.Turns.GetAsync(user, turnId, cancellationToken));
            await CountedAsync("audio url", () => stores.Audio.GetDownloadUrlAsync(AudioKeys.Reply(user, turnId, ".mp3"), TimeSpan.FromMinutes(5), cancellationToken));
            RequestCounter.Step = null;

            var all = counter.Snapshot();
            var workflow = all.Where(r => r.Step is StepNames.Understand or StepNames.Respond or StepNames.Speak or StepNames.Remember or StepNames.Fail).ToList();
            var steps = string.Join(", ", workflow.GroupBy(r => r.Step).Select(g => Invariant($"{g.Key} {g.Count()}")));
            var label = Invariant($"storage requests per {kind} turn (TurnActivities)");
            if (kind == "spoken")
            {
                report.Add(new Figure(label, Invariant($"{workflow.Count} ({steps})"), Invariant($"≤ {SpokenTurnTarget}"), workflow.Count <= SpokenTurnTarget));
            }
            else
            {
                report.Add(label, Invariant($"{workflow.Count} ({steps})"));
            }

            report.Detail(Invariant($"storage {kind} ({outcome.State}, reply {outcome.ReplySource?.ToString() ?? outcome.Error?.Code ?? "none"}): {Breakdown(all)}"));
            report.Detail(Invariant($"storage {kind}: {workflow.Sum(r => Math.Max(1, r.EntityOperations))} entity/blob operations in the workflow; intake {all.Count(r => r.Step == "intake")} requests, status poll {all.Count(r => r.Step == "status poll")}, reply audio URL {all.Count(r => r.Step == "audio url")}"));
            report.Detail(Invariant($"storage {kind}: {prices.CostOf(all) * 1_000_000:0.00} USD per million turns (workflow + intake + one poll) at {prices.Describe()}"));
        }
    }

    private static async Task RecallLatencyAsync(BenchReport report, BenchSettings settings, string connection, CancellationToken cancellationToken)
    {
        var counter = new RequestCounter();
        var stores = await AzureStores.CreateAsync(connection, counter, cancellationToken);
        var dataRoot = settings.NewDataRoot("vm-bench-storage-");
        try
        {
            var database = new SqliteDatabase(Path.Combine(dataRoot.FullName, "voicememory.db"));
            await database.MigrateAsync(cancellationToken);
            var sqliteMemory = new SqliteMemoryStore(database, Path.Combine(dataRoot.FullName, "journal"));
            var sqliteTurns = new SqliteTurnStore(database);
            var options = Options.Create(new MemoryOptions());
            var ranker = new RecallRanker(options, TimeProvider.System);
            var targets = new List<(string Store, int Facts, string User, RecallService Recall)>();
            foreach (var size in Sizes)
            {
                var user = Invariant($"u_bench_recall_{size}");
                var corpus = new FactCorpus(Seed);
                var facts = Enumerable.Range(0, size).Select(_ => corpus.NextFact()).ToList();
                var clock = new FactClock(DateTimeOffset.UtcNow.AddYears(-3), TimeSpan.FromMinutes(15));
                Progress.Report(Invariant($"storage: writing {size} facts to Table storage and to SQLite"));
                var started = Stopwatch.GetTimestamp();
                await ParallelAsync(facts.Chunk(8).Select((chunk, i) => (chunk, at: clock.Next(chunk.Length), i)), c =>
                    stores.Memory.UpsertFactsAsync(user, Invariant($"t_seed_{c.i}"), c.chunk, c.at, cancellationToken), 8);
                Progress.Report(Invariant($"storage: {size} facts written to Table storage in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s"));
                clock = new FactClock(DateTimeOffset.UtcNow.AddYears(-3), TimeSpan.FromMinutes(15));
                foreach (var chunk in facts.Chunk(1_000))
                {
                    await sqliteMemory.UpsertFactsAsync(user, "t_seed", chunk, clock.Next(chunk.Length), cancellationToken);
                }

                targets.Add(("table", size, user, new RecallService(stores.Memory, stores.Turns, ranker, options)));
                targets.Add(("sqlite", size, user, new RecallService(sqliteMemory, sqliteTurns, ranker, options)));
            }

            // Azurite answers every table query by scanning the whole table in JavaScript (no index), so each Table
            // recall costs tens of milliseconds here whatever the design; fewer questions keep the run in minutes.
            var questions = new FactCorpus(Seed + 1);
            var queries = Enumerable.Range(0, Math.Max(20, settings.RecallQueries / 4)).Select(_ => questions.NextQuery()).ToArray();
            var warmup = Math.Min(10, settings.RecallWarmupQueries);
            foreach (var target in targets)
            {
                for (var i = 0; i < Math.Min(warmup, queries.Length); i++)
                {
                    await target.Recall.RecallAsync(target.User, queries[i], "t_current", cancellationToken);
                }
            }

            var latencies = targets.ToDictionary(t => (t.Store, t.Facts), _ => new List<double>());
            for (var q = 0; q < queries.Length; q++)
            {
                for (var k = 0; k < targets.Count; k++)
                {
                    var target = targets[(q + k) % targets.Count];
                    RequestCounter.Step = Invariant($"recall-{target.Facts}");
                    var started = Stopwatch.GetTimestamp();
                    await target.Recall.RecallAsync(target.User, queries[q], "t_current", cancellationToken);
                    latencies[(target.Store, target.Facts)].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    RequestCounter.Step = null;
                }
            }

            foreach (var size in Sizes)
            {
                var (table, sqlite) = (latencies[("table", size)], latencies[("sqlite", size)]);
                report.Add(
                    Invariant($"recall P50 / P95 at {size:N0} facts: Table (Azurite) | SQLite"),
                    Invariant($"{Percentiles.Median(table):0.0} / {Percentiles.Of(table, 95):0.0} ms | {Percentiles.Median(sqlite):0.00} / {Percentiles.Of(sqlite, 95):0.00} ms"));
            }

            var read = counter.Snapshot().Where(r => r.Step.StartsWith("recall-", StringComparison.Ordinal)).ToList();
            report.Add(
                "Table rows read per recall, mean (requests) at 100 | 1k | 10k",
                string.Join(" | ", Sizes.Select(size =>
                {
                    var mine = read.Where(r => r.Step == Invariant($"recall-{size}")).ToList();
                    return Invariant($"{(double)mine.Sum(r => r.EntitiesReturned) / queries.Length:0} ({(double)mine.Count / queries.Length:0.0})");
                })));
            var ratio = Percentiles.Of(latencies[("table", 10_000)], 95) / Percentiles.Of(latencies[("table", 1_000)], 95);
            report.Add(new Figure("Table recall scaling: P95 at 10k ÷ P95 at 1k", Invariant($"{ratio:0.00}"), Invariant($"≤ {ScalingTarget:0}"), ratio <= ScalingTarget));
            var sqliteRatio = Percentiles.Of(latencies[("sqlite", 10_000)], 95) / Percentiles.Of(latencies[("sqlite", 1_000)], 95);
            report.Add("SQLite recall scaling (same run): P95 at 10k ÷ P95 at 1k", Invariant($"{sqliteRatio:0.00}"));
            var (scan1k, scan10k) = await FullScanAsync(stores, ranker, options.Value.TopK, queries.Take(10).ToArray(), cancellationToken);
            report.Add(
                "baseline: full partition scan P50 at 1k | 10k facts (Table)",
                Invariant($"{Percentiles.Median(scan1k):0} | {Percentiles.Median(scan10k):0} ms ({Percentiles.Median(scan10k) / Percentiles.Median(scan1k):0.0}×)"));
            report.Detail(Invariant($"storage recall: RecallService (profile facts, search, newest facts, recent turns, ranking) over TableMemoryStore + TableTurnStore on Azurite and over SqliteMemoryStore + SqliteTurnStore; {queries.Length} generated questions, each sent to all six in rotating order and timed per call, after {warmup} warm-up calls each"));
            report.Detail("storage recall: all three Table memories share one table, as users share one in Azure. Azurite evaluates every query against every entity of the table (LokiJS, no index), so its absolute latencies are an emulator's; Azure reads only the queried key range of one partition. The sizes' ratio compares what the design reads at each size under the same emulator cost.");
            report.Detail("storage recall: baseline = load all the user's facts (n| rows, 1,000 per page) and score them in the process (the linear design the issue warns of), 10 questions per size on the same Azurite");
        }
        finally
        {
            dataRoot.Delete(recursive: true);
        }
    }

    private static async Task<(List<double> At1k, List<double> At10k)> FullScanAsync(AzureStores stores, RecallRanker ranker, int topK, IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        var scan = new FullScanRecall(stores.Memory, ranker, topK);
        var (at1k, at10k) = (new List<double>(), new List<double>());
        foreach (var query in queries)
        {
            foreach (var (size, into) in new[] { (1_000, at1k), (10_000, at10k) })
            {
                var started = Stopwatch.GetTimestamp();
                await scan.RecallAsync(Invariant($"u_bench_recall_{size}"), query, cancellationToken);
                into.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return (at1k, at10k);
    }

    private static async Task<TurnRequest> IntakeAsync(AzureStores stores, string user, string turnId, string text, bool spoken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        RequestCounter.Step = "intake";
        AudioRef? input = null;
        if (spoken)
        {
            using var wav = new MemoryStream([.. "RIFF"u8.ToArray(), .. new byte[40_000]]);
            input = await stores.Audio.SaveAsync(AudioKeys.Input(user, turnId, ".wav"), wav, "audio/wav", cancellationToken);
        }

        await stores.Turns.AddAsync(
            new TurnRecord
            {
                TurnId = turnId,
                UserId = user,
                State = TurnState.Queued,
                CreatedAt = now,
                UpdatedAt = now,
                Locale = "en-US",
                IdempotencyKey = "key-" + turnId,
                InputAudio = input,
                Typed = !spoken,
                Transcript = spoken ? null : new Transcript(text, "en-US", 1),
            },
            cancellationToken);
        RequestCounter.Step = null;
        return new TurnRequest(turnId, user, "en-US", now, input, spoken ? null : text);
    }

    private static TurnActivities Activities(AzureStores stores, FixedSpeech speech)
    {
        var memoryOptions = Options.Create(new MemoryOptions());
        var ranker = new RecallRanker(memoryOptions, TimeProvider.System);
        var recall = new RecallService(stores.Memory, stores.Turns, ranker, memoryOptions);
        var prompts = new PromptBuilder(Options.Create(new LlmOptions()), memoryOptions);
        var chain = new ReplyChain(new ChatModelChain([]), prompts, new FallbackResponder(), NullLogger<ReplyChain>.Instance);
        return new TurnActivities(
            stores.Turns,
            stores.Audio,
            stores.Memory,
            speech,
            speech,
            new LexiconSafetyScreen(),
            new HeuristicFactExtractor(),
            recall,
            chain,
            new SafetyMessages(Options.Create(new SafetyOptions())),
            TimeProvider.System,
            NullLogger<TurnActivities>.Instance);
    }

    private static async Task SeedAsync(AzureStores stores, string user, int facts, CancellationToken cancellationToken)
    {
        var corpus = new FactCorpus(Seed);
        var clock = new FactClock(DateTimeOffset.UtcNow.AddDays(-30), TimeSpan.FromMinutes(15));
        foreach (var chunk in Enumerable.Range(0, facts).Select(_ => corpus.NextFact()).Chunk(8))
        {
            await stores.Memory.UpsertFactsAsync(user, "t_seed", chunk, clock.Next(chunk.Length), cancellationToken);
        }

        for (var i = 0; i < 10; i++)
        {
            var at = DateTimeOffset.UtcNow.AddMinutes(-30 + i);
            await stores.Turns.AddAsync(
                new TurnRecord
                {
                    TurnId = TurnIds.New(at),
                    UserId = user,
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

    private static async Task CountedAsync<T>(string step, Func<Task<T>> call)
    {
        RequestCounter.Step = step;
        await call();
    }

    private static string Breakdown(IReadOnlyList<StorageRequest> requests) =>
        string.Join("; ", requests.GroupBy(r => r.Step).Select(step =>
            Invariant($"{step.Key}: ") + string.Join(", ", step.GroupBy(r => $"{r.Service} {r.Operation}").Select(op => Invariant($"{op.Key} {op.Count()}")))));

    private static async Task ParallelAsync<T>(IEnumerable<T> items, Func<T, Task> action, int parallelism)
    {
        using var gate = new SemaphoreSlim(parallelism);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                await action(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
