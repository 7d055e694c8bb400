using System.Text;
using System.Text.Json;

namespace VoiceMemory.Speech.Azure;

/// <summary>
/// Parses a fast transcription response: <c>durationMilliseconds</c>, <c>combinedPhrases[].text</c> (the full display
/// text per channel) and <c>phrases[]</c> (each with <c>locale</c>, <c>confidence</c>, <c>durationMilliseconds</c>).
/// </summary>
public static class FastTranscriptionParser
{
    /// <summary>The result; throws <see cref="FormatException"/> when the body is not a fast transcription response.</summary>
    public static FastTranscriptionResult Parse(ReadOnlySpan<byte> body, string requestedLocale)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new FormatException("The transcription response is not JSON.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The transcription response is not a JSON object.");
            }

            var hasDuration = root.TryGetProperty("durationMilliseconds", out var durationElement) && durationElement.ValueKind == JsonValueKind.Number;
            var hasCombined = root.TryGetProperty("combinedPhrases", out var combined) && combined.ValueKind == JsonValueKind.Array;
            if (!hasDuration && !hasCombined)
            {
                throw new FormatException("The transcription response has neither durationMilliseconds nor combinedPhrases.");
            }

            var text = new StringBuilder();
            if (hasCombined)
            {
                foreach (var phrase in combined.EnumerateArray())
                {
                    if (phrase.ValueKind == JsonValueKind.Object && phrase.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
                        && t.GetString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value))
                    {
                        text.Append(text.Length > 0 ? " " : string.Empty).Append(value.Trim());
                    }
                }
            }

            double weighted = 0, weights = 0;
            var count = 0;
            var localeWeights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("phrases", out var phrases) && phrases.ValueKind == JsonValueKind.Array)
            {
                foreach (var phrase in phrases.EnumerateArray())
                {
                    if (phrase.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    count++;
                    var weight = phrase.TryGetProperty("durationMilliseconds", out var d) && d.ValueKind == JsonValueKind.Number && d.GetDouble() > 0 ? d.GetDouble() : 1;
                    if (phrase.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number)
                    {
                        weighted += Math.Clamp(c.GetDouble(), 0, 1) * weight;
                        weights += weight;
                    }

                    if (phrase.TryGetProperty("locale", out var l) && l.ValueKind == JsonValueKind.String && l.GetString() is { Length: > 0 } locale)
                    {
                        localeWeights[locale] = localeWeights.GetValueOrDefault(locale) + weight;
                    }
                }
            }

            var duration = hasDuration ? TimeSpan.FromMilliseconds(Math.Max(0, durationElement.GetDouble())) : TimeSpan.Zero;
            var detected = localeWeights.Count > 0 ? localeWeights.MaxBy(p => p.Value).Key : requestedLocale;
            var confidence = text.Length == 0 || weights == 0 ? 0 : weighted / weights;
            return new FastTranscriptionResult(text.ToString(), detected, confidence, duration, count);
        }
    }
}
