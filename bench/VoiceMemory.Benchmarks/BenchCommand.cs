using System.Globalization;
using VoiceMemory.Benchmarks.Audio;
using VoiceMemory.Benchmarks.AzureStorage;
using VoiceMemory.Benchmarks.Hosting;
using VoiceMemory.Benchmarks.Ingest;
using VoiceMemory.Benchmarks.Pipeline;
using VoiceMemory.Benchmarks.Recall;
using VoiceMemory.Benchmarks.Reporting;
using VoiceMemory.Benchmarks.Workers;

namespace VoiceMemory.Benchmarks;

/// <summary>
/// <c>bench recall|pipeline|ingest|workers|storage|all [--quick] [--no-wait] [--worker-warmup N] [--work FOLDER] [--price NAME=USD]</c>: runs the benchmarks and prints one
/// summary block on standard output (progress goes to standard error). It first waits up to 10 minutes for the rest
/// of the machine to go quiet (<c>--no-wait</c> skips that). Exit code 0 when every target is met,
/// 2 when one is missed, 1 on an error or bad usage. <c>storage</c> (the Azure adapters, on the Azurite that
/// scripts/bench.sh starts) is not part of <c>all</c>.
/// </summary>
public static class BenchCommand
{
    private static readonly string[] Commands = ["recall", "pipeline", "ingest", "workers", "storage", "all"];
    private const string Usage = "usage: bench recall|pipeline|ingest|workers|storage|all [--quick] [--no-wait] [--worker-warmup N] [--work FOLDER] [--price blob-write|blob-read|blob-list|blob-other|table=USD_PER_10K]";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Commands.Contains(args[0]))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 1;
        }

        var (remaining, prices) = TakePrices(args.Skip(1).ToArray());
        var settings = prices is null ? null : Parse(remaining);
        if (settings is null || prices is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 1;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var command = args[0];
        var report = new BenchReport();
        Progress.Report($"bench {string.Join(' ', args)}: load average {MachineInfo.LoadAverage()}");
        if (settings.WaitForQuiet)
        {
            var others = await QuietMachine.WaitAsync(TimeSpan.FromMinutes(10), cancel.Token);
            report.Detail(string.Create(CultureInfo.InvariantCulture, $"machine: other processes used {others:0.00} cores in the 3 s before the run started"));
        }

        if (command == "storage")
        {
            await AzureStorageBenchmark.RunAsync(report, settings, prices, cancel.Token);
        }
        else
        {
            await RunAsync(command, report, settings, cancel.Token);
        }

        Console.Out.Write(report.Render("bench " + string.Join(' ', args)));
        return report.AllTargetsMet ? 0 : 2;
    }

    private static async Task RunAsync(string command, BenchReport report, BenchSettings settings, CancellationToken cancellationToken)
    {
        var all = command == "all";
        if (all || command == "recall")
        {
            await RecallBenchmark.RunAsync(report, settings, cancellationToken);
        }

        IReadOnlyList<SpokenTurn>? speech = null;
        if (all || command is "pipeline" or "workers")
        {
            speech = await SpokenTurns.SynthesizeAsync(cancellationToken);
        }

        if (all || command == "pipeline")
        {
            await PipelineBenchmark.RunAsync(report, settings, speech!, cancellationToken);
        }

        if (all || command == "workers")
        {
            await WorkerScalingBenchmark.RunAsync(report, settings, speech!, cancellationToken);
        }

        if (all || command == "ingest")
        {
            await IngestBenchmark.RunAsync(report, settings, cancellationToken);
        }
    }

    // "--price NAME=USD" pairs (storage only) are taken out before the common options are parsed.
    private static (string[] Options, RequestPrices? Prices) TakePrices(string[] options)
    {
        RequestPrices? prices = new();
        var rest = new List<string>();
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] == "--price")
            {
                prices = i + 1 < options.Length ? prices?.With(options[++i]) : null;
            }
            else
            {
                rest.Add(options[i]);
            }
        }

        return ([.. rest], prices);
    }

    private static BenchSettings? Parse(string[] options)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--quick":
                    settings = BenchSettings.Quick with { WorkFolder = settings.WorkFolder, WaitForQuiet = settings.WaitForQuiet };
                    break;
                case "--no-wait":
                    settings = settings with { WaitForQuiet = false };
                    break;
                case "--worker-warmup" when i + 1 < options.Length && int.TryParse(options[i + 1], CultureInfo.InvariantCulture, out var warmup) && warmup >= 0:
                    settings = settings with { WorkerWarmupTurns = warmup };
                    i++;
                    break;
                case "--work" when i + 1 < options.Length:
                    settings = settings with { WorkFolder = Path.GetFullPath(options[++i]) };
                    break;
                default:
                    return null;
            }
        }

        return settings;
    }
}
