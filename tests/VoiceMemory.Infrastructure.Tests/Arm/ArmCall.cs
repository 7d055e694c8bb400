namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>A function call, e.g. format(...), parameters(...).</summary>
internal sealed record ArmCall(string Name, IReadOnlyList<ArmNode> Arguments) : ArmNode;
