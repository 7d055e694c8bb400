namespace VoiceMemory.Api;

/// <summary>Host-specific data about a user that erasure must also remove (e.g. the self-host's runner jobs and checkpoints).</summary>
public interface IUserDataEraser
{
    Task EraseAsync(string userId, CancellationToken cancellationToken);
}
