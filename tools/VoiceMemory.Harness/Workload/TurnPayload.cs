namespace VoiceMemory.Harness.Workload;

/// <summary>A turn's request body. A typed note has exactly one fact it must leave behind (<see cref="ExpectedFact"/>).</summary>
internal sealed record TurnPayload(PayloadKind Kind, byte[] Body, string ContentType, string? ExpectedFact);
