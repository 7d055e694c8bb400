using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace VoiceMemory.Maintenance;

/// <summary>Reads NDJSON records one line at a time.</summary>
internal static class NdjsonReader
{
    /// <exception cref="JsonException">A line is not a JSON record of <typeparamref name="T"/>.</exception>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream utf8, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(utf8, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                throw new JsonException("Empty line in a record file.");
            }

            yield return JsonSerializer.Deserialize<T>(line, BackupJson.Records) ?? throw new JsonException("Null record.");
        }
    }
}
