using VoiceMemory.Turns;

namespace VoiceMemory.Llm;

/// <summary>
/// What the reply chain produced. <see cref="FallbackReason"/> is set when the fallback responder answered;
/// <see cref="ContentFiltered"/> when a model's content filter refused (the reply must then be replaced).
/// </summary>
public sealed record ChainReply(Reply Reply, string? FallbackReason, bool ContentFiltered);
