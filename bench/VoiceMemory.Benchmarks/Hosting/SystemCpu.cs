using System.Globalization;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>CPU time the whole machine has spent busy (all cores, every process, the kernel), from /proc/stat.</summary>
public static class SystemCpu
{
    private const double TicksPerSecond = 100;

    public static TimeSpan Busy()
    {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}
