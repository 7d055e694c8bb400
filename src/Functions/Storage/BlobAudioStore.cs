using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Audio as block blobs named by their key in one container. A block blob upload is atomic (a reader sees the old
/// blob or the new one, never a mix, and a cut-off upload leaves no blob), and a retried save overwrites the same
/// name, so it leaves one blob. The content type is kept as the blob's Content-Type. Download URLs are read-only,
/// blob-scoped SAS URLs: user-delegation SAS when the client signs in with Entra ID (keyless), a service SAS only when
/// the client holds a shared key (Azurite).
/// </summary>
public sealed class BlobAudioStore(BlobServiceClient service, string containerName, TimeProvider time) : IAudioStore
{
    private const string What = "audio";

    private readonly BlobContainerClient container = service.GetBlobContainerClient(containerName);

    private readonly UserDelegationKeyCache delegationKeys = new(service, time);

    public async Task<AudioRef> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        AudioKeyRules.ValidateKey(key);
        var type = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType;
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = type } };
        var blob = container.GetBlobClient(key);
        if (content.CanSeek)
        {
            // A stream of known length goes up as one Put Blob (a stream of unknown length as blocks + a block list).
            var length = content.Length - content.Position;
            await StorageErrors.RunAsync(() => blob.UploadAsync(content, options, cancellationToken), What);
            return new AudioRef(key, type, length);
        }

        var counted = new CountingReadStream(content);
        await StorageErrors.RunAsync(() => blob.UploadAsync(counted, options, cancellationToken), What);
        return new AudioRef(key, type, counted.BytesRead);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        AudioKeyRules.ValidateKey(key);
        try
        {
            // One request: the response body is the stream (no separate properties call).
            var response = await container.GetBlobClient(key).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "BlobNotFound")
        {
            return null;
        }
        catch (RequestFailedException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
        catch (AggregateException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        AudioKeyRules.ValidateKey(key);
        return StorageErrors.RunAsync(async () => (await container.GetBlobClient(key).ExistsAsync(cancellationToken)).Value, What);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        AudioKeyRules.ValidateKey(key);
        return StorageErrors.RunAsync(
            async () => (await container.GetBlobClient(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value,
            What);
    }

    /// <inheritdoc />
    /// <remarks>Listed a page at a time (5,000 names) and deleted as it goes; running it again after a crash finishes the job.</remarks>
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        AudioKeyRules.ValidatePrefix(prefix);
        var deleted = 0;
        await foreach (var item in ListAsync(prefix, cancellationToken))
        {
            if (await DeleteAsync(item.Key, cancellationToken))
            {
                deleted++;
            }
        }

        return deleted;
    }

    public async IAsyncEnumerable<StoredAudio> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AudioKeyRules.ValidatePrefix(prefix);
        var pages = container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix }, cancellationToken).AsPages();
        await using var pager = pages.GetAsyncEnumerator(cancellationToken);
        while (await StorageErrors.RunAsync(async () => await pager.MoveNextAsync(), What))
        {
            foreach (var blob in pager.Current.Values)
            {
                yield return new StoredAudio(blob.Name, blob.Properties.ContentLength ?? 0, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Signed locally from a cached user-delegation key (one request per hour at most) or the shared key: no request per URL.</remarks>
    public async Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        AudioKeyRules.ValidateKey(key);
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A download URL lives more than zero and at most one hour.");
        }

        var blob = container.GetBlobClient(key);
        var now = time.GetUtcNow();
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = container.Name,
            BlobName = key,
            Resource = "b",
            // A little slack for clocks that run behind the service's.
            StartsOn = now.AddMinutes(-5),
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };

        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(builder);
        }

        var delegationKey = await StorageErrors.RunAsync(() => delegationKeys.GetAsync(now + lifetime, cancellationToken), What);
        return new BlobUriBuilder(blob.Uri) { Sas = builder.ToSasQueryParameters(delegationKey, service.AccountName) }.ToUri();
    }
}
