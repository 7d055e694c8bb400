using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace VoiceMemory.Harness.Client;

/// <summary>
/// HTTP/1.1 over a bare loopback socket, for requests HttpClient will not send as written: literal or encoded
/// dot segments it would normalise, and a Content-Length that lies about the body.
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="requestHead"/> and <paramref name="body"/> while already reading the answer, as curl does:
    /// a server may refuse an oversized body before it has all arrived, and the early answer is what counts.
    /// </summary>
    public static async Task<ApiAnswer> SendAsync(int port, string requestHead, byte[]? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestHead);
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            var reading = ReadResponseAsync(stream, timeout.Token);
            var writing = WriteAsync(stream, Encoding.ASCII.GetBytes(requestHead), body, timeout.Token);
            var response = await reading;
            await writing;
            return Parse(response, stopwatch.Elapsed);
        }
        catch (Exception error) when (error is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ApiAnswer.NoAnswer(stopwatch.Elapsed, error.GetType().Name);
        }
    }

    /// <summary><paramref name="payload"/> in chunked transfer coding (64 KiB chunks).</summary>
    public static byte[] Chunked(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var output = new MemoryStream();
        for (var offset = 0; offset < payload.Length; offset += 65536)
        {
            var size = Math.Min(65536, payload.Length - offset);
            output.Write(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            output.Write(payload, offset, size);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }

    // The server may answer and close before the body is all sent: a failed write after that is expected.
    private static async Task WriteAsync(NetworkStream stream, byte[] head, byte[]? body, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(head, cancellationToken);
            for (var offset = 0; body is not null && offset < body.Length; offset += 65536)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(65536, body.Length - offset)), cancellationToken);
            }
        }
        catch (IOException)
        {
            // Refused mid-upload.
        }
        catch (OperationCanceledException)
        {
            // The answer came (or the time ran out) before the body was all sent.
        }
    }

    // Reads until the response is complete (Content-Length or the last chunk) or the server closes.
    private static async Task<byte[]> ReadResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (IsComplete(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static bool IsComplete(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var head = Encoding.ASCII.GetString(data[..end]);
        var body = data[(end + 4)..];
        if (Header(head, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            return body.EndsWith("0\r\n\r\n"u8);
        }

        return Header(head, "Content-Length") is { } length && long.TryParse(length, CultureInfo.InvariantCulture, out var bytes)
            ? body.Length >= bytes
            : false;
    }

    private static ApiAnswer Parse(byte[] response, TimeSpan elapsed)
    {
        var end = response.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return ApiAnswer.NoAnswer(elapsed, "IncompleteResponse");
        }

        var head = Encoding.ASCII.GetString(response, 0, end);
        var statusLine = head.Split("\r\n")[0].Split(' ');
        var status = statusLine.Length > 1 && int.TryParse(statusLine[1], CultureInfo.InvariantCulture, out var code) ? code : 0;
        var body = response.AsSpan(end + 4).ToArray();
        if (Header(head, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Dechunk(body);
        }

        var mediaType = Header(head, "Content-Type")?.Split(';')[0].Trim();
        return new ApiAnswer(status, mediaType, body, null, elapsed, null);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var size = int.Parse(Encoding.ASCII.GetString(body, position, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position += lineEnd + 2;
            if (size == 0 || position + size > body.Length)
            {
                break;
            }

            output.Write(body, position, size);
            position += size + 2;
        }

        return output.ToArray();
    }

    private static string? Header(string head, string name) =>
        head.Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
}
