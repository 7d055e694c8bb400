using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceMemory.Api;
using VoiceMemory.Functions.Hosting;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Http;

/// <summary>
/// The caller's user id from App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON of the token's
/// claims): the <c>oid</c> claim, else <c>sub</c>. The header is trusted only when the platform says authentication is
/// on (<c>WEBSITE_AUTH_ENABLED=True</c>, set by App Service, which strips client-sent copies of the header) or the
/// local-development switch <see cref="FunctionsOptions.TrustPrincipalHeaderWithoutPlatformAuth"/> is set; otherwise
/// every call is 401, since anyone could forge it.
/// </summary>
public sealed class CallerResolver(IConfiguration configuration, IOptions<FunctionsOptions> options)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    private static readonly string[] OidTypes = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];
    private static readonly string[] SubTypes = ["sub", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier"];

    /// <summary>True when principal headers may be believed.</summary>
    public bool TrustsPrincipalHeader =>
        string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "True", StringComparison.OrdinalIgnoreCase)
        || options.Value.TrustPrincipalHeaderWithoutPlatformAuth;

    /// <summary>The caller's user id.</summary>
    /// <exception cref="ApiProblem"><c>unauthorized</c>: no trusted, well-formed principal with a usable id.</exception>
    public string Resolve(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TrustsPrincipalHeader)
        {
            throw new ApiProblem(ErrorCodes.Unauthorized, "Authentication is not enabled for this app.");
        }

        var header = request.Headers[PrincipalHeader].ToString();
        if (string.IsNullOrEmpty(header))
        {
            throw new ApiProblem(ErrorCodes.Unauthorized, "Sign in with Microsoft Entra ID to call this API.");
        }

        return UserIdFrom(header) ?? throw new ApiProblem(ErrorCodes.Unauthorized, "The caller's identity could not be read.");
    }

    /// <summary>The user id in an encoded principal, or null when it is malformed or has no usable id.</summary>
    public static string? UserIdFrom(string encodedPrincipal)
    {
        if (encodedPrincipal.Length > 64 * 1024)
        {
            return null;
        }

        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(encodedPrincipal));
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var id = Find(claims, OidTypes) ?? Find(claims, SubTypes);
            return TurnIds.IsValid(id) ? id : null;
        }
        catch (Exception error) when (error is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Find(JsonElement claims, string[] types)
    {
        foreach (var claim in claims.EnumerateArray())
        {
            if (claim.ValueKind == JsonValueKind.Object
                && claim.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String
                && types.Contains(typ.GetString(), StringComparer.OrdinalIgnoreCase)
                && claim.TryGetProperty("val", out var val) && val.ValueKind == JsonValueKind.String)
            {
                return val.GetString();
            }
        }

        return null;
    }
}
