using System.Text.Json.Nodes;

namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>
/// main.json evaluated as Resource Manager would for one set of parameter values (the defaults, plus the required
/// ones given here), with module outputs from <see cref="ModuleOutputSamples"/>.
/// </summary>
internal sealed class MainDeployment
{
    private readonly ArmTemplate main;
    private readonly Dictionary<string, object?> parameterValues;
    private readonly Dictionary<string, object?> variableCache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ArmEvaluator evaluator;

    public MainDeployment(ArmTemplate main, IReadOnlyDictionary<string, object?>? overrides = null)
    {
        this.main = main;
        parameterValues = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["environmentName"] = "test",
            ["location"] = ModuleOutputSamples.Location,
            ["authClientId"] = "99999999-8888-7777-6666-555555555555",
            ["alertEmail"] = "oncall@example.com",
            ["resourceGroupName"] = ModuleOutputSamples.ResourceGroup,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, object?>())
        {
            parameterValues[key] = value;
        }

        evaluator = new ArmEvaluator(Parameter, Variable, ModuleOutputSamples.Get);
    }

    public ArmTemplate Template => main;

    public object? Evaluate(JsonNode? node) => evaluator.Evaluate(node);

    /// <summary>Whether the module is deployed with these parameters (its condition, if any, holds).</summary>
    public bool IsDeployed(ArmModule module) => module.Condition is null || evaluator.EvaluateString(module.Condition) is true;

    /// <summary>The value main passes to a module's parameter, evaluated.</summary>
    public object? ModuleParameter(string module, string parameter) =>
        main.Module(module).ParameterValues[parameter] is { } node
            ? ((Dictionary<string, object?>)Evaluate(node)!)["value"]
            : throw new KeyNotFoundException($"main.bicep passes no '{parameter}' to module '{module}'.");

    /// <summary>The Function App's application settings as they would be deployed.</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        ((Dictionary<string, object?>)ModuleParameter("api", "appSettings")!)
            .ToDictionary(p => p.Key, p => ArmEvaluator.Text(p.Value), StringComparer.Ordinal);

    private object? Parameter(string name)
    {
        if (parameterValues.TryGetValue(name, out var value))
        {
            return value;
        }

        var definition = main.Parameters.TryGetValue(name, out var d) ? d : throw new KeyNotFoundException($"main.json has no parameter '{name}'.");
        return definition?["defaultValue"] is { } defaultValue
            ? evaluator.Evaluate(defaultValue)
            : throw new InvalidOperationException($"Parameter '{name}' has no default: give it a value in MainDeployment.");
    }

    private object? Variable(string name)
    {
        if (!variableCache.TryGetValue(name, out var value))
        {
            value = evaluator.Evaluate(main.Variables[name]);
            variableCache[name] = value;
        }

        return value;
    }
}
