using System.Buffers.Text;
using System.Globalization;
using System.Text;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Row keys of the turns table (PartitionKey = the encoded user id):
/// <list type="bullet">
/// <item><c>r|{turnId}</c> — the record (point reads);</item>
/// <item><c>l|{inverted ticks}|{inverted turn id}~</c> — a copy for the newest-first listing: inverted creation ticks
/// (19 digits of MaxTicks − ticks) sort the newest first, and the turn id with each character mirrored in the id
/// alphabet then <c>~</c> breaks ties by turn id descending, exactly the self-host's order;</item>
/// <item><c>k|{encoded idempotency key}</c> — the key's turn, written in the same transaction as the turn.</item>
/// </list>
/// Turn ids are <see cref="TurnIds"/> ids ([A-Za-z0-9_-], made by the host), which is what makes them mirrorable.
/// </summary>
internal static class TurnRowKeys
{
    public const string RecordPrefix = "r|";
    public const string ListingPrefix = "l|";
    public const string KeyPrefix = "k|";

    // TurnIds' alphabet in ordinal order: mirroring index i to 63 - i reverses the order of ids.
    private const string Alphabet = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    public static string Record(string turnId) => RecordPrefix + CheckedTurnId(turnId);

    public static string Key(string idempotencyKey) => KeyPrefix + TableKeys.Encode(idempotencyKey, "idempotency key");

    public static string Listing(DateTimeOffset createdAt, string turnId)
    {
        var builder = new StringBuilder(ListingPrefix, 24 + turnId.Length);
        builder.Append((DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)).Append('|');
        foreach (var c in CheckedTurnId(turnId))
        {
            builder.Append(Alphabet[63 - Alphabet.IndexOf(c, StringComparison.Ordinal)]);
        }

        return builder.Append('~').ToString();
    }

    /// <summary>The opaque cursor after a listing row: base64url of the row key without its prefix.</summary>
    public static string Cursor(string listingRowKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(listingRowKey[ListingPrefix.Length..]));

    /// <summary>The listing row key a cursor stands for; a cursor this store did not make is an <see cref="ArgumentException"/> (400).</summary>
    public static string FromCursor(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The paging cursor is not valid.", nameof(cursor), ex);
        }

        var valid = text.Length is > 21 and <= 100
            && text.AsSpan(0, 19).IndexOfAnyExceptInRange('0', '9') < 0
            && text[19] == '|'
            && text[^1] == '~'
            && text[20..^1].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
        return valid ? ListingPrefix + text : throw new ArgumentException("The paging cursor is not valid.", nameof(cursor));
    }

    private static string CheckedTurnId(string turnId) =>
        TurnIds.IsValid(turnId) ? turnId : throw new ArgumentException("A turn id is 1-64 characters of [A-Za-z0-9_-].", nameof(turnId));
}
