namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>One generated malformed request and the error codes a correct server may answer it with.</summary>
/// <param name="RejectedByKestrel">
/// The request never reaches the application: Kestrel's HTTP/1.1 parser refuses it (a NUL in the decoded request
/// target) with a bare 400 and closes the connection, and no ASP.NET Core hook can shape that answer. Such a case is
/// met by a 400 (a problem+json answer with an expected code would be better and also counts); the report lists
/// these cases on their own line so they are never mistaken for the application's answers.
/// </param>
internal sealed record MalformedCase(
    string Category,
    string Name,
    IReadOnlyList<string> ExpectedCodes,
    Func<MalformedTarget, CancellationToken, Task<Client.ApiAnswer>> Send,
    bool RejectedByKestrel = false)
{
    public static MalformedCase Post(string category, string name, byte[] body, string? contentType, params string[] codes) =>
        new(category, name, codes, (target, ct) => target.PostAsync(body, contentType, cancellationToken: ct));
}
