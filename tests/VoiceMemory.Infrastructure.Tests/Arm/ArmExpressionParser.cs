using System.Globalization;
using System.Text;

namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>Parses the ARM template expression language (the text between the outer brackets) into a small tree.</summary>
internal static class ArmExpressionParser
{
    public static ArmNode Parse(string text)
    {
        var position = 0;
        var node = ParsePostfix(text, ref position);
        SkipSpace(text, ref position);
        if (position != text.Length)
        {
            throw new FormatException($"Unexpected '{text[position..]}' in ARM expression [{text}].");
        }

        return node;
    }

    private static ArmNode ParsePostfix(string text, ref int position)
    {
        var node = ParsePrimary(text, ref position);
        while (true)
        {
            SkipSpace(text, ref position);
            if (position < text.Length && text[position] == '.')
            {
                position++;
                node = new ArmMember(node, ReadIdentifier(text, ref position));
            }
            else if (position < text.Length && text[position] == '[')
            {
                position++;
                var index = ParsePostfix(text, ref position);
                Expect(text, ref position, ']');
                node = new ArmIndex(node, index);
            }
            else
            {
                return node;
            }
        }
    }

    private static ArmNode ParsePrimary(string text, ref int position)
    {
        SkipSpace(text, ref position);
        if (position >= text.Length)
        {
            throw new FormatException($"ARM expression ends early: [{text}].");
        }

        var c = text[position];
        if (c == '\'')
        {
            return new ArmLiteral(ReadString(text, ref position));
        }

        if (char.IsAsciiDigit(c) || c == '-')
        {
            var start = position++;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            var number = text[start..position];
            return number.Contains('.', StringComparison.Ordinal)
                ? new ArmLiteral(double.Parse(number, CultureInfo.InvariantCulture))
                : new ArmLiteral(long.Parse(number, CultureInfo.InvariantCulture));
        }

        var name = ReadIdentifier(text, ref position);
        Expect(text, ref position, '(');
        var arguments = new List<ArmNode>();
        SkipSpace(text, ref position);
        if (text[position] == ')')
        {
            position++;
            return new ArmCall(name, arguments);
        }

        while (true)
        {
            arguments.Add(ParsePostfix(text, ref position));
            SkipSpace(text, ref position);
            if (text[position] == ',')
            {
                position++;
                continue;
            }

            Expect(text, ref position, ')');
            return new ArmCall(name, arguments);
        }
    }

    private static string ReadString(string text, ref int position)
    {
        var builder = new StringBuilder();
        position++;
        while (true)
        {
            if (position >= text.Length)
            {
                throw new FormatException($"Unterminated string in ARM expression [{text}].");
            }

            if (text[position] == '\'')
            {
                if (position + 1 < text.Length && text[position + 1] == '\'')
                {
                    builder.Append('\'');
                    position += 2;
                    continue;
                }

                position++;
                return builder.ToString();
            }

            builder.Append(text[position++]);
        }
    }

    private static string ReadIdentifier(string text, ref int position)
    {
        SkipSpace(text, ref position);
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '$' or '#'))
        {
            position++;
        }

        if (start == position)
        {
            throw new FormatException($"Expected a name at {position} in ARM expression [{text}].");
        }

        return text[start..position];
    }

    private static void Expect(string text, ref int position, char expected)
    {
        SkipSpace(text, ref position);
        if (position >= text.Length || text[position] != expected)
        {
            throw new FormatException($"Expected '{expected}' at {position} in ARM expression [{text}].");
        }

        position++;
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
