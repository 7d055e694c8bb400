using System.Buffers;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Api;

/// <summary>
/// Reads an upload into a seekable stream so its bytes can be validated before anything is stored:
/// small bodies stay in memory, larger ones go to a <see cref="SpilledUpload"/> temp file that deletes itself unless
/// the audio store adopts it. A body whose declared length is above the memory threshold goes to the file from its
/// first byte (no memory copy first), and a small one gets a buffer of its declared size (no regrowing). The size limit
/// is enforced while reading, so an oversized body is refused without being held whole.
/// </summary>
public static class RequestBodyBuffer
{
    /// <summary>Bodies up to this size are buffered in memory.</summary>
    public const int MemoryThreshold = 4 * 1024 * 1024;

    private const int ChunkBytes = 81920;

    /// <param name="body">The request body.</param>
    /// <param name="declaredLength">The request's Content-Length, when it sent one.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="tempDirectory">Where a large body is spilled (under the data root, so the audio store can adopt it).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<Stream> ReadAsync(Stream body, long? declaredLength, long limit, string tempDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        Stream target = declaredLength > MemoryThreshold
            ? Spill(tempDirectory)
            : new MemoryStream(declaredLength is > 0 and var length ? (int)length : 0);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw new ApiProblem(ErrorCodes.AudioTooLarge, $"Audio may be at most {limit} bytes.");
                }

                if (target is MemoryStream memory && memory.Length + read > MemoryThreshold)
                {
                    // No (or a wrong) Content-Length: the body outgrew memory while arriving.
                    var file = Spill(tempDirectory);
                    memory.Position = 0;
                    await memory.CopyToAsync(file, cancellationToken);
                    await memory.DisposeAsync();
                    target = file;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            target.Position = 0;
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static SpilledUpload Spill(string tempDirectory)
    {
        Directory.CreateDirectory(tempDirectory);
        return new SpilledUpload(Path.Combine(tempDirectory, SpilledUpload.FilePrefix + Guid.NewGuid().ToString("N") + SpilledUpload.FileSuffix));
    }
}
