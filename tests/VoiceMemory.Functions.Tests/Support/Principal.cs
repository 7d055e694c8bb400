using System.Text;
using System.Text.Json;

namespace VoiceMemory.Functions.Tests.Support;

/// <summary>X-MS-CLIENT-PRINCIPAL values as App Service Authentication sends them (base64 of the claims JSON).</summary>
internal static class Principal
{
    public const string OidType = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static string WithClaims(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }).ToArray(),
            name_typ = "name",
            role_typ = "roles",
        })));

    public static string For(string oid) => WithClaims(("name", "Test User"), (OidType, oid), ("sub", "subject-" + oid));
}
