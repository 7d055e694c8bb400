using VoiceMemory.Harness.Reporting;

namespace VoiceMemory.Harness.Scenarios;

/// <summary>One harness scenario: starts its own server on a fresh data root and returns its summary.</summary>
internal interface IScenario
{
    string Name { get; }

    Task<Summary> RunAsync(HarnessContext context, CancellationToken cancellationToken);
}
