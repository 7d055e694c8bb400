using System.Text.Json;

namespace VoiceMemory.Memory;

/// <summary>
/// The JSON schema the LLM fact extractor asks for, and the validation of what comes back: facts in the shape the
/// memory store keeps (short text, a known kind, a key only if <see cref="IsAllowedKey"/>).
/// </summary>
public static class LlmFactOutput
{
    /// <summary>Longest fact text kept.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Most facts kept from one turn.</summary>
    public const int MaxFacts = 12;

    /// <summary>Exact keys of single-valued facts, the same the heuristic extractor uses (<see cref="FactKeys"/>).</summary>
    private static readonly HashSet<string> ExactKeys = new(StringComparer.Ordinal)
    {
        FactKeys.Name, FactKeys.Age, FactKeys.Home, FactKeys.Job, FactKeys.Birthday, FactKeys.Anniversary,
    };

    /// <summary>Key families that end in a subject slug (<see cref="FactKeys.Slug"/>).</summary>
    private static readonly string[] KeyPrefixes =
    [
        FactKeys.FavouritePrefix, FactKeys.PreferenceItemPrefix, FactKeys.RelationshipPrefix, FactKeys.Birthday + ".",
    ];

    /// <summary>
    /// True for a key that makes a fact replace the older one with the same key: one of the heuristic extractor's keys,
    /// so facts from either extractor supersede each other. Any other key the model invents is dropped, so a made-up
    /// key never replaces an unrelated fact.
    /// </summary>
    public static bool IsAllowedKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ExactKeys.Contains(key))
        {
            return true;
        }

        foreach (var prefix in KeyPrefixes)
        {
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var subject = key[prefix.Length..];
                return FactKeys.Slug(subject) == subject;
            }
        }

        return false;
    }

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
        + "\"text\":{\"type\":\"string\",\"description\":\"The fact in one short third-person sentence in the user's language, e.g. 'The user's name is Ana.'\"},"
        + "\"kind\":{\"type\":\"string\",\"enum\":[\"profile\",\"preference\",\"health\",\"relationship\",\"event\",\"note\"]},"
        + "\"key\":{\"type\":[\"string\",\"null\"],\"description\":\"profile.name, profile.age, profile.home, profile.job, event.birthday, event.anniversary, preference.favourite.<thing>, preference.item.<thing>, relationship.<relation>, or null\"}"
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
            && keyElement.GetString() is { } candidate && IsAllowedKey(candidate))
        {
            key = candidate;
        }

        return new ExtractedFact(text, kind, key);
    }
}
