namespace VoiceMemory.Llm;

/// <summary>
/// A question understood by the fallback responder. <see cref="Subject"/> narrows it: the relation key
/// (<c>daughter</c>), the favourite (<c>colour</c>), or the thing asked about ("do I like tea?" → <c>tea</c>).
/// </summary>
internal readonly record struct FallbackQuestion(FallbackIntent Intent, string? Subject = null);
