using System.Globalization;
using System.Text;
using VoiceMemory.Api;

namespace VoiceMemory.Functions.Http;

/// <summary>
/// Reads request bodies with their limits enforced while reading (an oversized body is refused without being held
/// whole): audio into a seekable buffer so its bytes are validated before anything is stored, typed text as strict UTF-8.
/// </summary>
public static class RequestBodies
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as a seekable stream of at most <paramref name="maxBytes"/>; <c>audio_too_large</c> beyond.</summary>
    public static async Task<MemoryStream> ReadAudioAsync(Stream body, long? declaredLength, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new MemoryStream(declaredLength is > 0 and var length ? (int)length : 0);
        await CopyLimitedAsync(body, buffer, maxBytes, () => TooLarge(maxBytes), cancellationToken);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>The body as UTF-8 text of at most <paramref name="maxBytes"/>; <c>text_too_long</c> beyond, <c>invalid_text</c> when not UTF-8.</summary>
    public static async Task<string> ReadTextAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        await CopyLimitedAsync(body, buffer, maxBytes, () => new ApiProblem(ErrorCodes.TextTooLong, "The typed turn is too long."), cancellationToken);
        try
        {
            return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new ApiProblem(ErrorCodes.InvalidText, "The text is not valid UTF-8.");
        }
    }

    /// <summary>A <c>limit</c> query value: absent → null; otherwise a whole number or <c>invalid_request</c>.</summary>
    public static int? ParseLimit(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ApiProblem(ErrorCodes.InvalidRequest, "limit must be a whole number.");
    }

    private static async Task CopyLimitedAsync(Stream body, MemoryStream target, long maxBytes, Func<ApiProblem> tooLarge, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > maxBytes)
            {
                throw tooLarge();
            }

            target.Write(chunk, 0, read);
        }
    }

    private static ApiProblem TooLarge(long maxBytes) => new(ErrorCodes.AudioTooLarge, $"Audio may be at most {maxBytes} bytes.");
}
