using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using VoiceMemory.Http;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>
/// One link of the reply chain over an OpenAI-compatible chat completions endpoint (Azure OpenAI v1 or any other).
/// A content-filter refusal — <c>finish_reason: content_filter</c>, or HTTP 400 with error code <c>content_filter</c> —
/// returns <see cref="ChatFinish.ContentFilter"/>; every other failure throws <see cref="ChatModelException"/>
/// (throttled with its Retry-After, timeout, unavailable, unauthorized, bad request, bad response, circuit open).
/// </summary>
public sealed partial class OpenAiChatModel(string name, ChatClient client, string model, ProviderChannel channel, ILogger<OpenAiChatModel> logger) : IChatModel
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public async Task<ChatCompletion> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var messages = prompt.Messages.Select(ToMessage).ToList();
        var options = new ChatCompletionOptions { MaxOutputTokenCount = prompt.MaxOutputTokens, Temperature = prompt.Temperature };
        OpenAI.Chat.ChatCompletion completion;
        try
        {
            completion = (await client.CompleteChatAsync(messages, options, cancellationToken)).Value;
        }
        catch (Exception e) when (OpenAiErrors.IsContentFilterRefusal(e))
        {
            LogContentFilter(logger, name, "prompt");
            return new ChatCompletion(string.Empty, ChatFinish.ContentFilter, model);
        }
        catch (Exception e) when (OpenAiErrors.Classify(e, channel.Name, channel.TimeProvider, cancellationToken) is { } failure)
        {
            if (failure.Code == ErrorCodes.ProviderBadResponse)
            {
                channel.RecordFailure(failure.Code);
            }

            var chatFailure = FailureOf(failure);
            LogFailed(logger, name, chatFailure.ToString(), (int?)failure.StatusCode ?? 0);
            throw new ChatModelException(chatFailure, $"The {name} chat model failed: {failure.Message}", failure, failure.RetryAfter);
        }

        RecordUsage(completion);
        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            LogContentFilter(logger, name, "completion");
            return new ChatCompletion(string.Empty, ChatFinish.ContentFilter, completion.Model ?? model);
        }

        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)).Trim();
        if (text.Length == 0)
        {
            channel.RecordFailure(ErrorCodes.ProviderBadResponse);
            LogFailed(logger, name, nameof(ChatFailure.BadResponse), 200);
            throw new ChatModelException(ChatFailure.BadResponse, $"The {name} chat model returned no text (finish reason {completion.FinishReason}).");
        }

        var finish = completion.FinishReason == ChatFinishReason.Length ? ChatFinish.Length : ChatFinish.Stop;
        return new ChatCompletion(text, finish, string.IsNullOrEmpty(completion.Model) ? model : completion.Model);
    }

    private void RecordUsage(OpenAI.Chat.ChatCompletion completion)
    {
        if (completion.Usage is not { } usage)
        {
            return;
        }

        var responseModel = string.IsNullOrEmpty(completion.Model) ? model : completion.Model;
        Record(usage.InputTokenCount, "input");
        Record(usage.OutputTokenCount, "output");

        void Record(int tokens, string type) => VoiceMemoryTelemetry.TokenUsage.Record(
            tokens,
            new KeyValuePair<string, object?>("gen_ai.operation.name", "chat"),
            new KeyValuePair<string, object?>("gen_ai.provider.name", "openai"),
            new KeyValuePair<string, object?>("gen_ai.request.model", model),
            new KeyValuePair<string, object?>("gen_ai.response.model", responseModel),
            new KeyValuePair<string, object?>("gen_ai.token.type", type));
    }

    /// <summary>The reply-chain failure of a provider failure.</summary>
    public static ChatFailure FailureOf(ProviderException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.CircuitOpen)
        {
            return ChatFailure.CircuitOpen;
        }

        return failure.Code switch
        {
            ErrorCodes.ProviderThrottled => ChatFailure.Throttled,
            ErrorCodes.ProviderTimeout => ChatFailure.Timeout,
            ErrorCodes.ProviderUnauthorized => ChatFailure.Unauthorized,
            ErrorCodes.ProviderRejected => ChatFailure.BadRequest,
            ErrorCodes.ProviderBadResponse => ChatFailure.BadResponse,
            _ => ChatFailure.Unavailable,
        };
    }

    private static ChatMessage ToMessage(PromptMessage message) => message.Role switch
    {
        PromptRole.System => new SystemChatMessage(message.Content),
        PromptRole.Assistant => new AssistantChatMessage(message.Content),
        _ => new UserChatMessage(message.Content),
    };

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Chat model {Model} refused by the content filter ({Where})")]
    private static partial void LogContentFilter(ILogger logger, string model, string where);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Chat model {Model} failed: {Failure} (HTTP {Status})")]
    private static partial void LogFailed(ILogger logger, string model, string failure, int status);
}
