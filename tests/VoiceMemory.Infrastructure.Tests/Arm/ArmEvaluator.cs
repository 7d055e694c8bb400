using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>
/// Evaluates the part of the ARM expression language that main.bicep compiles to, the way Resource Manager would at
/// deployment time, except that a module's outputs (known only after it deployed) come from
/// <paramref name="moduleOutput"/>. Values are strings, longs, doubles, bools, null, ordinal-ignore-case
/// dictionaries and lists. <c>if</c> evaluates only the branch taken, as Resource Manager does.
/// </summary>
internal sealed class ArmEvaluator(
    Func<string, object?> parameter,
    Func<string, object?> variable,
    Func<string, string, object?> moduleOutput)
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000aaaa";
    public const string TenantId = "00000000-0000-0000-0000-00000000bbbb";

    /// <summary>Evaluates a template value: expressions in strings ("[...]"), and objects and arrays recursively.</summary>
    public object? Evaluate(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => Evaluate(p.Value), StringComparer.OrdinalIgnoreCase),
        JsonArray a => a.Select(Evaluate).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => EvaluateString(s),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v => v.GetValue<double>(),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    public object? EvaluateString(string text)
    {
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return text[1..];
        }

        return text.StartsWith('[') && text.EndsWith(']') ? Evaluate(ArmExpressionParser.Parse(text[1..^1])) : text;
    }

    private object? Evaluate(ArmNode node) => node switch
    {
        ArmLiteral literal => literal.Value,
        ArmMember member => Member(Evaluate(member.Target), member.Name),
        ArmIndex index => Index(Evaluate(index.Target), Evaluate(index.Index)),
        ArmCall call => Call(call),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private object? Call(ArmCall call)
    {
        if (call.Name.Equals("if", StringComparison.OrdinalIgnoreCase))
        {
            return Truthy(Evaluate(call.Arguments[0])) ? Evaluate(call.Arguments[1]) : Evaluate(call.Arguments[2]);
        }

        var args = call.Arguments.Select(Evaluate).ToList();
        return call.Name.ToLowerInvariant() switch
        {
            "parameters" => parameter(Text(args[0])),
            "variables" => variable(Text(args[0])),
            "reference" => args[0] is DeploymentId id ? new ModuleReference(id.Name) : throw Unsupported(call, "reference to a resource"),
            "extensionresourceid" => Text(args[1]) == "Microsoft.Resources/deployments"
                ? new DeploymentId(Text(args[^1]))
                : $"{Text(args[0])}/providers/{Text(args[1])}/{string.Join('/', args.Skip(2).Select(Text))}",
            "resourceid" => ResourceId(args),
            "subscriptionresourceid" => $"/subscriptions/{SubscriptionId}/providers/{Text(args[0])}/{string.Join('/', args.Skip(1).Select(Text))}",
            "format" => Format(Text(args[0]), args.Skip(1).ToList()),
            "concat" => args.All(a => a is List<object?>) ? args.SelectMany(a => (List<object?>)a!).ToList() : string.Concat(args.Select(Text)),
            "union" => Union(args),
            "createobject" => Enumerable.Range(0, args.Count / 2).ToDictionary(i => Text(args[2 * i]), i => args[(2 * i) + 1], StringComparer.OrdinalIgnoreCase),
            "createarray" => args,
            "empty" => args[0] switch { null => true, string s => s.Length == 0, List<object?> l => l.Count == 0, Dictionary<string, object?> d => d.Count == 0, _ => false },
            "not" => !Truthy(args[0]),
            "equals" => Equals(args[0], args[1]),
            "and" => args.All(Truthy),
            "or" => args.Any(Truthy),
            "tolower" => Text(args[0]).ToLowerInvariant(),
            "toupper" => Text(args[0]).ToUpperInvariant(),
            "take" => args[0] is List<object?> list ? list.Take((int)(long)args[1]!).ToList() : new string(Text(args[0]).Take((int)(long)args[1]!).ToArray()),
            "uniquestring" => Hash(args).ToLowerInvariant()[..13],
            "guid" => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', args.Select(Text))))[..16]).ToString(),
            "subscription" => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["id"] = $"/subscriptions/{SubscriptionId}", ["subscriptionId"] = SubscriptionId, ["tenantId"] = TenantId },
            "tenant" => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["tenantId"] = TenantId },
            "environment" => Environment(),
            "json" => Evaluate(JsonNode.Parse(Text(args[0]))),
            "true" => true,
            "false" => false,
            "null" => null,
            "string" => Text(args[0]),
            "length" => (long)(args[0] switch { string s => s.Length, List<object?> l => l.Count, Dictionary<string, object?> d => d.Count, _ => 0 }),
            "trygetvalue" or "tryget" => args[0] is Dictionary<string, object?> d && d.TryGetValue(Text(args[1]), out var found) ? found : null,
            "coalesce" => args.FirstOrDefault(a => a is not null),
            _ => throw Unsupported(call, "function"),
        };
    }

    private object? Member(object? target, string name) => target switch
    {
        ModuleReference module when name.Equals("outputs", StringComparison.OrdinalIgnoreCase) => new ModuleOutputs(module.Deployment),
        ModuleOutputs outputs => new ModuleOutput(outputs.Deployment, name),
        ModuleOutput output when name.Equals("value", StringComparison.OrdinalIgnoreCase) => moduleOutput(output.Deployment, output.Name),
        Dictionary<string, object?> dictionary => dictionary.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No property '{name}' in {string.Join(", ", dictionary.Keys)}."),
        _ => throw new NotSupportedException($"Cannot read .{name} of {target ?? "null"}."),
    };

    private static object? Index(object? target, object? index) => (target, index) switch
    {
        (List<object?> list, long i) => list[(int)i],
        (Dictionary<string, object?> dictionary, string key) => dictionary[key],
        _ => throw new NotSupportedException($"Cannot index {target ?? "null"} with {index ?? "null"}."),
    };

    private static Dictionary<string, object?> Union(List<object?> args)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var dictionary in args.Cast<Dictionary<string, object?>>())
        {
            foreach (var (key, value) in dictionary)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static string ResourceId(List<object?> args)
    {
        // resourceId([subscriptionId], [resourceGroupName], type, name1, name2...)
        var typeIndex = args.FindIndex(a => a is string s && s.Contains('/', StringComparison.Ordinal) && s.Contains('.', StringComparison.Ordinal));
        var group = typeIndex >= 1 ? Text(args[typeIndex - 1]) : "rg";
        var type = Text(args[typeIndex]).Split('/');
        var names = args.Skip(typeIndex + 1).Select(Text).ToArray();
        var path = new StringBuilder($"/subscriptions/{SubscriptionId}/resourceGroups/{group}/providers/{type[0]}/{type[1]}/{names[0]}");
        for (var i = 1; i < names.Length; i++)
        {
            path.Append('/').Append(type[i + 1]).Append('/').Append(names[i]);
        }

        return path.ToString();
    }

    private static string Format(string format, List<object?> args)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 1 < format.Length && char.IsAsciiDigit(format[i + 1]))
            {
                var end = format.IndexOf('}', i);
                builder.Append(Text(args[int.Parse(format[(i + 1)..end], CultureInfo.InvariantCulture)]));
                i = end;
            }
            else
            {
                builder.Append(format[i]);
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, object?> Environment() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "AzureCloud",
        ["authentication"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["loginEndpoint"] = "https://login.microsoftonline.com/" },
        ["suffixes"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["storage"] = "core.windows.net" },
    };

    private static string Hash(List<object?> args) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', args.Select(Text)))));

    private static bool Truthy(object? value) => value is true;

    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DeploymentId id => $"/deployments/{id.Name}",
        _ => throw new NotSupportedException($"Cannot use {value.GetType().Name} as text."),
    };

    private static NotSupportedException Unsupported(ArmCall call, string what) =>
        new($"The test's ARM evaluator does not support this {what}: {call.Name}(…). Extend Arm/ArmEvaluator.cs.");

    private sealed record DeploymentId(string Name);

    private sealed record ModuleReference(string Deployment);

    private sealed record ModuleOutputs(string Deployment);

    private sealed record ModuleOutput(string Deployment, string Name);
}
