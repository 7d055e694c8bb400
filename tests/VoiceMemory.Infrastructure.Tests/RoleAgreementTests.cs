using System.Text.Json.Nodes;
using VoiceMemory.Infrastructure.Tests.Arm;
using VoiceMemory.Infrastructure.Tests.Tools;

namespace VoiceMemory.Infrastructure.Tests;

/// <summary>
/// The app's identity holds exactly the roles the code needs: each Azure service the settings make the code call
/// (keyless) gets the one data-plane role for it, on that service's resource, and no other role is assigned anywhere.
/// </summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class RoleAgreementTests(CompiledInfrastructure compiled)
{
    // The built-in role ids (the same everywhere in Azure) of every role a module may grant.
    private static readonly Dictionary<string, string> RoleIds = new(StringComparer.Ordinal)
    {
        ["Storage Blob Data Owner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["Storage Queue Data Contributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["Storage Table Data Contributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["Cognitive Services OpenAI User"] = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
        ["Cognitive Services User"] = "a97b65f3-24c7-4388-baec-2e87135dc908",
        ["Monitoring Metrics Publisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
    };

    [Fact]
    public void AssignedRoles_AreExactlyTheOnesTheCodeNeeds()
    {
        var deployment = new MainDeployment(compiled.RequireMain());

        var expected = Needed(deployment.AppSettings).Order().ToList();
        var actual = Assigned(deployment).Select(a => $"{a.Module}: {a.Role}").Order().ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryAssignment_IsToTheAppIdentity_AsAServicePrincipal()
    {
        var assignments = Assigned(new MainDeployment(compiled.RequireMain()));

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            Assert.Equal(ModuleOutputSamples.IdentityPrincipalId, a.PrincipalId);
            Assert.Equal("ServicePrincipal", a.PrincipalType);
        });
        // The Function App runs as that same identity.
        Assert.Equal(ModuleOutputSamples.Get("identity", "resourceId"), new MainDeployment(compiled.RequireMain()).ModuleParameter("api", "identityId"));
    }

    [Fact]
    public void RoleAssignmentResources_OnlyComeFromTheModulesRoleList_NamedByScopePrincipalAndRole()
    {
        var main = compiled.RequireMain();
        var assignments = main.AllResources().Where(r => (string?)r.Resource["type"] == "Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        foreach (var (template, resource) in assignments)
        {
            // One assignment per item of parameters('roleAssignments'): no role is granted that main.bicep does not list.
            Assert.Equal("[length(parameters('roleAssignments'))]", (string?)resource["copy"]?["count"]);
            Assert.Equal(
                "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('builtInRoleNames')[parameters('roleAssignments')[copyIndex()].roleDefinitionIdOrName])]",
                (string?)resource["properties"]!["roleDefinitionId"]);
            // On a resource the module itself deploys.
            var scope = (string)resource["scope"]!;
            Assert.Contains(template.Resources.Select(r => (string)r["type"]!), type => scope.StartsWith($"[resourceId('{type}', parameters(", StringComparison.Ordinal));
            var name = (string)resource["name"]!;
            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.Contains("principalId", name, StringComparison.Ordinal);
            Assert.Contains("builtInRoleNames", name, StringComparison.Ordinal);
            // Every role the module can grant maps to the role id this test expects.
            var roleMap = (Dictionary<string, object?>)template.DefaultsEvaluator().Evaluate(template.Variables["builtInRoleNames"])!;
            Assert.All(roleMap, p => Assert.Equal(RoleIds[p.Key], p.Value));
        }
    }

    // What the settings make the code call, keyless, and the role each call needs.
    private static IEnumerable<string> Needed(IReadOnlyDictionary<string, string> settings)
    {
        string Module(string key) => ModuleOutputSamples.DeploymentOf(settings[key]) ?? throw new InvalidOperationException($"{key} does not come from a module output");
        bool Keyless(string section) => !settings.ContainsKey($"VoiceMemory__{section}__ApiKey");

        // The Functions host's identity-based AzureWebJobsStorage: blobs (leases, timers), queues and tables (Durable).
        if (settings.GetValueOrDefault("AzureWebJobsStorage__credential") == "managedidentity")
        {
            yield return $"{Module("AzureWebJobsStorage__blobServiceUri")}: Storage Blob Data Owner";
            yield return $"{Module("AzureWebJobsStorage__queueServiceUri")}: Storage Queue Data Contributor";
            yield return $"{Module("AzureWebJobsStorage__tableServiceUri")}: Storage Table Data Contributor";
        }

        // The app's own Blob and Table clients use the same account and roles (user-delegation SAS needs a blob data role).
        Assert.Equal(Module("AzureWebJobsStorage__blobServiceUri"), Module("VoiceMemory__Storage__BlobServiceUri"));
        Assert.Equal(Module("AzureWebJobsStorage__tableServiceUri"), Module("VoiceMemory__Storage__TableServiceUri"));

        if (settings.GetValueOrDefault("VoiceMemory__Speech__Provider") == "Azure" && Keyless("Speech"))
        {
            yield return $"{Module("VoiceMemory__Speech__Endpoint")}: Cognitive Services User";
            Assert.Equal(Module("VoiceMemory__Speech__Endpoint"), Module("VoiceMemory__Speech__ResourceId"));
        }

        if (settings.GetValueOrDefault("VoiceMemory__Safety__Provider") == "Azure" && Keyless("Safety"))
        {
            yield return $"{Module("VoiceMemory__Safety__Endpoint")}: Cognitive Services User";
        }

        if (settings.TryGetValue("VoiceMemory__Llm__Endpoint", out var llm) && !string.IsNullOrEmpty(llm) && Keyless("Llm"))
        {
            yield return $"{Module("VoiceMemory__Llm__Endpoint")}: Cognitive Services OpenAI User";
        }

        if (settings.GetValueOrDefault("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "").Contains("Authorization=AAD", StringComparison.Ordinal))
        {
            yield return $"{Module("APPLICATIONINSIGHTS_CONNECTION_STRING")}: Monitoring Metrics Publisher";
        }
    }

    private static List<Assignment> Assigned(MainDeployment deployment) => deployment.Template.Modules
        .Where(m => deployment.IsDeployed(m) && m.ParameterValues.ContainsKey("roleAssignments"))
        .SelectMany(m => ((List<object?>)deployment.ModuleParameter(m.Name, "roleAssignments")!)
            .Cast<Dictionary<string, object?>>()
            .Select(a => new Assignment(m.Name, (string)a["roleDefinitionIdOrName"]!, (string)a["principalId"]!, (string)a["principalType"]!)))
        .ToList();

    private sealed record Assignment(string Module, string Role, string PrincipalId, string PrincipalType);
}
