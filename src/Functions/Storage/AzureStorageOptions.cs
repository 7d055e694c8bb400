using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Where the app's own Blob and Table data lives (<c>VoiceMemory:Storage</c>): the service URIs with a Microsoft Entra
/// identity (production, keyless), or a connection string (Azurite locally and in tests). Exactly one of the two forms.
/// </summary>
public sealed class AzureStorageOptions
{
    public const string Section = "VoiceMemory:Storage";

    /// <summary>e.g. <c>https://{account}.blob.core.windows.net/</c>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>e.g. <c>https://{account}.table.core.windows.net/</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>A storage connection string (Azurite's development account); never used in Azure, where shared keys are off.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Retries of one request after a transient failure (throttling, timeouts, 5xx), with exponential backoff.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Time allowed for one storage request before it counts as a transient failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
