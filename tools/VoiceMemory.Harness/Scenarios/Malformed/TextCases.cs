using System.Text;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Typed turns that are not valid UTF-8, or are empty once cleaned (15 cases).</summary>
internal static class TextCases
{
    private const string Category = "broken UTF-8 / empty text";
    private const string Utf8 = "text/plain; charset=utf-8";

    public static IEnumerable<MalformedCase> Create()
    {
        var invalid = new (string Name, byte[] Bytes)[]
        {
            ("lone 0xFF", [0xFF]),
            ("overlong NUL (C0 80)", [0xC0, 0x80]),
            ("lone continuation byte", [0x80]),
            ("truncated 3-byte sequence", [.. "hello "u8, 0xE2, 0x82]),
            ("UTF-16 surrogate encoded (ED A0 80)", [.. "I am "u8, 0xED, 0xA0, 0x80]),
            ("5-byte sequence", [0xF8, 0x88, 0x80, 0x80, 0x80]),
            ("0xFE after text", [.. "abc"u8, 0xFE]),
            ("truncated 4-byte emoji", [.. "I am happy "u8, 0xF0, 0x9F, 0x98]),
            ("C3 followed by ASCII", [0xC3, 0x28]),
            ("BOM then 0xFF", [0xEF, 0xBB, 0xBF, 0xFF]),
            ("code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("overlong slash (C1 BF)", [.. "Hello"u8, 0xC1, 0xBF]),
        };
        foreach (var (name, bytes) in invalid)
        {
            yield return MalformedCase.Post(Category, "invalid UTF-8: " + name, bytes, Utf8, "invalid_text");
        }

        yield return MalformedCase.Post(Category, "empty typed turn", [], Utf8, "empty_text");
        yield return MalformedCase.Post(Category, "whitespace only", Encoding.UTF8.GetBytes("  \r\n\t  "), Utf8, "empty_text");
        yield return MalformedCase.Post(Category, "control characters only", [0x01, 0x02, 0x03, 0x1B], Utf8, "empty_text");
    }
}
