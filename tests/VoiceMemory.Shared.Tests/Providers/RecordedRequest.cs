using System.Text;
using Microsoft.AspNetCore.Http;

namespace VoiceMemory.Tests.Providers;

/// <summary>What a loopback server received: method, path, query, headers, body and (for multipart) the form parts.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    IReadOnlyDictionary<string, string> FormFields,
    IReadOnlyList<RecordedFile> FormFiles,
    long ArrivedAt)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<RecordedRequest> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var arrivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy);
        request.Body.Position = 0;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<RecordedFile>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var field in form)
            {
                fields[field.Key] = field.Value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes);
                files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
            }

            request.Body.Position = 0;
        }

        return new RecordedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            copy.ToArray(),
            fields,
            files,
            arrivedAt);
    }
}
