using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceMemory.Storage;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Critical check <c>storage</c>: writes a small random canary under <c>health/</c> in the audio store, reads it
/// back, compares, and deletes it. Each run uses its own key, so concurrent runs do not disturb each other.
/// </summary>
public sealed partial class StorageCanaryCheck(IAudioStore audio, ILogger<StorageCanaryCheck>? logger = null) : IDependencyCheck
{
    private readonly ILogger logger = logger ?? NullLogger<StorageCanaryCheck>.Instance;

    public string Name => "storage";

    public bool Critical => true;

    public async Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"health/canary-{Guid.NewGuid():N}.bin";
        var payload = RandomNumberGenerator.GetBytes(32);
        using (var content = new MemoryStream(payload, writable: false))
        {
            await audio.SaveAsync(key, content, "application/octet-stream", cancellationToken);
        }

        DependencyHealth? problem;
        try
        {
            problem = await ReadBackAsync(key, payload, cancellationToken);
        }
        catch
        {
            await RemoveLeftoverAsync(key);
            throw;
        }

        if (!await audio.DeleteAsync(key, cancellationToken))
        {
            return problem ?? DependencyHealth.Unhealthy("canary could not be deleted");
        }

        return problem ?? DependencyHealth.Healthy("canary written, read back and deleted");
    }

    private async Task<DependencyHealth?> ReadBackAsync(string key, byte[] payload, CancellationToken cancellationToken)
    {
        await using var stored = await audio.OpenReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return DependencyHealth.Unhealthy("canary written but not found");
        }

        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy, cancellationToken);
        return copy.ToArray().AsSpan().SequenceEqual(payload) ? null : DependencyHealth.Unhealthy("canary read back different bytes");
    }

    private async Task RemoveLeftoverAsync(string key)
    {
        try
        {
            await audio.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The check already fails with the original error; a leftover canary is a few bytes under health/.
            LogLeftover(logger, exception);
        }
    }

    [LoggerMessage(EventId = 7406, Level = LogLevel.Warning, Message = "Could not delete the storage canary after a failed check")]
    private static partial void LogLeftover(ILogger logger, Exception exception);
}
