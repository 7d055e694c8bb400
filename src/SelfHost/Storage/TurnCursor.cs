using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// The opaque paging cursor of <see cref="SqliteTurnStore"/>: base64url of "{createdAtUtcTicks}:{turnId}", the
/// position of the last turn of the previous page in (created_at DESC, turn_id DESC) order.
/// </summary>
internal static class TurnCursor
{
    public static string Encode(DateTimeOffset createdAt, string turnId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{createdAt.UtcTicks}:{turnId}")));

    /// <summary>Decodes a cursor; a cursor this store did not make is an <see cref="ArgumentException"/> (the API's 400).</summary>
    public static (DateTimeOffset CreatedAt, string TurnId) Decode(string cursor)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The paging cursor is not valid.", nameof(cursor), ex);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || colon == text.Length - 1
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException("The paging cursor is not valid.", nameof(cursor));
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), text[(colon + 1)..]);
    }
}
