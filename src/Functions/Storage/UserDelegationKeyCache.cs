using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// One user-delegation key serves every download URL for hours; asking for one per URL would add a request (and an
/// Entra round trip) to every audio download. A key is fetched for six hours and replaced an hour before it expires,
/// so every URL it signs (at most one hour) stays valid for its whole life.
/// </summary>
internal sealed class UserDelegationKeyCache(BlobServiceClient service, TimeProvider time)
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(6);
    private readonly SemaphoreSlim gate = new(1, 1);
    private UserDelegationKey? current;

    public async Task<UserDelegationKey> GetAsync(DateTimeOffset neededUntil, CancellationToken cancellationToken)
    {
        if (current is { } key && key.SignedExpiresOn >= neededUntil)
        {
            return key;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } fresh && fresh.SignedExpiresOn >= neededUntil)
            {
                return fresh;
            }

            var now = time.GetUtcNow();
            var response = await service.GetUserDelegationKeyAsync(now.AddMinutes(-5), now + KeyLifetime, cancellationToken);
            current = response.Value;
            return current;
        }
        finally
        {
            gate.Release();
        }
    }
}
