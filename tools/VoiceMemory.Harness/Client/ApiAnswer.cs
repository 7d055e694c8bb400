using System.Text;
using System.Text.Json;
using VoiceMemory.Api;

namespace VoiceMemory.Harness.Client;

/// <summary>What one HTTP call got back. <see cref="Status"/> is 0 when no answer arrived (refused, reset, timed out).</summary>
internal sealed record ApiAnswer(int Status, string? MediaType, byte[] Body, TimeSpan? RetryAfter, TimeSpan Elapsed, string? Failure)
{
    public bool Answered => Status != 0;

    public bool IsProblem => string.Equals(MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase);

    public string Text => Encoding.UTF8.GetString(Body);

    public static ApiAnswer NoAnswer(TimeSpan elapsed, string failure) => new(0, null, [], null, elapsed, failure);

    /// <summary>The problem's <c>code</c>, or null when the body is not a problem with one.</summary>
    public string? ProblemCode()
    {
        if (!IsProblem || Body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The problem's <c>status</c> member, or null.</summary>
    public int? ProblemStatus()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty("status", out var status) && status.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public T? Json<T>() => JsonSerializer.Deserialize<T>(Body, ApiJson.Options);
}
