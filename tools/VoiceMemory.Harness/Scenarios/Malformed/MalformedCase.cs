namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>One generated malformed request and the error codes a correct server may answer it with.</summary>
internal sealed record MalformedCase(
    string Category,
    string Name,
    IReadOnlyList<string> ExpectedCodes,
    Func<MalformedTarget, CancellationToken, Task<Client.ApiAnswer>> Send)
{
    public static MalformedCase Post(string category, string name, byte[] body, string? contentType, params string[] codes) =>
        new(category, name, codes, (target, ct) => target.PostAsync(body, contentType, cancellationToken: ct));
}
