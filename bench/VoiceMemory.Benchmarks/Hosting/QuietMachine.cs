using System.Globalization;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>
/// Waits (bounded) until the rest of the machine is nearly idle, so a run does not start in the middle of someone's
/// build. It cannot keep others away afterwards: the benchmarks report the load they saw.
/// </summary>
public static class QuietMachine
{
    private const double QuietCores = 0.25;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    /// <summary>Returns the cores other processes were using in the last window when the wait ended.</summary>
    public static async Task<double> WaitAsync(TimeSpan longest, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + longest;
        while (true)
        {
            var busy = await OthersBusyCoresAsync(cancellationToken);
            if (busy <= QuietCores || DateTime.UtcNow + Window > deadline)
            {
                return busy;
            }

            Progress.Report(string.Create(CultureInfo.InvariantCulture, $"waiting for a quiet machine: other processes use {busy:0.00} cores"));
        }
    }

    private static async Task<double> OthersBusyCoresAsync(CancellationToken cancellationToken)
    {
        var (machine, own) = (SystemCpu.Busy(), ProcessCpu.Of(Environment.ProcessId).Total);
        await Task.Delay(Window, cancellationToken);
        var others = SystemCpu.Busy() - machine - (ProcessCpu.Of(Environment.ProcessId).Total - own);
        return Math.Max(0, others.TotalSeconds / Window.TotalSeconds);
    }
}
