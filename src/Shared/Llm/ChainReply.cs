using VoiceMemory.Turns;

namespace VoiceMemory.Llm;

/// <summary>
/// What the reply chain produced. <see cref="FallbackReason"/> is set when the fallback responder answered;
/// <see cref="ContentFiltered"/> when a model's content filter refused (the reply must then be replaced);
/// <see cref="Risk"/> the answering model's risk judgement of the user's words (a crisis category), if it gave one.
/// </summary>
public sealed record ChainReply(Reply Reply, string? FallbackReason, bool ContentFiltered, string? Risk = null);
