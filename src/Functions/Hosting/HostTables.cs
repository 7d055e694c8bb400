using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace VoiceMemory.Functions.Hosting;

/// <summary>
/// The host's own tables, created on first use. Names are fixed: <see cref="RateLimits"/>, <see cref="PendingTurns"/>,
/// <see cref="HealthReports"/> and <see cref="PendingPurges"/>, in the storage account of the stores (the
/// <see cref="TableServiceClient"/> registered by <c>AddVoiceMemoryAzureStorage</c>: managed identity, or Azurite locally).
/// </summary>
public sealed class HostTables
{
    public const string RateLimits = "ratelimits";
    public const string PendingTurns = "pendingturns";
    public const string HealthReports = "healthreports";
    public const string PendingPurges = "pendingpurges";

    private readonly TableServiceClient service;
    private readonly string prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    /// <param name="service">The table service.</param>
    /// <param name="prefix">Prepended to every table name (tests give each run its own tables).</param>
    public HostTables(TableServiceClient service, string prefix = "")
    {
        this.service = service;
        this.prefix = prefix;
    }

    /// <summary>The service the tables live in.</summary>
    public TableServiceClient Service => service;

    /// <summary>The actual name of the table <paramref name="name"/>.</summary>
    public string NameOf(string name) => prefix + name;

    /// <summary>The table <paramref name="name"/>, created if missing (once per process).</summary>
    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
        {
            var client = service.GetTableClient(NameOf(n));
            await client.CreateIfNotExistsAsync(CancellationToken.None);
            return client;
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed creation (storage briefly down) is tried again on the next call.
            tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }
}
