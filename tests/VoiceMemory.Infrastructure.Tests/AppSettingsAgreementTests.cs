using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Hosting;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Infrastructure.Tests.Arm;
using VoiceMemory.Infrastructure.Tests.Tools;

namespace VoiceMemory.Infrastructure.Tests;

/// <summary>
/// The Function App's application settings, as main.bicep would deploy them, agree with the code: every
/// <c>VoiceMemory__…</c> name binds to an options property, the options the code validates at start pass with these
/// values, host.json's %settings% and the identity-based AzureWebJobsStorage connection are there, and nothing else is.
/// </summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed partial class AppSettingsAgreementTests(CompiledInfrastructure compiled)
{
    // Settings read by the Functions host and the Azure Monitor exporter rather than by an options class.
    private static readonly string[] HostSettings = ["VoiceMemoryTaskHub", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

    public static TheoryData<bool> Variants => new() { false, true };

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryVoiceMemorySetting_BindsToAnOptionsProperty(bool privateNetworking)
    {
        var settings = Settings(privateNetworking);
        var voiceMemory = settings.Keys.Where(k => k.StartsWith("VoiceMemory__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(voiceMemory);
        foreach (var key in voiceMemory)
        {
            var parts = key.Split("__");
            Assert.True(parts.Length >= 3, $"{key}: expected VoiceMemory__Section__Property");
            var section = $"VoiceMemory:{parts[1]}";
            var types = OptionsCatalog.BySection[section].ToList();
            Assert.True(types.Count > 0, $"{key}: no options class has Section \"{section}\" (known: {string.Join(", ", OptionsCatalog.BySection.Select(g => g.Key).Order())})");
            var reasons = types.Select(t => OptionsCatalog.WhyNotBound(t, parts[2..])).ToList();
            Assert.True(reasons.Contains(null), $"{key} does not bind: {string.Join("; ", reasons)}");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryOtherSetting_IsOneTheHostReads(bool privateNetworking)
    {
        var others = Settings(privateNetworking).Keys.Where(k => !k.StartsWith("VoiceMemory__", StringComparison.Ordinal));

        Assert.All(others, key => Assert.True(
            HostSettings.Contains(key, StringComparer.Ordinal) || key.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal),
            $"{key}: nothing in the code or host.json reads it"));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void HostOptions_ValidateAtStart_ComposedAsProgramCs(bool privateNetworking)
    {
        var configuration = Configuration(Settings(privateNetworking));
        var services = new ServiceCollection().AddLogging();
        // src/Functions/Program.cs, less the worker's own builder and telemetry (which validate nothing).
        services.AddVoiceMemoryCore(configuration);
        services.AddVoiceMemoryAzureStorage(configuration);
        services.AddVoiceMemoryFunctionsHost(configuration);
        using var provider = services.BuildServiceProvider();

        // What ValidateOnStart runs when the host starts: every registered options validator, data annotations included
        // (the host's own: Speech must be Azure, storage URIs or a connection string).
        var exception = Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.True(exception is null, "the options would fail at start: " + exception?.Message);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryOptionsClass_PassesItsValidators_WithTheseSettings(bool privateNetworking)
    {
        var configuration = Configuration(Settings(privateNetworking));
        var validators = OptionsCatalog.Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidateOptions<>)).Select(i => (Validator: t, Options: i.GetGenericArguments()[0])))
            .ToList();

        foreach (var (section, type) in OptionsCatalog.BySection.SelectMany(g => g.Select(t => (g.Key, t))))
        {
            var options = configuration.GetSection(section).Get(type) ?? Activator.CreateInstance(type)!;
            var results = new List<ValidationResult>();
            Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true),
                $"{section}: {string.Join("; ", results.Select(r => r.ErrorMessage))}");
            foreach (var (validatorType, _) in validators.Where(v => v.Options == type))
            {
                var validator = Activator.CreateInstance(validatorType)!;
                var result = (ValidateOptionsResult)validatorType.GetMethod("Validate")!.Invoke(validator, [null, options])!;
                Assert.True(result.Succeeded, $"{section} fails {validatorType.Name}: {result.FailureMessage}");
            }
        }
    }

    [Fact]
    public void Providers_AreTheAzureOnes_TheFunctionsHostHasNoOfflineEngines()
    {
        var configuration = Configuration(Settings(privateNetworking: false));

        Assert.Equal(SpeechProvider.Azure, configuration.GetSection(SpeechOptions.Section).Get<SpeechOptions>()!.Provider);
        Assert.Equal(SafetyProvider.Azure, configuration.GetSection(SafetyOptions.Section).Get<SafetyOptions>()!.Provider);
        var llm = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>()!;
        Assert.EndsWith(".openai.azure.com/openai/v1/", llm.Endpoint, StringComparison.Ordinal);
        Assert.Equal(new MainDeployment(compiled.RequireMain()).ModuleParameter("openai", "deployments") is List<object?> d ? ((Dictionary<string, object?>)d[0]!)["name"] : null, llm.Model);
        Assert.Equal(ModuleOutputSamples.IdentityClientId, configuration["VoiceMemory:Identity:ManagedIdentityClientId"]);
    }

    [Fact]
    public void NoSetting_HoldsAKey()
    {
        var settings = Settings(privateNetworking: false);

        Assert.DoesNotContain(settings.Keys, k => k.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase) || k.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings.Values, v => v.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase) || v.Contains("SharedAccessSignature", StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"ClientId={ModuleOutputSamples.IdentityClientId};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void HostJsonSettings_AndTheDurableConnection_AreSetIdentityBased()
    {
        var settings = Settings(privateNetworking: false);
        var hostJson = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json"));
        var referenced = AppSettingReference().Matches(hostJson).Select(m => m.Groups[1].Value).ToList();
        var connection = (string)JsonNode.Parse(hostJson)!["extensions"]!["durableTask"]!["storageProvider"]!["connectionName"]!;

        Assert.Contains("VoiceMemoryTaskHub", referenced);
        Assert.All(referenced, name => Assert.True(settings.ContainsKey(name), $"host.json reads %{name}%, which is not set"));
        Assert.Matches("^[A-Za-z0-9]{3,45}$", settings["VoiceMemoryTaskHub"]);
        // Durable Functions on Azure Storage needs blobs, queues and tables under one identity-based connection.
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.StartsWith($"https://", settings[$"{connection}__{service}ServiceUri"], StringComparison.Ordinal);
        }

        Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
        Assert.Equal(ModuleOutputSamples.IdentityClientId, settings[$"{connection}__clientId"]);
        Assert.DoesNotContain(connection, settings.Keys);
    }

    [Fact]
    public void FlexConsumption_RuntimeComesFromFunctionAppConfig_NotFromSettings()
    {
        var deployment = new MainDeployment(compiled.RequireMain());
        var settings = deployment.AppSettings;

        Assert.Equal("dotnet-isolated", deployment.ModuleParameter("api", "runtimeName"));
        Assert.Equal("10.0", deployment.ModuleParameter("api", "runtimeVersion"));
        // Flex Consumption rejects these: the runtime and package come from functionAppConfig.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);
        // The app trusts X-MS-CLIENT-PRINCIPAL because App Service Authentication is on (the platform sets
        // WEBSITE_AUTH_ENABLED); the local-development override must never reach Azure.
        Assert.DoesNotContain(settings.Keys, k => k.Contains("TrustPrincipalHeader", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("WEBSITE_AUTH_ENABLED", settings.Keys);
    }

    private IReadOnlyDictionary<string, string> Settings(bool privateNetworking) =>
        new MainDeployment(compiled.RequireMain(), new Dictionary<string, object?> { ["privateNetworking"] = privateNetworking }).AppSettings;

    private static IConfiguration Configuration(IReadOnlyDictionary<string, string> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(p => new KeyValuePair<string, string?>(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value)))
            .Build();

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex AppSettingReference();
}
