using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Stores a record as gzip-compressed JSON in binary properties <c>D0</c>, <c>D1</c>, … of one entity. A property holds
/// at most 64 KiB and an entity 1 MiB, so a long transcript or reply (a 200 KB typed turn is ~20 KB compressed) fits
/// where a plain string property would not; <see cref="MaxChunks"/> keeps an entity (and a two-entity transaction)
/// under the service's limits.
/// </summary>
internal static class CompressedJson
{
    public const int ChunkBytes = 60 * 1024;
    public const int MaxChunks = 12;
    private const string ChunkCount = "Dn";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static void Write<T>(TableEntity entity, T value, string what)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, value, Options);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var chunks = (bytes.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new VoiceMemoryException(ErrorCodes.StorageFull, $"The {what} is too large for table storage ({bytes.Length} bytes compressed).");
        }

        entity[ChunkCount] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity["D" + i] = bytes.Slice(i * ChunkBytes, Math.Min(ChunkBytes, bytes.Length - (i * ChunkBytes))).ToArray();
        }
    }

    public static T Read<T>(TableEntity entity)
    {
        var chunks = entity.GetInt32(ChunkCount) ?? throw new InvalidOperationException("A stored record has no data.");
        using var compressed = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            var part = entity.GetBinary("D" + i) ?? throw new InvalidOperationException("A stored record is missing a part.");
            compressed.Write(part);
        }

        compressed.Position = 0;
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(gzip, Options) ?? throw new InvalidOperationException("A stored record is empty.");
    }

    /// <summary>The property names a query must select to read a record back.</summary>
    public static IEnumerable<string> Columns => [ChunkCount, .. Enumerable.Range(0, MaxChunks).Select(i => "D" + i)];
}
