namespace VoiceMemory.SelfHost.Storage;

/// <summary>A claimed runner job: the turn, its serialized request, how many attempts already failed, and the lease.</summary>
public sealed record JobLease(string TurnId, string UserId, string RequestJson, int Attempts, string WorkerId, DateTimeOffset LeaseUntil);
