using System.Diagnostics;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Scenarios;

namespace VoiceMemory.Harness;

/// <summary>Runs the chosen scenario (or all of them), prints each summary block on stdout, and returns 0 only when every expectation held.</summary>
internal static class HarnessRun
{
    public static async Task<int> RunAsync(HarnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var serverDll = ServerDllLocator.Locate(options.ServerDll);
        var runFolder = options.WorkFolder ?? Directory.CreateTempSubdirectory("vm-harness-").FullName;
        Directory.CreateDirectory(runFolder);
        HarnessContext.Log($"server {serverDll}; work folder {runFolder}; seed {options.Seed}");

        using var context = new HarnessContext(options, serverDll, runFolder);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var scenarios = Select(options.Scenario);
        var summaries = new List<Summary>();
        var clock = Stopwatch.StartNew();
        foreach (var scenario in scenarios)
        {
            HarnessContext.Log($"== {scenario.Name}");
            Summary summary;
            try
            {
                summary = await scenario.RunAsync(context, cancel.Token);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A harness or server failure ends the scenario but not the run: it is reported, not hidden.
                summary = new Summary(scenario.Name)
                    .Note($"the scenario stopped with {error.GetType().Name}: {error.Message}")
                    .Expect("scenario ran to the end", false, $"{error.GetType().Name}");
                HarnessContext.Log(error.ToString());
            }

            summaries.Add(summary);
            Console.Out.Write(summary.Render());
            await Console.Out.FlushAsync(cancel.Token);
        }

        if (scenarios.Count > 1)
        {
            Console.Out.Write(CombinedSummary.Render(summaries, clock.Elapsed));
        }

        return summaries.All(s => s.Passed) ? 0 : 1;
    }

    private static List<IScenario> Select(string name)
    {
        var all = new List<IScenario> { new LoadScenario(), new Scenarios.Chaos.ChaosScenario(), new Scenarios.Malformed.MalformedScenario(), new Scenarios.Soak.SoakScenario(), new Scenarios.DiskFull.DiskFullScenario() };
        return name == "all" ? all : all.Where(s => s.Name == name).ToList();
    }
}
