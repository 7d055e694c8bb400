using System.Text.RegularExpressions;

namespace VoiceMemory.Harness.Hosting;

/// <summary>Reads what the server logged (the log files a scenario's starts appended to).</summary>
internal static class ServerLog
{
    public static int Count(string logPath, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return File.Exists(logPath) ? File.ReadLines(logPath).Count(pattern.IsMatch) : 0;
    }

    /// <summary>Lines logged at error or critical level (the simple console logger prefixes them "fail:" and "crit:").</summary>
    public static IReadOnlyList<string> Errors(string logPath) =>
        File.Exists(logPath)
            ? File.ReadLines(logPath).Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList()
            : [];
}
