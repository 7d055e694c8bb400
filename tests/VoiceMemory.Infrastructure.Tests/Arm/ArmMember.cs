namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>A property access: target.name.</summary>
internal sealed record ArmMember(ArmNode Target, string Name) : ArmNode;
