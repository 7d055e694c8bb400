using System.Collections.Concurrent;
using System.Globalization;

namespace VoiceMemory.Harness.Client;

/// <summary>Every answer a scenario got, by HTTP status (0 = no answer) and, for errors, by problem code.</summary>
internal sealed class TrafficCounters
{
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private readonly ConcurrentDictionary<string, int> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);

    public int Total => statuses.Values.Sum();

    public int Count(int status) => statuses.GetValueOrDefault(status);

    public int CountWhere(Func<int, bool> predicate) => statuses.Where(s => predicate(s.Key)).Sum(s => s.Value);

    public int ServerErrors => CountWhere(s => s >= 500);

    public int NoAnswer => Count(0);

    public void Record(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        statuses.AddOrUpdate(answer.Status, 1, (_, n) => n + 1);
        if (answer.Status == 0)
        {
            failures.AddOrUpdate(answer.Failure ?? "unknown", 1, (_, n) => n + 1);
        }
        else if (answer.Status >= 400)
        {
            codes.AddOrUpdate($"{answer.Status} {answer.ProblemCode() ?? "(no code)"}", 1, (_, n) => n + 1);
        }
    }

    /// <summary>"202×500, 200×1200, 0×3" — every status seen.</summary>
    public string DescribeStatuses() =>
        statuses.IsEmpty ? "none" : string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}×{s.Value}")));

    /// <summary>"429 rate_limited×3, 507 storage_full×20" — every error answer by code.</summary>
    public string DescribeErrors() =>
        codes.IsEmpty ? "none" : string.Join(", ", codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}×{c.Value}")));

    /// <summary>Calls that got no answer, by cause (ConnectionError, Timeout …).</summary>
    public string DescribeFailures() =>
        failures.IsEmpty ? "none" : string.Join(", ", failures.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}×{c.Value}")));
}
