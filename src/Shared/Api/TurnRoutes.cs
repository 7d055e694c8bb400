namespace VoiceMemory.Api;

/// <summary>The contract's routes, so both hosts and the clients agree.</summary>
public static class TurnRoutes
{
    public const string Turns = "/api/v1/turns";
    public const string Memories = "/api/v1/memories";
    public const string Me = "/api/v1/me";
    public const string Export = "/api/v1/me/export";
    public const string Health = "/api/health";

    public static string Status(string turnId) => $"{Turns}/{turnId}";

    public static string Audio(string turnId) => $"{Turns}/{turnId}/audio";
}
