namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>
/// What each module output looks like after a real deployment (shapes from the resource providers' documentation),
/// standing in for values Resource Manager knows only at deployment time. An output the app settings use that is not
/// here fails the test with its name, so a new output gets a sample rather than a silent pass.
/// </summary>
internal static class ModuleOutputSamples
{
    public const string ResourceGroup = "rg-test";
    public const string Location = "swedencentral";
    public const string IdentityClientId = "11111111-2222-3333-4444-555555555555";
    public const string IdentityPrincipalId = "66666666-7777-8888-9999-000000000000";

    private static readonly string Providers = $"/subscriptions/{ArmEvaluator.SubscriptionId}/resourceGroups/{ResourceGroup}/providers";

    private static readonly Dictionary<(string Deployment, string Output), object> Samples = new()
    {
        [("identity", "clientId")] = IdentityClientId,
        [("identity", "principalId")] = IdentityPrincipalId,
        [("identity", "resourceId")] = $"{Providers}/Microsoft.ManagedIdentity/userAssignedIdentities/id-test",
        [("identity", "name")] = "id-test",
        [("storage", "blobEndpoint")] = "https://sttest.blob.core.windows.net/",
        [("storage", "queueEndpoint")] = "https://sttest.queue.core.windows.net/",
        [("storage", "tableEndpoint")] = "https://sttest.table.core.windows.net/",
        [("storage", "resourceId")] = $"{Providers}/Microsoft.Storage/storageAccounts/sttest",
        [("storage", "name")] = "sttest",
        [("monitoring", "connectionString")] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/",
        [("monitoring", "applicationInsightsId")] = $"{Providers}/Microsoft.Insights/components/appi-test",
        [("monitoring", "applicationInsightsName")] = "appi-test",
        [("monitoring", "logAnalyticsId")] = $"{Providers}/Microsoft.OperationalInsights/workspaces/log-test",
        [("openai", "endpoint")] = "https://oai-test.openai.azure.com/",
        [("openai", "openAiV1Endpoint")] = "https://oai-test.openai.azure.com/openai/v1/",
        [("openai", "resourceId")] = $"{Providers}/Microsoft.CognitiveServices/accounts/oai-test",
        [("openai", "location")] = Location,
        [("speech", "endpoint")] = "https://spch-test.cognitiveservices.azure.com/",
        [("speech", "openAiV1Endpoint")] = "",
        [("speech", "resourceId")] = $"{Providers}/Microsoft.CognitiveServices/accounts/spch-test",
        [("speech", "location")] = Location,
        [("content-safety", "endpoint")] = "https://cs-test.cognitiveservices.azure.com/",
        [("content-safety", "openAiV1Endpoint")] = "",
        [("content-safety", "resourceId")] = $"{Providers}/Microsoft.CognitiveServices/accounts/cs-test",
        [("content-safety", "location")] = Location,
        [("network", "appSubnetId")] = $"{Providers}/Microsoft.Network/virtualNetworks/vnet-test/subnets/app",
        [("network", "privateEndpointSubnetId")] = $"{Providers}/Microsoft.Network/virtualNetworks/vnet-test/subnets/private-endpoints",
        [("api", "name")] = "func-test",
        [("api", "defaultHostName")] = "func-test.azurewebsites.net",
    };

    public static object Get(string deployment, string output) =>
        Samples.TryGetValue((deployment, output), out var value)
            ? value
            : throw new KeyNotFoundException($"No sample for output '{output}' of module '{deployment}': add one to Arm/ModuleOutputSamples.cs.");

    /// <summary>The module whose output produced <paramref name="value"/>, if a sample is exactly that value.</summary>
    public static string? DeploymentOf(object? value) =>
        Samples.Where(p => Equals(p.Value, value) && !string.IsNullOrEmpty(value as string)).Select(p => p.Key.Deployment).FirstOrDefault();
}
