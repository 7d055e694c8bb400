using System.Text;
using VoiceMemory.Functions.Http;
using VoiceMemory.Functions.Tests.Support;

namespace VoiceMemory.Functions.Tests.Http;

/// <summary>Who the caller is: X-MS-CLIENT-PRINCIPAL, trusted only when platform authentication is on.</summary>
public sealed class CallerTests
{
    [Fact]
    public void Oid_IsTheUserId_BeforeSub()
    {
        Assert.Equal("4f1c6a52-0b7e-4c55-9d55-2b6d1fd7c0aa", CallerResolver.UserIdFrom(Principal.For("4f1c6a52-0b7e-4c55-9d55-2b6d1fd7c0aa")));
        Assert.Equal("abc123", CallerResolver.UserIdFrom(Principal.WithClaims(("oid", "abc123"), ("sub", "other"))));
    }

    [Fact]
    public void WithoutOid_SubIsTheUserId() =>
        Assert.Equal("Zx9-subject_1", CallerResolver.UserIdFrom(Principal.WithClaims(("name", "N"), ("sub", "Zx9-subject_1"))));

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("e30=")]
    public void Malformed_HasNoUserId(string header) => Assert.Null(CallerResolver.UserIdFrom(header));

    [Fact]
    public void NoIdClaim_OrAnIdUnsafeInKeys_HasNoUserId()
    {
        Assert.Null(CallerResolver.UserIdFrom(Principal.WithClaims(("name", "Only a name"))));
        Assert.Null(CallerResolver.UserIdFrom(Principal.WithClaims(("oid", "../../etc/passwd"))));
        Assert.Null(CallerResolver.UserIdFrom(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"claims\":[{\"typ\":\"oid\",\"val\":7}]}"))));
    }

    public static TheoryData<string, string?, Dictionary<string, string?>> Refused => new()
    {
        { "missing", null, new() },
        { "malformed", "%%%", new() },
        { "no id claim", Principal.WithClaims(("name", "x")), new() },
        { "forged while platform auth is off", Principal.For("mallory"), new() { ["WEBSITE_AUTH_ENABLED"] = "False" } },
        { "forged while platform auth is unset", Principal.For("mallory"), new() { ["WEBSITE_AUTH_ENABLED"] = null } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task EveryFunction_RefusesWithoutATrustedPrincipal(string name, string? principal, Dictionary<string, string?> settings)
    {
        await using var app = await FunctionsApp.StartAsync(settings);
        var turns = app.Get<TurnFunctions>();
        var memories = app.Get<MemoryFunctions>();
        var calls = new List<(string Method, string Path, Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> Call)>
        {
            ("POST", "/api/v1/turns", r => turns.SubmitAsync(r, app.Client)),
            ("GET", "/api/v1/turns", turns.ListAsync),
            ("GET", "/api/v1/turns/t1", r => turns.GetAsync(r, "t1")),
            ("GET", "/api/v1/turns/t1/audio", r => turns.GetAudioAsync(r, "t1")),
            ("GET", "/api/v1/memories", memories.ListAsync),
            ("DELETE", "/api/v1/memories/f1", r => memories.DeleteAsync(r, "f1")),
            ("GET", "/api/v1/me/export", memories.ExportAsync),
            ("DELETE", "/api/v1/me", r => memories.EraseAsync(r, app.Client)),
        };

        foreach (var (method, path, call) in calls)
        {
            var request = app.Request(method, path, principal, Encoding.UTF8.GetBytes("hello"), "text/plain");
            var answer = await FunctionsApp.ExecuteAsync(request, await call(request));
            Assert.True(answer.Status == 401, $"{name}: {method} {path} answered {answer.Status}");
            Assert.Equal("unauthorized", answer.Code);
            Assert.Equal("application/problem+json", answer.ContentType);
        }
    }

    [Fact]
    public async Task LocalDevelopmentSwitch_TrustsTheHeaderWithoutPlatformAuth()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string?>
        {
            ["WEBSITE_AUTH_ENABLED"] = null,
            ["VoiceMemory:Functions:TrustPrincipalHeaderWithoutPlatformAuth"] = "true",
        });
        var request = app.Request("GET", "/api/v1/memories", Principal.For("local-dev"));

        var answer = await FunctionsApp.ExecuteAsync(request, await app.Get<MemoryFunctions>().ListAsync(request));

        Assert.Equal(200, answer.Status);
    }
}
