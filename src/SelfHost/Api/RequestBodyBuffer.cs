using System.Buffers;
using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Api;

/// <summary>
/// Reads an upload into a seekable stream so its bytes can be validated before anything is stored:
/// small bodies stay in memory, larger ones spill to a temp file that deletes itself. The size limit is
/// enforced while reading, so an oversized body is refused without being held whole.
/// </summary>
public static class RequestBodyBuffer
{
    /// <summary>Bodies up to this size are buffered in memory.</summary>
    public const int MemoryThreshold = 4 * 1024 * 1024;

    public static async Task<Stream> ReadAsync(Stream body, long limit, string tempDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var memory = new MemoryStream();
        Stream target = memory;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
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

                if (target == memory && memory.Length + read > MemoryThreshold)
                {
                    Directory.CreateDirectory(tempDirectory);
                    var file = new FileStream(
                        Path.Combine(tempDirectory, "upload-" + Guid.NewGuid().ToString("N") + ".tmp"),
                        FileMode.CreateNew,
                        FileAccess.ReadWrite,
                        FileShare.None,
                        81920,
                        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
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
}
