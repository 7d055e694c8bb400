using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Client;

/// <summary>One logical submission (one Idempotency-Key) and everything that happened to it on the client.</summary>
internal sealed record SubmitOutcome(
    string IdempotencyKey,
    int User,
    string ApiKey,
    TurnPayload Payload,
    SubmitResult Result,
    string? TurnId,
    int Attempts,
    int RateLimited,
    int NoAnswers,
    int ServerErrors,
    int FinalStatus,
    string? FinalCode,
    TimeSpan AcceptLatency,
    bool? SecondDeliverySameTurn);
