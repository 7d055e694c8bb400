namespace VoiceMemory.Testing;

/// <summary>Awaits a condition that another thread will make true.</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what + ".");
            }

            await Task.Delay(5);
        }
    }
}
