using VoiceMemory.Turns;

namespace VoiceMemory.Storage;

/// <summary>Stores recordings and spoken replies by key. Writes are atomic: a reader sees all of an item or none of it.</summary>
public interface IAudioStore
{
    /// <summary>Writes (or overwrites) <paramref name="key"/>.</summary>
    Task<AudioRef> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens an item for reading; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes an item; false when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every item under <paramref name="prefix"/>; returns how many.</summary>
    Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Lists the items under <paramref name="prefix"/> (with size and last-modified time).</summary>
    IAsyncEnumerable<StoredAudio> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// A short-lived, read-only URL for a client to download the item from storage directly, or null when
    /// the host serves the bytes itself (self-host).
    /// </summary>
    Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken);
}
