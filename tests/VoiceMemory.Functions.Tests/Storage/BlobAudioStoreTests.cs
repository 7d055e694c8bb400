using VoiceMemory.Functions.Storage;
using VoiceMemory.Storage;
using VoiceMemory.Testing.Contracts;

namespace VoiceMemory.Functions.Tests.Storage;

/// <summary>The audio store contract on Blob storage (Azurite), and what only blobs do: content types and SAS download URLs.</summary>
public sealed class BlobAudioStoreTests : AudioStoreContract
{
    protected override async Task<IAudioStore> CreateStoreAsync()
    {
        var blobs = Azurite.Blobs();
        return new BlobAudioStore(blobs, (await Azurite.NewLayoutAsync(blobs)).AudioContainer, TimeProvider.System);
    }

    [Fact]
    public async Task GetDownloadUrlAsync_SharedKeyClient_ReturnsReadOnlyBlobScopedSasThatDownloadsTheBytes()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("reply/u1/t1.mp3", Bytes(1_000, 9), "audio/mpeg", CancellationToken.None);

        var url = await store.GetDownloadUrlAsync("reply/u1/t1.mp3", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.NotNull(url);
        var query = System.Web.HttpUtility.ParseQueryString(url!.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"download answered {(int)response.StatusCode}");
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Enumerable.Repeat((byte)9, 1_000), await response.Content.ReadAsByteArrayAsync());
        // Read-only: the same URL cannot overwrite the blob.
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([1, 2, 3]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var refused = await http.SendAsync(put);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task GetDownloadUrlAsync_LifetimeOverAnHour_Throws()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetDownloadUrlAsync("reply/u1/t1.mp3", TimeSpan.FromHours(2), CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_KeepsTheContentTypeOfEachBlob()
    {
        var blobs = Azurite.Blobs();
        var layout = await Azurite.NewLayoutAsync(blobs);
        var store = new BlobAudioStore(blobs, layout.AudioContainer, TimeProvider.System);

        await store.SaveAsync("input/u1/t1.ogg", Bytes(10, 1), "audio/ogg", CancellationToken.None);

        var properties = await blobs.GetBlobContainerClient(layout.AudioContainer).GetBlobClient("input/u1/t1.ogg").GetPropertiesAsync();
        Assert.Equal("audio/ogg", properties.Value.ContentType);
    }
}
