using System.ClientModel.Primitives;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>Sends requests without credentials: for OpenAI-compatible servers that need none (a local model server).</summary>
public sealed class NoAuthenticationPolicy : AuthenticationPolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline[currentIndex + 1].Process(message, pipeline, currentIndex + 1);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline[currentIndex + 1].ProcessAsync(message, pipeline, currentIndex + 1);
    }
}
