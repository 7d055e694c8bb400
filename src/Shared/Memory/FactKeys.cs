using System.Globalization;
using System.Text;

namespace VoiceMemory.Memory;

/// <summary>
/// Keys of facts that replace older ones (see <see cref="ExtractedFact.Key"/>). Any extractor that wants its facts to
/// supersede the heuristic extractor's (and be answered by the fallback responder) uses these.
/// </summary>
public static class FactKeys
{
    /// <summary>The user's name.</summary>
    public const string Name = "profile.name";

    /// <summary>The user's age.</summary>
    public const string Age = "profile.age";

    /// <summary>Where the user lives or comes from.</summary>
    public const string Home = "profile.home";

    /// <summary>The user's work: what they do or did, or where they work ("I work at the library now" replaces "I work at Tesco").</summary>
    public const string Job = "profile.job";

    /// <summary>The user's birthday; someone else's is <c>event.birthday.{relation}</c>.</summary>
    public const string Birthday = "event.birthday";

    /// <summary>The user's wedding anniversary.</summary>
    public const string Anniversary = "event.anniversary";

    /// <summary>Prefix of favourites: <c>preference.favourite.colour</c>.</summary>
    public const string FavouritePrefix = "preference.favourite.";

    /// <summary>Prefix of likes and dislikes by subject (<c>preference.item.tea</c>), so "I don't like tea any more" replaces "I like tea".</summary>
    public const string PreferenceItemPrefix = "preference.item.";

    /// <summary>Prefix of people and pets by relation: <c>relationship.daughter</c>.</summary>
    public const string RelationshipPrefix = "relationship.";

    /// <summary>The key of a favourite, e.g. <c>Favourite("colour")</c> → <c>preference.favourite.colour</c>.</summary>
    public static string Favourite(string subject) => FavouritePrefix + Slug(subject);

    /// <summary>The key of a like or dislike of <paramref name="subject"/>.</summary>
    public static string PreferenceItem(string subject) => PreferenceItemPrefix + Slug(subject);

    /// <summary>The key of a relation, e.g. <c>Relationship("daughter")</c> → <c>relationship.daughter</c>.</summary>
    public static string Relationship(string relation) => RelationshipPrefix + Slug(relation);

    /// <summary>The key of the birthday of a relation (<c>event.birthday.daughter</c>).</summary>
    public static string BirthdayOf(string relation) => Birthday + "." + Slug(relation);

    /// <summary>Lower-case letters and digits joined by '-', at most 48 characters: stable across spelling of spaces and case.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, 48));
        var dash = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                dash = false;
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                if (builder.Length >= 48)
                {
                    break;
                }
            }
            else if (c != '\'')
            {
                dash = true;
            }
        }

        return builder.ToString();
    }
}
