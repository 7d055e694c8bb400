using System.Globalization;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>
/// CPU time in user and in kernel mode from /proc/{pid}/stat: the process's own (<see cref="Of"/>), or its own plus
/// that of its children it has already waited for (<see cref="WithChildrenOf"/>; the server waits for every engine).
/// </summary>
public sealed record ProcessCpu(TimeSpan User, TimeSpan System)
{
    // USER_HZ: the unit of utime and stime in /proc/{pid}/stat; 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public TimeSpan Total => User + System;

    public static ProcessCpu Of(int pid)
    {
        var fields = Fields(pid);
        return new ProcessCpu(Ticks(fields[11]), Ticks(fields[12]));
    }

    public static ProcessCpu WithChildrenOf(int pid)
    {
        var fields = Fields(pid);
        return new ProcessCpu(Ticks(fields[11]) + Ticks(fields[13]), Ticks(fields[12]) + Ticks(fields[14]));
    }

    public static ProcessCpu operator -(ProcessCpu after, ProcessCpu before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new ProcessCpu(after.User - before.User, after.System - before.System);
    }

    public static ProcessCpu operator +(ProcessCpu left, ProcessCpu right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new ProcessCpu(left.User + right.User, left.System + right.System);
    }

    public static ProcessCpu Zero { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    // Fields from the third (state) on: the command name (field 2) may contain spaces, so split after its ')'.
    private static string[] Fields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static TimeSpan Ticks(string value) => TimeSpan.FromSeconds(long.Parse(value, CultureInfo.InvariantCulture) / TicksPerSecond);
}
