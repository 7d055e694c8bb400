using Azure.Core;
using Azure.Identity;
using VoiceMemory.Configuration;

namespace VoiceMemory.Http;

/// <summary>
/// The Microsoft Entra credential of keyless calls: a user-assigned managed identity when a client id is configured
/// (or AZURE_CLIENT_ID is set without a client secret or federated token beside it, which would mean a service
/// principal or workload identity); otherwise DefaultAzureCredential — managed identity in Azure, developer
/// credentials (Azure CLI, Visual Studio…) locally.
/// </summary>
public static class AzureCredentialFactory
{
    /// <summary>Creates the credential.</summary>
    public static TokenCredential Create(IdentityOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var clientId = options.ManagedIdentityClientId;
        if (string.IsNullOrWhiteSpace(clientId)
            && string.IsNullOrEmpty(environment("AZURE_CLIENT_SECRET"))
            && string.IsNullOrEmpty(environment("AZURE_FEDERATED_TOKEN_FILE"))
            && string.IsNullOrEmpty(environment("AZURE_CLIENT_CERTIFICATE_PATH")))
        {
            clientId = environment("AZURE_CLIENT_ID");
        }

        return string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
