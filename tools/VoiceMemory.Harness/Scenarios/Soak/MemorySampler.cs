using System.Diagnostics;
using System.Globalization;
using VoiceMemory.Harness.Hosting;

namespace VoiceMemory.Harness.Scenarios.Soak;

/// <summary>VmRSS of the server process every 10 s, and its CPU time (utime + stime from /proc/{pid}/stat).</summary>
internal sealed class MemorySampler(ServerProcess server)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly List<(double Minutes, double Megabytes)> samples = [];

    public IReadOnlyList<(double Minutes, double Megabytes)> Samples => samples;

    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (server.ResidentKilobytes() is { } kb)
            {
                samples.Add((clock.Elapsed.TotalMinutes, kb / 1024.0));
            }
        }
        while (await WaitAsync(timer, stop));
    }

    /// <summary>
    /// CPU seconds used so far (user + system) by the server itself and by the engine processes it ran and waited for
    /// (pocketsphinx, sox, flite, lame, ffmpeg), or null when they cannot be read.
    /// </summary>
    public (double Server, double Engines)? CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{server.Pid}/stat");
            // Fields after the command name (in parentheses, may hold spaces): utime, stime, cutime, cstime are fields 14–17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            double Ticks(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture) / 100.0; // USER_HZ is 100 on Linux
            return (Ticks(14) + Ticks(15), Ticks(16) + Ticks(17));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
