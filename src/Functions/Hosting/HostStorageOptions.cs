namespace VoiceMemory.Functions.Hosting;

/// <summary>
/// The host's own tables (rate limits, pending turns, the health report) use the same storage account as the stores:
/// the <c>VoiceMemory:Storage</c> section's <c>TableServiceUri</c> with the managed identity, or its
/// <c>ConnectionString</c> (Azurite locally).
/// </summary>
public sealed class HostStorageOptions
{
    public const string Section = "VoiceMemory:Storage";

    public Uri? TableServiceUri { get; set; }

    public string? ConnectionString { get; set; }
}
