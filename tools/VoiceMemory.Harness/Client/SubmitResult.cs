namespace VoiceMemory.Harness.Client;

/// <summary>How a submission ended on the client.</summary>
internal enum SubmitResult
{
    /// <summary>202: the server accepted the turn.</summary>
    Accepted,

    /// <summary>A final refusal (4xx other than 429, or a 5xx the policy does not retry).</summary>
    Refused,

    /// <summary>The deadline passed without a definite answer.</summary>
    GaveUp,
}
