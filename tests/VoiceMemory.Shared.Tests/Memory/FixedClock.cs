namespace VoiceMemory.Tests.Memory;

/// <summary>A clock that says what the test says.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
