namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Path traversal and overlong ids on the GET/DELETE routes, bad query values, unknown routes and methods, bad credentials (37 cases).</summary>
internal static class RouteCases
{
    private const string NotFound = "not_found";
    private const string Invalid = "invalid_request";

    public static IEnumerable<MalformedCase> Create()
    {
        const string Traversal = "path traversal / overlong id";
        var longId = new string('a', 500);
        string[] targets =
        [
            "/api/v1/turns/..%2F..%2Fvoicememory.db",
            "/api/v1/turns/%2e%2e%2f%2e%2e%2fvoicememory.db/audio",
            "/api/v1/turns/..%5C..%5Cvoicememory.db",
            "/api/v1/turns/..%252F..%252Fetc%252Fpasswd",
            "/api/v1/turns/../../../../etc/passwd",
            "/api/v1/turns/%2e%2e/%2e%2e/voicememory.db",
            "/api/v1/turns/" + longId,
            "/api/v1/turns/" + longId + "/audio",
            "/api/v1/turns/0123456789abcdef0123456789abcdef",
            "/api/v1/turns/0123456789abcdef0123456789abcdef/audio",
        ];
        foreach (var target in targets)
        {
            yield return Raw(Traversal, "GET", target, NotFound, Invalid);
        }

        // Kestrel refuses a NUL in the decoded target itself (bare 400, connection closed): see MalformedCase.RejectedByKestrel.
        yield return Raw(Traversal, "GET", "/api/v1/turns/%00", NotFound, Invalid) with { RejectedByKestrel = true };
        yield return Raw(Traversal, "DELETE", "/api/v1/memories/" + longId, NotFound, Invalid);
        yield return Raw(Traversal, "DELETE", "/api/v1/memories/..%2F..%2Fvoicememory.db", NotFound, Invalid);

        const string Query = "bad query value";
        string[] queries =
        [
            "/api/v1/turns?before=garbage", "/api/v1/turns?before=" + longId, "/api/v1/turns?limit=abc", "/api/v1/turns?limit=-1",
            "/api/v1/turns?limit=0", "/api/v1/turns?limit=99999999999999999999", "/api/v1/memories?limit=abc", "/api/v1/memories?limit=-5",
        ];
        foreach (var query in queries)
        {
            yield return Raw(Query, "GET", query, Invalid);
        }

        const string Unknown = "unknown route / method";
        (string Method, string Target)[] unknown =
        [
            ("GET", "/api/v1/nope"), ("GET", "/api/v2/turns"), ("GET", "/"), ("GET", "/admin"), ("GET", "/.env"),
            ("PUT", "/api/v1/turns"), ("PATCH", "/api/v1/turns/abc"), ("DELETE", "/api/v1/turns/abc"), ("POST", "/api/health"),
            ("POST", "/api/v1/memories"), ("GET", "/api/v1/me"),
        ];
        foreach (var (method, target) in unknown)
        {
            yield return Raw(Unknown, method, target, NotFound, Invalid);
        }

        const string Auth = "bad credentials";
        string?[] credentials = [null, "Bearer", "Bearer vm_not-a-real-key", "Basic dXNlcjpwYXNz", "Bearer " + new string('x', 5000)];
        foreach (var credential in credentials)
        {
            var shown = credential is null ? "no Authorization" : credential.Length > 30 ? $"Authorization of {credential.Length} characters" : $"Authorization: {credential}";
            yield return new MalformedCase(Auth, shown, ["unauthorized"], (t, ct) => t.PostWithAuthorizationAsync("I like tea."u8.ToArray(), "text/plain; charset=utf-8", credential, ct));
        }
    }

    private static MalformedCase Raw(string category, string method, string target, params string[] codes)
    {
        var shown = target.Length > 70 ? $"{target[..40]}…({target.Length} characters)" : target;
        return new MalformedCase(category, $"{method} {shown}", codes, (t, ct) => t.RawAsync(method, target, [], null, ct));
    }
}
