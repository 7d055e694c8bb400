using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VoiceMemory.Memory;

/// <summary>
/// Deterministic fact ids: a keyed fact's id comes from its key, an unkeyed fact's from its normalised text,
/// so writing the same fact twice (a retried remember step) upserts one row.
/// </summary>
public static class FactIdentity
{
    /// <summary>The id of a fact of <paramref name="userId"/>.</summary>
    public static string IdFor(string userId, ExtractedFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var basis = fact.Key is { Length: > 0 } key ? "key:" + key : "text:" + Normalize(fact.Text);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(userId + "\n" + basis));
        return "f_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    /// <summary>Lower-cased, whitespace-folded, trailing punctuation trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString().TrimEnd('.', '!', '?', '。', '！', '？', ' ');
    }
}
