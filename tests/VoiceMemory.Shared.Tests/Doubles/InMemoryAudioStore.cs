using System.Collections.Concurrent;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Doubles;

/// <summary>An <see cref="IAudioStore"/> in a dictionary; last-modified comes from the clock; counts writes.</summary>
internal sealed class InMemoryAudioStore(TimeProvider time) : IAudioStore
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType, DateTimeOffset LastModified)> items = new(StringComparer.Ordinal);
    private int writes;

    public int Writes => writes;

    public IReadOnlyCollection<string> Keys => [.. items.Keys];

    public byte[] BytesOf(string key) => items[key].Bytes;

    public string ContentTypeOf(string key) => items[key].ContentType;

    public async Task<AudioRef> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        // Read everything before storing: a failed read stores nothing (atomic write).
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        Interlocked.Increment(ref writes);
        items[key] = (copy.ToArray(), contentType, time.GetUtcNow());
        return new AudioRef(key, contentType, copy.Length);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(items.TryGetValue(key, out var item) ? new MemoryStream(item.Bytes, writable: false) : null);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(items.ContainsKey(key));

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        return Task.FromResult(items.TryRemove(key, out _));
    }

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        return Task.FromResult(items.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Count(k => items.TryRemove(k, out _)));
    }

    public IAsyncEnumerable<StoredAudio> ListAsync(string prefix, CancellationToken cancellationToken) =>
        items.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new StoredAudio(p.Key, p.Value.Bytes.Length, p.Value.LastModified))
            .ToList()
            .ToAsyncEnumerable();

    public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken) => Task.FromResult<Uri?>(null);
}
