using System.Text.Json.Nodes;

namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>One module deployment of main.json: its name, the parameter values main passes, its nested template.</summary>
internal sealed record ArmModule(string Name, JsonObject Resource)
{
    public ArmTemplate Template => new((JsonObject)Resource["properties"]!["template"]!);

    public JsonObject ParameterValues => (JsonObject)Resource["properties"]!["parameters"]!;

    /// <summary>The literal JSON main passes (a module parameter may also be one expression for the whole {value}).</summary>
    public JsonNode? ParameterValue(string name) => ParameterValues[name] is JsonObject wrapper ? wrapper["value"] : ParameterValues[name];

    public string? Condition => (string?)Resource["condition"];

    /// <summary>The resource types the module's template deploys (its own level only).</summary>
    public IReadOnlyList<string> ResourceTypes => Template.Resources.Select(r => (string)r["type"]!).ToList();
}
