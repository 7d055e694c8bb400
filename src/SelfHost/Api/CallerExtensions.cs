using System.Security.Claims;

namespace VoiceMemory.SelfHost.Api;

/// <summary>The caller's user id comes from the credential, never from the URL or body.</summary>
public static class CallerExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new VoiceMemory.Api.ApiProblem(ErrorCodes.Unauthorized, "No authenticated caller.");
}
