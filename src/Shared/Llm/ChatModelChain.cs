namespace VoiceMemory.Llm;

/// <summary>The configured links of the reply chain, in order (primary, then backup). Empty: only the fallback responder answers.</summary>
public sealed class ChatModelChain(IReadOnlyList<IChatModel> links)
{
    /// <summary>The links, primary first.</summary>
    public IReadOnlyList<IChatModel> Links { get; } = links;

    /// <summary>A chain with no LLM configured.</summary>
    public static ChatModelChain Empty { get; } = new([]);
}
