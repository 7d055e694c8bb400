using System.Text.Json;
using Azure.Data.Tables;
using VoiceMemory.Api;
using VoiceMemory.Functions.Hosting;
using VoiceMemory.Maintenance;

namespace VoiceMemory.Functions.Maintenance;

/// <summary>
/// The latest health report, shared by every instance: the probe timer runs on one instance and <c>/api/health</c>
/// may be answered by another, so the report lives in a table entity rather than in memory.
/// </summary>
public sealed class HealthReportStore(HostTables tables)
{
    private const string Partition = "health";
    private const string Row = "latest";

    public async Task SaveAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = await tables.GetAsync(HostTables.HealthReports, cancellationToken);
        var entity = new TableEntity(Partition, Row) { ["Report"] = JsonSerializer.Serialize(report, ApiJson.Options) };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The last saved report, or null before the first probe.</summary>
    public async Task<HealthReport?> ReadAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(HostTables.HealthReports, cancellationToken);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        return stored.HasValue && stored.Value?.GetString("Report") is { } json
            ? JsonSerializer.Deserialize<HealthReport>(json, ApiJson.Options)
            : null;
    }
}
