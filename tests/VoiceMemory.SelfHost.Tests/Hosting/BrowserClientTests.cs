using System.Net;
using System.Text.RegularExpressions;
using VoiceMemory.SelfHost.Hosting;
using VoiceMemory.SelfHost.Tests.Integration;

namespace VoiceMemory.SelfHost.Tests.Hosting;

/// <summary>The browser client's files as the real server serves them (the browser tests in tests/web drive it).</summary>
public sealed partial class BrowserClientTests : IAsyncLifetime
{
    private readonly VoiceMemoryAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Root_ServesThePageWithAStrictPolicyAndNoInlineScript()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BrowserClient.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.DoesNotContain("unsafe-inline", BrowserClient.ContentSecurityPolicy, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"js/main.js\"></script>", html, StringComparison.Ordinal);
        Assert.Empty(InlineScript().Matches(html));
        Assert.Empty(InlineHandler().Matches(html));
        Assert.DoesNotContain("style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", ExternalReferences(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryModuleThePageImports_IsServedAsJavaScriptWithoutAKey()
    {
        using var client = factory.CreateClient();
        var pending = new Queue<string>(["js/main.js"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            var response = await client.GetAsync(new Uri("/" + path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            foreach (Match import in ModuleImport().Matches(await response.Content.ReadAsStringAsync()))
            {
                pending.Enqueue("js/" + import.Groups["file"].Value);
            }
        }

        Assert.True(seen.Count >= 10, $"only {seen.Count} modules were found");
        foreach (var asset in new[] { "app.css", "icon.svg", "manifest.webmanifest" })
        {
            var response = await client.GetAsync(new Uri("/" + asset, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task TheApi_IsUnchanged_UnknownPathsAreProblems()
    {
        using var client = factory.CreateClient();

        var memories = await client.GetAsync(new Uri("/api/v1/memories", UriKind.Relative));
        var unknown = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, memories.StatusCode);
        Assert.False(memories.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private static string ExternalReferences(string html) =>
        string.Join(' ', SourceAttribute().Matches(html).Select(m => m.Groups["url"].Value));

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"\b(?:src|href)=""(?<url>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex(@"^import\s[^;]*?from\s+'\./(?<file>[\w-]+\.js)';", RegexOptions.Multiline)]
    private static partial Regex ModuleImport();
}
