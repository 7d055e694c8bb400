namespace VoiceMemory.Infrastructure.Tests.Arm;

/// <summary>A node of a parsed ARM expression.</summary>
internal abstract record ArmNode;
