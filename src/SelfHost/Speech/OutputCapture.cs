using System.Text;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Reads a child's output to the end (so the child never blocks on a full pipe) while keeping at most a fixed
/// number of characters: the head for results, the tail for error output where the cause is usually last.
/// </summary>
internal static class OutputCapture
{
    private const int BufferChars = 4096;

    public static async Task<string> ReadHeadAsync(StreamReader reader, int maxChars, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[BufferChars];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            var room = maxChars - text.Length;
            if (room > 0)
            {
                text.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return text.ToString();
    }

    public static async Task<string> ReadTailAsync(StreamReader reader, int maxChars, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[BufferChars];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            // Trim in batches rather than per read to keep this linear.
            if (text.Length > 2 * maxChars)
            {
                text.Remove(0, text.Length - maxChars);
            }
        }

        if (text.Length > maxChars)
        {
            text.Remove(0, text.Length - maxChars);
        }

        return text.ToString();
    }
}
