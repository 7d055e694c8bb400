namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>The settings every benchmarked server runs with, on top of the defaults.</summary>
public static class BenchServerSettings
{
    /// <summary>
    /// Backups off (a scheduled backup would add unrelated disk work); a rate limit clients cannot reach (polling
    /// counts against the per-user limit, and the benchmarks measure the pipeline, not the limiter); ASP.NET Core's
    /// own per-request logs at Warning, as the ASP.NET Core templates' appsettings.json set them in production (the
    /// self-host ships no appsettings.json, so by default it logs two lines per request, polls included).
    /// </summary>
    public static Dictionary<string, string> For(string dataRoot, int workers) => new(StringComparer.Ordinal)
    {
        ["VoiceMemory:DataRoot"] = dataRoot,
        ["VoiceMemory:Backup:Enabled"] = "false",
        ["VoiceMemory:Limits:RequestsPerMinute"] = "100000",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["VoiceMemory:Runner:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
