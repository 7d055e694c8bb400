namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>A string or number literal.</summary>
internal sealed record ArmLiteral(object Value) : ArmNode;
