using System.Text.Json.Nodes;

namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>A compiled ARM template (main.json or a module's nested template) and the deployments (modules) in it.</summary>
internal sealed class ArmTemplate(JsonObject json)
{
    public JsonObject Json { get; } = json;

    // languageVersion 2.0 templates (symbolic names, used once a file declares types) keep resources in an object.
    public IEnumerable<JsonObject> Resources => Json["resources"] switch
    {
        JsonArray array => array.Cast<JsonObject>(),
        JsonObject byName => byName.Select(p => (JsonObject)p.Value!),
        _ => [],
    };

    public IReadOnlyDictionary<string, JsonNode?> Parameters =>
        (Json["parameters"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase)
        ?? new Dictionary<string, JsonNode?>();

    public IReadOnlyDictionary<string, JsonNode?> Variables =>
        (Json["variables"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase)
        ?? new Dictionary<string, JsonNode?>();

    /// <summary>The module deployments, by their deployment name (a literal in main.bicep; loops keep their expression).</summary>
    public IReadOnlyList<ArmModule> Modules => Resources
        .Where(r => (string?)r["type"] == "Microsoft.Resources/deployments")
        .Select(r => new ArmModule((string)r["name"]!, r))
        .ToList();

    public ArmModule Module(string name) =>
        Modules.SingleOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"main.bicep has no module deployment named '{name}' ({string.Join(", ", Modules.Select(m => m.Name))}).");

    /// <summary>An evaluator for this template on its own: parameters take their defaults (null without one).</summary>
    public ArmEvaluator DefaultsEvaluator()
    {
        ArmEvaluator? evaluator = null;
        evaluator = new ArmEvaluator(
            p => Parameters.TryGetValue(p, out var d) ? evaluator!.Evaluate(d?["defaultValue"]) : null,
            v => evaluator!.Evaluate(Variables[v]),
            ModuleOutputSamples.Get);
        return evaluator;
    }

    /// <summary>Every resource in this template and in every nested template, depth first.</summary>
    public IEnumerable<(ArmTemplate Template, JsonObject Resource)> AllResources()
    {
        foreach (var resource in Resources)
        {
            yield return (this, resource);
            if ((resource["properties"] as JsonObject)?["template"] is JsonObject nested)
            {
                foreach (var inner in new ArmTemplate(nested).AllResources())
                {
                    yield return inner;
                }
            }
        }
    }
}
