namespace VoiceMemory.Llm;

/// <summary>A chat model: one link of the reply chain.</summary>
public interface IChatModel
{
    /// <summary>A short name for logs and telemetry (e.g. "primary", "backup").</summary>
    string Name { get; }

    /// <summary>
    /// Completes the prompt. A content-filter refusal returns <see cref="ChatFinish.ContentFilter"/>;
    /// every other failure throws <see cref="ChatModelException"/>.
    /// </summary>
    Task<ChatCompletion> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken);
}
