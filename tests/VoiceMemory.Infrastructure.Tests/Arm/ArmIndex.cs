namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>An index access: target[index].</summary>
internal sealed record ArmIndex(ArmNode Target, ArmNode Index) : ArmNode;
