namespace VoiceMemory.Functions.Tests.Support;

/// <summary>Waits for an asynchronous condition (no fixed sleeps where a condition can be awaited).</summary>
internal static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeoutSeconds} s waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
