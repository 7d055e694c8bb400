using System.Text.Json;

namespace VoiceMemory.Safety;

/// <summary>
/// The LLM's second opinion on risk, asked inside the reply call the turn already makes (no extra round trip): the
/// reply comes back as strict structured output <c>{"risk": "none|self_harm|violence|danger", "reply": "…"}</c>.
/// The opinion can only raise a flag (<see cref="Raise"/>); an answer without a usable judgement is no opinion.
/// </summary>
public static class ModelRisk
{
    /// <summary>The structured-output schema name.</summary>
    public const string SchemaName = "companion_reply";

    /// <summary>Added to the system message when the model judges risk.</summary>
    public const string Instructions =
        "Risk check: before you reply, judge the user's last message. risk is \"self_harm\" when they may be thinking of suicide or of "
        + "harming themselves (a wish to be dead or not to wake up, such thoughts, a method, intent, a plan, preparations or farewells, "
        + "a recent attempt or self-harm); \"violence\" when they may harm someone else; \"danger\" when someone is hurting, threatening "
        + "or stalking them; otherwise \"none\". Hyperbole, idioms, fiction, news, games, negations and past events that are over are "
        + "\"none\". Answer only with the JSON object {\"risk\": …, \"reply\": …}; reply is what you say to the user, following the rules above.";

    /// <summary>The strict JSON schema of the answer.</summary>
    public static BinaryData Schema { get; } = BinaryData.FromString(
        "{\"type\":\"object\",\"properties\":{"
        + "\"risk\":{\"type\":\"string\",\"enum\":[\"none\",\"self_harm\",\"violence\",\"danger\"]},"
        + "\"reply\":{\"type\":\"string\",\"description\":\"What you say to the user.\"}"
        + "},\"required\":[\"risk\",\"reply\"],\"additionalProperties\":false}");

    /// <summary>
    /// The answer in <paramref name="text"/>, or null when it is not a JSON object with a non-empty <c>reply</c> string
    /// (a code fence around it is tolerated). An unknown or missing <c>risk</c> is no opinion (null), never an error.
    /// </summary>
    public static ModelRiskAnswer? Parse(string? text)
    {
        var json = Unfence(text);
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("reply", out var reply) || reply.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(reply.GetString()))
            {
                return null;
            }

            var risk = root.TryGetProperty("risk", out var value) && value.ValueKind == JsonValueKind.String ? CategoryOf(value.GetString()) : null;
            return new ModelRiskAnswer(reply.GetString()!.Trim(), risk);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="text"/> looks like a structured answer (so it must never be spoken as it is).</summary>
    public static bool LooksStructured(string? text) => Unfence(text) is not null;

    /// <summary>
    /// The screens' verdict with the model's opinion: a crisis the model names raises a verdict that is not one; nothing
    /// the model says ever lowers or replaces a flag the lexicon or Content Safety raised.
    /// </summary>
    public static SafetyVerdict Raise(SafetyVerdict screened, string? modelRisk)
    {
        ArgumentNullException.ThrowIfNull(screened);
        var category = CategoryOf(modelRisk);
        if (category is null || screened.IsCrisis)
        {
            return screened;
        }

        var source = screened.Flagged ? screened.Source + "+" + Source : Source;
        return new SafetyVerdict(true, category, true, Math.Max(screened.Severity, 4), source);
    }

    /// <summary>The <see cref="SafetyVerdict.Source"/> of the model's opinion.</summary>
    public const string Source = "llm";

    private static string? CategoryOf(string? risk) => risk?.Trim().ToLowerInvariant() switch
    {
        SafetyCategories.SelfHarm => SafetyCategories.SelfHarm,
        SafetyCategories.Violence => SafetyCategories.Violence,
        SafetyCategories.Danger => SafetyCategories.Danger,
        _ => null,
    };

    private static string? Unfence(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
            var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
            trimmed = firstLine > 0 && end > firstLine ? trimmed[(firstLine + 1)..end].Trim() : trimmed;
        }

        return trimmed.StartsWith('{') ? trimmed : null;
    }
}
