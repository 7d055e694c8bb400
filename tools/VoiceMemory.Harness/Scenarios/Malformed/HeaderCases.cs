using System.Text;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>A valid typed turn with an invalid X-Locale or Idempotency-Key (14 cases).</summary>
internal static class HeaderCases
{
    private const string Category = "invalid header";

    public static IEnumerable<MalformedCase> Create()
    {
        var body = Encoding.UTF8.GetBytes("I like green tea.");
        string[] locales = ["english", "en_US", "e", "123", "en-US-toolongsubtag", "../etc/passwd", "en US", "zh-CN;q=0.9", new string('a', 300), "en--US"];
        foreach (var locale in locales)
        {
            yield return With("X-Locale", locale, body, "invalid_locale");
        }

        string[] keys = [new string('k', 129), new string('k', 1000), "has space", ""];
        foreach (var key in keys)
        {
            yield return With("Idempotency-Key", key, body, "invalid_idempotency_key");
        }
    }

    private static MalformedCase With(string header, string value, byte[] body, string code)
    {
        var shown = value.Length > 24 ? $"{value.Length} characters" : $"'{value}'";
        return new MalformedCase(
            Category,
            $"{header}: {shown}",
            [code],
            (target, ct) => target.PostAsync(body, "text/plain; charset=utf-8", new Dictionary<string, string> { [header] = value }, cancellationToken: ct));
    }
}
