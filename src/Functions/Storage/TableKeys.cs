using System.Globalization;
using System.Text;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Makes any string usable inside a PartitionKey or RowKey. Table storage forbids <c>/ \ # ?</c> and control characters
/// in keys; <c>|</c> separates the parts of our row keys and <c>%</c> is the escape, so those are escaped too, as
/// <c>%XXXX</c> (the UTF-16 code unit in hex). Every other character stays as it is, so ordinary ids read plainly and
/// the encoding is one-to-one (two different ids never share a key).
/// </summary>
internal static class TableKeys
{
    /// <summary>Key properties may hold 1 KiB; encoded parts are kept well below so a row key can hold two of them.</summary>
    public const int MaxEncodedLength = 400;

    public static string Encode(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length == 0)
        {
            throw new ArgumentException($"The {name} is empty.", name);
        }

        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (NeedsEscape(c))
            {
                builder ??= new StringBuilder(value.Length + 16).Append(value, 0, i);
                builder.Append('%').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }

        var encoded = builder?.ToString() ?? value;
        return encoded.Length <= MaxEncodedLength
            ? encoded
            : throw new ArgumentException($"The {name} is too long for a storage key.", name);
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 4 < encoded.Length && ushort.TryParse(encoded.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                builder.Append((char)unit);
                i += 4;
            }
            else
            {
                builder.Append(encoded[i]);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c);
}
