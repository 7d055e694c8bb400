namespace VoiceMemory.Benchmarks;

/// <summary>Progress lines on standard error, so standard output holds only the summary.</summary>
public static class Progress
{
    public static void Report(string line) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
