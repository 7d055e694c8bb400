using System.Text.Json.Nodes;
using VoiceMemory.Infrastructure.Tests.Arm;
using VoiceMemory.Infrastructure.Tests.Tools;

namespace VoiceMemory.Infrastructure.Tests;

/// <summary>The resources the issue asks for exist with the properties that keep the deployment keyless and closed.</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class ResourceTests(CompiledInfrastructure compiled)
{
    [Fact]
    public void Main_IsSubscriptionScoped_WithEveryModule()
    {
        var main = compiled.RequireMain();

        Assert.Contains("subscriptionDeploymentTemplate", (string)main.Json["$schema"]!, StringComparison.Ordinal);
        Assert.Equal(
            ["alerts", "api", "content-safety", "identity", "monitoring", "network", "openai", "speech", "storage", "workbook"],
            main.Modules.Select(m => m.Name).Where(n => !n.StartsWith('[')).Order());
    }

    [Fact]
    public void FunctionApp_IsFlexConsumption_WithBlobDeploymentByTheIdentity_AndAuthentication()
    {
        var api = compiled.RequireMain().Module("api").Template;
        var plan = Resource(api, "Microsoft.Web/serverfarms");
        var site = Resource(api, "Microsoft.Web/sites");
        var auth = Resource(api, "Microsoft.Web/sites/config", "authsettingsV2");

        Assert.Equal("FC1", (string)plan["sku"]!["name"]!);
        Assert.Equal("FlexConsumption", (string)plan["sku"]!["tier"]!);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("blobContainer", (string)config["deployment"]!["storage"]!["type"]!);
        Assert.Equal("UserAssignedIdentity", (string)config["deployment"]!["storage"]!["authentication"]!["type"]!);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string)config["scaleAndConcurrency"]!["instanceMemoryMB"]!);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string)config["scaleAndConcurrency"]!["maximumInstanceCount"]!);
        Assert.Equal("UserAssigned", (string)site["identity"]!["type"]!);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        var validation = auth["properties"]!["globalValidation"]!;
        Assert.True((bool)validation["requireAuthentication"]!);
        Assert.Equal("Return401", (string)validation["unauthenticatedClientAction"]!);
        Assert.True((bool)auth["properties"]!["identityProviders"]!["azureActiveDirectory"]!["enabled"]!);
        Assert.Equal(["/api/health"], ((List<object?>)api.DefaultsEvaluator().Evaluate(api.Parameters["anonymousPaths"]!["defaultValue"])!).Cast<string>());
    }

    [Fact]
    public void Storage_RefusesSharedKeysAndPublicBlobs_WithTls12_AndALifecycleRule()
    {
        var main = compiled.RequireMain();
        var storage = main.Module("storage").Template;
        var account = Resource(storage, "Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string)account["minimumTlsVersion"]!);
        Assert.NotNull(Resource(storage, "Microsoft.Storage/storageAccounts/managementPolicies"));
        var deployment = new MainDeployment(main);
        var rules = ((List<object?>)deployment.ModuleParameter("storage", "deleteAfterDays")!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Contains(rules, r => (string)r["prefix"]! == "audio/input/" && (long)r["days"]! > 30);
        Assert.Contains(rules, r => (string)r["prefix"]! == "audio/reply/" && (long)r["days"]! > 7);
        Assert.Contains(rules, r => (string)r["prefix"]! == "backups/" && (long)r["days"]! >= 30);
        var containers = ((List<object?>)deployment.ModuleParameter("storage", "containers")!).Cast<string>().ToList();
        Assert.Contains("audio", containers);
        Assert.Contains(containers, c => c.StartsWith("app-package-", StringComparison.Ordinal));
        // The Flex deployment container is the one the app reads its package from.
        Assert.StartsWith((string)ModuleOutputSamples.Get("storage", "blobEndpoint") + "app-package-", (string)deployment.ModuleParameter("api", "deploymentContainerUrl")!, StringComparison.Ordinal);
        Assert.Contains("turns", ((List<object?>)deployment.ModuleParameter("storage", "tables")!).Cast<string>());
    }

    [Fact]
    public void AiAccounts_AndAppInsights_HaveLocalAuthDisabled_AndCustomSubdomains()
    {
        var main = compiled.RequireMain();
        var account = Resource(main.Module("speech").Template, "Microsoft.CognitiveServices/accounts")["properties"]!;
        var insights = Resource(main.Module("monitoring").Template, "Microsoft.Insights/components")["properties"]!;
        var deployment = new MainDeployment(main);

        Assert.True((bool)account["disableLocalAuth"]!);
        Assert.Equal("[parameters('name')]", (string)account["customSubDomainName"]!);
        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Equal("OpenAI", deployment.ModuleParameter("openai", "kind"));
        Assert.Equal("SpeechServices", deployment.ModuleParameter("speech", "kind"));
        Assert.Equal("ContentSafety", deployment.ModuleParameter("content-safety", "kind"));
        var chat = (Dictionary<string, object?>)((List<object?>)deployment.ModuleParameter("openai", "deployments")!)[0]!;
        Assert.Equal("[parameters('chatModelName')]", (string)main.Module("openai").ParameterValue("deployments")![0]!["modelName"]!);
        Assert.Equal("[parameters('chatDeploymentCapacity')]", (string)main.Module("openai").ParameterValue("deployments")![0]!["capacity"]!);
        Assert.Equal("chat", chat["name"]);
    }

    [Fact]
    public void PrivateNetworking_AddsEndpointsForStorageAndEveryAiAccount_AndClosesPublicAccessWhereTokensStillWork()
    {
        var main = compiled.RequireMain();
        var open = new MainDeployment(main);
        var closed = new MainDeployment(main, new Dictionary<string, object?> { ["privateNetworking"] = true });

        Assert.False(open.IsDeployed(main.Module("network")));
        Assert.True(closed.IsDeployed(main.Module("network")));
        var endpoints = ((List<object?>)closed.Evaluate(main.Variables["privateEndpoints"])!).Cast<Dictionary<string, object?>>().Select(e => $"{e["name"]}:{e["groupId"]}").Order().ToList();
        Assert.Equal(["content-safety:account", "openai:account", "speech:account", "storage-blob:blob", "storage-queue:queue", "storage-table:table"], endpoints);
        Assert.Empty((List<object?>)open.Evaluate(main.Variables["privateEndpoints"])!);
        foreach (var module in new[] { "storage", "openai", "content-safety" })
        {
            Assert.Equal(true, closed.ModuleParameter(module, "disablePublicNetworkAccess"));
        }

        // Keyless text to speech needs the Speech resource to allow all networks (see main.bicep).
        Assert.Equal(false, closed.ModuleParameter("speech", "disablePublicNetworkAccess"));

        Assert.Equal(ModuleOutputSamples.Get("network", "appSubnetId"), closed.ModuleParameter("api", "virtualNetworkSubnetId"));
        Assert.Equal(open.AppSettings, closed.AppSettings);
    }

    [Fact]
    public void Storage_CreatesExactlyTheContainersAndTablesTheCodeUses()
    {
        var deployment = new MainDeployment(compiled.RequireMain());
        var containers = ((List<object?>)deployment.ModuleParameter("storage", "containers")!).Cast<string>().Where(c => !c.StartsWith("app-package-", StringComparison.Ordinal));
        var tables = ((List<object?>)deployment.ModuleParameter("storage", "tables")!).Cast<string>();
        var hostTables = typeof(VoiceMemory.Functions.Hosting.HostTables).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(VoiceMemory.Functions.Storage.AzureStorageNames.Containers.Order(), containers.Order());
        Assert.Equal(VoiceMemory.Functions.Storage.AzureStorageNames.Tables.Concat(hostTables).Order(), tables.Order());
    }

    [Fact]
    public void AzdParameters_NameOnlyParametersOfMain_AndCoverEveryRequiredOne()
    {
        var main = compiled.RequireMain();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "bicep", "main.parameters.json")))!;
        var given = file["parameters"]!.AsObject().Select(p => p.Key).ToList();
        var required = main.Parameters.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key).ToList();

        Assert.All(given, name => Assert.True(main.Parameters.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare"));
        Assert.All(required, name => Assert.Contains(name, given));
        Assert.Contains("infra/bicep", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml")), StringComparison.Ordinal);
    }

    internal static JsonObject Resource(ArmTemplate template, string type, string? nameContains = null) =>
        template.Resources.Single(r => (string?)r["type"] == type && (nameContains is null || ((string)r["name"]!).Contains(nameContains, StringComparison.Ordinal)));
}
