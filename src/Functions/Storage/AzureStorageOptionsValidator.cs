using Microsoft.Extensions.Options;

namespace VoiceMemory.Functions.Storage;

/// <summary>Refuses missing or contradictory storage settings at start, naming the settings to fix.</summary>
public sealed class AzureStorageOptionsValidator : IValidateOptions<AzureStorageOptions>
{
    private const string Uris = "VoiceMemory__Storage__BlobServiceUri and VoiceMemory__Storage__TableServiceUri";
    private const string Connection = "VoiceMemory__Storage__ConnectionString";

    public ValidateOptionsResult Validate(string? name, AzureStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasConnection = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasAnyUri = options.BlobServiceUri is not null || options.TableServiceUri is not null;
        if (hasConnection && hasAnyUri)
        {
            return ValidateOptionsResult.Fail($"Storage is configured twice: set either {Uris} (with a managed identity) or {Connection} (Azurite), not both.");
        }

        if (hasConnection)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.BlobServiceUri is null || options.TableServiceUri is null)
        {
            return ValidateOptionsResult.Fail($"Storage is not configured: set {Uris} (with a managed identity), or {Connection} for Azurite.");
        }

        var failures = new List<string>();
        CheckUri(options.BlobServiceUri, "BlobServiceUri", failures);
        CheckUri(options.TableServiceUri, "TableServiceUri", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUri(Uri uri, string name, List<string> failures)
    {
        // Entra tokens are only sent over TLS; plain http is allowed for a loopback emulator only.
        if (!uri.IsAbsoluteUri || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            failures.Add($"VoiceMemory__Storage__{name} must be an absolute https URI (http only for a loopback emulator).");
        }
    }
}
