using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Runner;

/// <summary>The real audio store, except that reply writes fail with <c>storage_full</c> while <see cref="ReplyWritesFail"/> is set.</summary>
public sealed class SwitchableAudioStore(IAudioStore inner) : IAudioStore
{
    private int refused;

    public bool ReplyWritesFail { get; set; }

    public int Refused => Volatile.Read(ref refused);

    public Task<AudioRef> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        if (ReplyWritesFail && key.StartsWith(AudioKeys.ReplyPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref refused);
            throw new VoiceMemoryException(ErrorCodes.StorageFull, "There is no space left to write audio.", isTransient: true);
        }

        return inner.SaveAsync(key, content, contentType, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken) => inner.DeletePrefixAsync(prefix, cancellationToken);

    public IAsyncEnumerable<StoredAudio> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken) => inner.GetDownloadUrlAsync(key, lifetime, cancellationToken);
}
