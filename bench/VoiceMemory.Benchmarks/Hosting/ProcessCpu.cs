using System.Globalization;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>CPU time a process has used in user and in kernel mode, from /proc/{pid}/stat.</summary>
public sealed record ProcessCpu(TimeSpan User, TimeSpan System)
{
    // USER_HZ: the unit of utime and stime in /proc/{pid}/stat; 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public TimeSpan Total => User + System;

    public static ProcessCpu Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        // The command name (field 2) may contain spaces; the fields after it start past its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcessCpu(Ticks(fields[11]), Ticks(fields[12]));
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

    private static TimeSpan Ticks(string value) => TimeSpan.FromSeconds(long.Parse(value, CultureInfo.InvariantCulture) / TicksPerSecond);
}
