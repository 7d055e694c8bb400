namespace VoiceMemory.Functions.Storage;

/// <summary>
/// The containers and tables the Azure host uses. The infrastructure (infra/bicep) creates the same names; the app also
/// creates any that are missing at start (<see cref="AzureStorageInitializer"/>).
/// </summary>
public static class AzureStorageNames
{
    /// <summary>Blob container of recordings and spoken replies (<c>input/{userId}/…</c>, <c>reply/{userId}/…</c>) and the health canary.</summary>
    public const string AudioContainer = "audio";

    /// <summary>Blob container of the journal: one append blob per user per day, <c>{userId}/{yyyy-MM-dd}.md</c>.</summary>
    public const string JournalContainer = "journal";

    /// <summary>Blob container of backups: <c>{yyyyMMddTHHmmssZ}/…</c>, complete when <c>{id}.complete</c> exists.</summary>
    public const string BackupsContainer = "backups";

    /// <summary>Table of turn records, their newest-first listing entries and their idempotency keys (PartitionKey = user id).</summary>
    public const string TurnsTable = "turns";

    /// <summary>Table of facts, their recency and kind listings and their search terms (PartitionKey = user id).</summary>
    public const string FactsTable = "facts";

    /// <summary>Table of the health probe's write/read/delete canary.</summary>
    public const string HealthTable = "health";

    /// <summary>Every container, in creation order.</summary>
    public static IReadOnlyList<string> Containers { get; } = [AudioContainer, JournalContainer, BackupsContainer];

    /// <summary>Every table, in creation order.</summary>
    public static IReadOnlyList<string> Tables { get; } = [TurnsTable, FactsTable, HealthTable];
}
