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

    /// <summary>CPU seconds the server has used so far (user + system), or null when it cannot be read.</summary>
    public double? CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{server.Pid}/stat");
            // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field, stime the 15th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0; // USER_HZ is 100 on Linux
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
