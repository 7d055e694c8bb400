using VoiceMemory.Maintenance;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

/// <summary>A dependency check whose behaviour the test decides.</summary>
internal sealed class FakeCheck(string name, bool critical, Func<CancellationToken, Task<DependencyHealth>> check) : IDependencyCheck
{
    private int calls;

    public FakeCheck(string name, bool critical, HealthState state)
        : this(name, critical, _ => Task.FromResult(new DependencyHealth(state, state.ToString())))
    {
    }

    public string Name => name;

    public bool Critical => critical;

    public int Calls => calls;

    public Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return check(cancellationToken);
    }
}
