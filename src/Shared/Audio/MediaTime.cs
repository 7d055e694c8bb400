namespace VoiceMemory.Audio;

/// <summary>Converts sample counts and timescale units to <see cref="TimeSpan"/> without overflow.</summary>
internal static class MediaTime
{
    public static TimeSpan FromUnits(ulong units, ulong unitsPerSecond)
    {
        if (unitsPerSecond == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(unitsPerSecond), "A timescale cannot be zero.");
        }

        // Int128 keeps "units × ticks per second" exact for any 64-bit count a header can declare.
        var ticks = (Int128)units * TimeSpan.TicksPerSecond / unitsPerSecond;
        return ticks > TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : new TimeSpan((long)ticks);
    }

    public static TimeSpan FromUnits(long units, long unitsPerSecond) =>
        FromUnits((ulong)Math.Max(0, units), (ulong)Math.Max(0, unitsPerSecond));

    public static TimeSpan FromNanoseconds(double nanoseconds) =>
        double.IsFinite(nanoseconds) && nanoseconds > 0
            ? nanoseconds / 100 >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : new TimeSpan((long)(nanoseconds / 100))
            : TimeSpan.Zero;
}
