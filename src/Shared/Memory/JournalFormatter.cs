using System.Globalization;
using System.Text;
using VoiceMemory.Turns;

namespace VoiceMemory.Memory;

/// <summary>
/// The Markdown of the journal: one file per user per day, starting with <see cref="DayHeader"/>, then one
/// <see cref="Entry"/> per turn. Neither ends with a line break; a day is the header, a blank line, and the entries
/// one per line. Everything the user or a model wrote is escaped onto one line, so it can never open a heading, a
/// list, a link or an HTML comment of its own.
/// </summary>
public static class JournalFormatter
{
    // A spoken turn is far shorter; this bounds a pasted typed turn.
    private const int MaxTextChars = 2000;

    /// <summary>The first line of a day's journal: <c># Journal — 2026-11-22</c>.</summary>
    public static string DayHeader(string userId, DateOnly day)
    {
        // The user id stays out of the file: the journal is exported to people, and the path already names the user.
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return "# Journal — " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One turn as a Markdown list item: the time (HH:mm UTC), what the user said, what the companion replied and
    /// the facts learned as a nested list. A crisis turn records only that crisis support was offered — never the
    /// user's words, the reply or any fact.
    /// </summary>
    public static string Entry(DateTimeOffset at, string? userText, Reply reply, SafetyOutcome safety, IReadOnlyList<ExtractedFact> facts, string locale)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(safety);
        ArgumentNullException.ThrowIfNull(facts);
        var chinese = Locales.IsChineseLocale(locale);
        var time = "**" + at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC**";

        if (safety.Action == SafetyAction.CrisisReply)
        {
            var category = string.IsNullOrWhiteSpace(safety.Category) ? (chinese ? "未分类" : "unspecified") : Escape(safety.Category);
            return chinese
                ? $"- {time} — 安全事件：已提供危机支持（{category}）"
                : $"- {time} — Safety event: crisis support offered ({category})";
        }

        var builder = new StringBuilder();
        builder.Append("- ").Append(time);
        var said = Escape(userText);
        builder.Append("\n  - **").Append(chinese ? "用户：" : "User:").Append("** ")
            .Append(said.Length > 0 ? said : chinese ? "_（没有听到话语）_" : "_(no words heard)_");

        var replied = Escape(reply.Text);
        if (replied.Length > 0)
        {
            builder.Append("\n  - **").Append(chinese ? "陪伴：" : "Companion:").Append("** ").Append(replied);
            if (safety.Action == SafetyAction.Replaced)
            {
                builder.Append(chinese ? " _（出于安全考虑替换了回复）_" : " _(reply replaced for safety)_");
            }
        }

        var learned = facts.Select(f => Escape(f.Text)).Where(t => t.Length > 0).ToList();
        if (learned.Count > 0)
        {
            builder.Append("\n  - **").Append(chinese ? "记住了：" : "Learned:").Append("**");
            foreach (var fact in learned)
            {
                builder.Append("\n    - ").Append(fact);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Folds <paramref name="text"/> onto one line and backslash-escapes the characters that could start Markdown
    /// or HTML (emphasis, code, links, images, headings, tags and comments, tables, entities).
    /// </summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var source = text.Length > MaxTextChars ? text[..MaxTextChars] + "…" : text;
        var builder = new StringBuilder(source.Length + 16);
        var space = false;
        foreach (var c in source)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '!' or '|' or '~' or '&')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        // A leading "-", "+" or "1." would open a list of its own where the text starts a list item (facts).
        if (builder.Length > 0 && builder[0] is '-' or '+' or '=')
        {
            builder.Insert(0, '\\');
        }
        else
        {
            var digits = 0;
            while (digits < builder.Length && char.IsAsciiDigit(builder[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits < builder.Length && builder[digits] is '.' or ')')
            {
                builder.Insert(digits, '\\');
            }
        }

        return builder.ToString();
    }
}
