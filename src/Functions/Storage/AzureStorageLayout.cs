namespace VoiceMemory.Functions.Storage;

/// <summary>
/// The container and table names one set of stores uses: <see cref="AzureStorageNames"/> in the app; tests and the
/// benchmark give each run its own prefixed names so runs never share data.
/// </summary>
public sealed record AzureStorageLayout(
    string AudioContainer,
    string JournalContainer,
    string BackupsContainer,
    string TurnsTable,
    string FactsTable,
    string HealthTable)
{
    /// <summary>The app's names.</summary>
    public static AzureStorageLayout Default { get; } = new(
        AzureStorageNames.AudioContainer,
        AzureStorageNames.JournalContainer,
        AzureStorageNames.BackupsContainer,
        AzureStorageNames.TurnsTable,
        AzureStorageNames.FactsTable,
        AzureStorageNames.HealthTable);

    /// <summary>
    /// The same names behind <paramref name="prefix"/> (lowercase letters and digits, starting with a letter, at most 20):
    /// containers become <c>{prefix}-audio</c>, tables <c>{prefix}turns</c>.
    /// </summary>
    public static AzureStorageLayout WithPrefix(string prefix)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException("A layout prefix is 1-20 lowercase letters and digits, starting with a letter.", nameof(prefix));
        }

        return new(
            $"{prefix}-{AzureStorageNames.AudioContainer}",
            $"{prefix}-{AzureStorageNames.JournalContainer}",
            $"{prefix}-{AzureStorageNames.BackupsContainer}",
            prefix + AzureStorageNames.TurnsTable,
            prefix + AzureStorageNames.FactsTable,
            prefix + AzureStorageNames.HealthTable);
    }

    /// <summary>True for 1-20 lowercase letters and digits starting with a letter (valid in container and table names alike).</summary>
    public static bool IsValidPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix) && prefix.Length <= 20 && char.IsAsciiLetterLower(prefix[0]) && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    /// <summary>Every container name.</summary>
    public IReadOnlyList<string> Containers => [AudioContainer, JournalContainer, BackupsContainer];

    /// <summary>Every table name.</summary>
    public IReadOnlyList<string> Tables => [TurnsTable, FactsTable, HealthTable];
}
