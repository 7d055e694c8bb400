using System.Globalization;

namespace VoiceMemory.Harness;

/// <summary>Command line: <c>load|chaos|malformed|soak|diskfull|all [--minutes N] [--server dll] [--work folder] [--seed N]</c>.</summary>
internal sealed record HarnessOptions(string Scenario, double SoakMinutes, string? ServerDll, string? WorkFolder, int Seed)
{
    public static IReadOnlyList<string> Scenarios { get; } = ["load", "chaos", "malformed", "soak", "diskfull", "all"];

    public const string Usage = """
        usage: VoiceMemory.Harness <scenario> [options]
          scenarios: load | chaos | malformed | soak | diskfull | all
          --minutes N     soak duration (default 10)
          --server PATH   VoiceMemory.SelfHost.dll to run (default: the Release build of this repository)
          --work FOLDER   where data roots, logs and generated audio go (default: a new temp folder)
          --seed N        random seed for kill moments and corruptions (default: time-based, printed)
        """;

    public static HarnessOptions? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || !Scenarios.Contains(args[0]))
        {
            return null;
        }

        double minutes = 10;
        string? server = null, work = null;
        var seed = Environment.TickCount & 0x7FFFFFFF;
        for (var i = 1; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--minutes" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0:
                    minutes = m;
                    break;
                case "--server":
                    server = value;
                    break;
                case "--work":
                    work = value;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                default:
                    return null;
            }
        }

        return new HarnessOptions(args[0], minutes, server, work, seed);
    }
}
