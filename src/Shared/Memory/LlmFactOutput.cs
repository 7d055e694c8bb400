using System.Text.Json;

namespace VoiceMemory.Memory;

/// <summary>
/// The JSON schema the LLM fact extractor asks for, and the validation of what comes back: facts in the shape the
/// memory store keeps (short text, a known kind, a key only from <see cref="AllowedKeys"/>).
/// </summary>
public static class LlmFactOutput
{
    /// <summary>Longest fact text kept.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Most facts kept from one turn.</summary>
    public const int MaxFacts = 12;

    /// <summary>
    /// Keys that make a fact replace the older one with the same key (single-valued facts). Any other key the model
    /// invents is dropped, so a made-up key never replaces an unrelated fact.
    /// </summary>
    public static readonly IReadOnlySet<string> AllowedKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "profile.name", "profile.preferred_name", "profile.age", "profile.birthday", "profile.pronouns",
        "profile.location", "profile.hometown", "profile.occupation", "profile.employer", "profile.language",
        "relationship.partner", "preference.favorite_food", "preference.favorite_color", "preference.favorite_music",
    };

    private static readonly Dictionary<string, FactKind> Kinds = new(StringComparer.Ordinal)
    {
        ["profile"] = FactKind.Profile,
        ["preference"] = FactKind.Preference,
        ["health"] = FactKind.Health,
        ["relationship"] = FactKind.Relationship,
        ["event"] = FactKind.Event,
        ["note"] = FactKind.Note,
    };

    /// <summary>The strict JSON schema of the structured output.</summary>
    public static BinaryData Schema { get; } = BinaryData.FromString(
        "{\"type\":\"object\",\"properties\":{\"facts\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
        + "\"text\":{\"type\":\"string\",\"description\":\"The fact in one short sentence in the user's language, e.g. 'My name is Ana.'\"},"
        + "\"kind\":{\"type\":\"string\",\"enum\":[\"profile\",\"preference\",\"health\",\"relationship\",\"event\",\"note\"]},"
        + "\"key\":{\"type\":[\"string\",\"null\"],\"enum\":[" + string.Join(",", AllowedKeys.Order(StringComparer.Ordinal).Select(k => "\"" + k + "\"")) + ",null]}"
        + "},\"required\":[\"text\",\"kind\",\"key\"],\"additionalProperties\":false}}},"
        + "\"required\":[\"facts\"],\"additionalProperties\":false}");

    /// <summary>
    /// The valid facts of a structured-output answer, or null when the answer is not usable (not JSON, no facts array,
    /// or facts were given but none is valid). Invalid single facts (unknown kind, empty or overlong text) are dropped;
    /// an unknown key is dropped from its fact.
    /// </summary>
    public static IReadOnlyList<ExtractedFact>? Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("facts", out var facts)
                || facts.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var result = new List<ExtractedFact>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var given = 0;
            foreach (var item in facts.EnumerateArray())
            {
                given++;
                if (Read(item) is { } fact && (fact.Key is null || keys.Add(fact.Key)) && result.Count < MaxFacts)
                {
                    result.Add(fact);
                }
            }

            return given > 0 && result.Count == 0 ? null : result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ExtractedFact? Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String
            || !item.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String
            || !Kinds.TryGetValue(kindElement.GetString() ?? string.Empty, out var kind))
        {
            return null;
        }

        var text = (textElement.GetString() ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxTextLength)
        {
            return null;
        }

        string? key = null;
        if (item.TryGetProperty("key", out var keyElement) && keyElement.ValueKind == JsonValueKind.String
            && keyElement.GetString() is { } candidate && AllowedKeys.Contains(candidate))
        {
            key = candidate;
        }

        return new ExtractedFact(text, kind, key);
    }
}
