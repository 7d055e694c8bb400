namespace VoiceMemory.Configuration;

/// <summary>
/// Microsoft Entra identity used by the keyless cloud providers (<c>VoiceMemory:Identity</c>). With a client id the
/// user-assigned managed identity is used; without one, <c>AZURE_CLIENT_ID</c> (when no client secret or federated
/// token is set beside it) selects it; otherwise DefaultAzureCredential (managed identity in Azure, developer
/// credentials locally).
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "VoiceMemory:Identity";

    /// <summary>Client id of a user-assigned managed identity.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
