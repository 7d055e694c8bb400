using System.Text;
using System.Xml;

namespace VoiceMemory.Speech.Azure;

/// <summary>Builds the SSML of one reply with an XmlWriter, so the text is escaped and characters XML cannot carry are dropped.</summary>
public static class SsmlDocument
{
    /// <summary>The SSML namespace.</summary>
    public const string Namespace = "http://www.w3.org/2001/10/synthesis";

    /// <summary><c>&lt;speak version="1.0" xml:lang="{locale}"&gt;&lt;voice name="{voice}"&gt;{text}&lt;/voice&gt;&lt;/speak&gt;</c>.</summary>
    public static string Build(string locale, string voice, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false };
        var output = new StringBuilder(text.Length + 200);
        using (var writer = XmlWriter.Create(output, settings))
        {
            writer.WriteStartElement("speak", Namespace);
            writer.WriteAttributeString("version", "1.0");
            writer.WriteAttributeString("xml", "lang", null, locale);
            writer.WriteStartElement("voice", Namespace);
            writer.WriteAttributeString("name", voice);
            writer.WriteString(XmlSafe(text));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return output.ToString();
    }

    private static string XmlSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
