using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Tests.Maintenance;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>
/// The OpenAPI document the real server serves: it equals the checked-in docs/openapi/v1.json (the contract the Azure
/// host serves too), lists every mapped route and method, and names every stable problem code.
/// Regenerate the checked-in copy after a deliberate contract change with VOICEMEMORY_UPDATE_OPENAPI=1.
/// </summary>
public sealed class OpenApiContractTests
{
    [Fact]
    public async Task TheServedDocument_EqualsTheCheckedInCopy_AndTheReferencePageIsServed()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder.Path);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        using var response = await http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await response.Content.ReadAsStringAsync();
        var checkedIn = CheckedInPath();
        if (Environment.GetEnvironmentVariable("VOICEMEMORY_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(checkedIn, JsonNode.Parse(served)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(await File.ReadAllTextAsync(checkedIn))),
            "the served OpenAPI document differs from docs/openapi/v1.json; if the change is intended, run this test with VOICEMEMORY_UPDATE_OPENAPI=1 and commit the file");

        using var page = await http.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheDocument_DescribesEveryRoute_HeaderAndProblemCode()
    {
        await using var factory = new VoiceMemoryAppFactory();
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.True(routes.Count >= 9, $"expected every API route, found {routes.Count}");
        foreach (var (path, method) in routes)
        {
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document");
            Assert.False(string.IsNullOrEmpty(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            if (!path.StartsWith(TurnRoutes.Health, StringComparison.Ordinal))
            {
                Assert.NotNull(operation["security"]);
                Assert.NotNull(operation["responses"]!["401"]);
            }
        }

        var submit = paths[TurnRoutes.Turns]!["post"]!;
        var headers = submit["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Idempotency-Key", headers);
        Assert.Contains("X-Locale", headers);
        Assert.NotNull(submit["requestBody"]!["content"]!["text/plain; charset=utf-8"]);
        Assert.NotNull(submit["requestBody"]!["content"]!["audio/wav"]);
        Assert.NotNull(submit["responses"]!["202"]!["headers"]!["Location"]);
        Assert.NotNull(paths[TurnRoutes.Turns]!["get"]!["parameters"]!.AsArray().FirstOrDefault(p => p!["name"]!.GetValue<string>() == "before"));

        var text = document.ToJsonString();
        foreach (var code in ProblemCatalog.All.Keys)
        {
            Assert.True(text.Contains(code, StringComparison.Ordinal), $"problem code {code} is not described");
        }
    }

    private static string CheckedInPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "VoiceMemory.Functions.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("repository root not found"), "docs", "openapi", "v1.json");
    }
}
