using VoiceMemory.Benchmarks.Hosting;

namespace VoiceMemory.Benchmarks.Ingest;

/// <summary>Samples a process's resident memory (VmRSS) every few milliseconds while running, and keeps the highest.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long highest;

    public MemorySampler(int pid, TimeSpan interval)
    {
        sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                do
                {
                    var resident = ProcessMemory.ResidentBytes(pid);
                    if (resident > Interlocked.Read(ref highest))
                    {
                        Interlocked.Exchange(ref highest, resident);
                    }
                }
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        });
    }

    /// <summary>The highest VmRSS seen so far.</summary>
    public long HighestResidentBytes => Interlocked.Read(ref highest);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
