using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using VoiceMemory.Http;
using VoiceMemory.Safety;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>
/// One link of the reply chain over an OpenAI-compatible chat completions endpoint (Azure OpenAI v1 or any other), through
/// a Microsoft.Extensions.AI <see cref="IChatClient"/> (the OpenAI SDK's chat client wrapped with OpenTelemetry GenAI
/// instrumentation: spans and <c>gen_ai.client.token.usage</c> under the <c>VoiceMemory</c> source and meter).
/// A content-filter refusal — <c>finish_reason: content_filter</c>, or HTTP 400 with error code <c>content_filter</c> —
/// returns <see cref="ChatFinish.ContentFilter"/>; every other failure throws <see cref="ChatModelException"/>
/// (throttled with its Retry-After, timeout, unavailable, unauthorized, bad request, bad response, circuit open).
/// </summary>
public sealed partial class OpenAiChatModel(string name, IChatClient client, string model, ProviderChannel channel, ILogger<OpenAiChatModel> logger) : IChatModel
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public async Task<ChatCompletion> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var messages = prompt.Messages.Select(ToMessage).ToList();
        var options = new ChatOptions { MaxOutputTokens = prompt.MaxOutputTokens, Temperature = prompt.Temperature };
        if (prompt.JudgeRisk)
        {
            // The second opinion on risk rides in the reply call: strict structured output {risk, reply}, OpenAI's own
            // option handed over as the raw representation (as the fact extractor does).
            options.RawRepresentationFactory = _ => new OpenAI.Chat.ChatCompletionOptions
            {
                ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(ModelRisk.SchemaName, ModelRisk.Schema, jsonSchemaIsStrict: true),
            };
        }

        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(messages, options, cancellationToken);
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

        var answeredBy = string.IsNullOrEmpty(response.ModelId) ? model : response.ModelId;
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            LogContentFilter(logger, name, "completion");
            return new ChatCompletion(string.Empty, ChatFinish.ContentFilter, answeredBy);
        }

        var text = response.Text.Trim();
        if (text.Length == 0)
        {
            channel.RecordFailure(ErrorCodes.ProviderBadResponse);
            LogFailed(logger, name, nameof(ChatFailure.BadResponse), 200);
            throw new ChatModelException(ChatFailure.BadResponse, $"The {name} chat model returned no text (finish reason {response.FinishReason}).");
        }

        var finish = response.FinishReason == ChatFinishReason.Length ? ChatFinish.Length : ChatFinish.Stop;
        if (!prompt.JudgeRisk)
        {
            return new ChatCompletion(text, finish, answeredBy);
        }

        if (ModelRisk.Parse(text) is { } judged)
        {
            return new ChatCompletion(judged.Reply, finish, answeredBy, judged.Risk);
        }

        // No usable judgement is no opinion, never a failed turn: prose is still a reply; broken JSON must not be spoken,
        // so this link failed and the next one (or the fallback responder) answers.
        LogUnjudged(logger, name);
        if (ModelRisk.LooksStructured(text))
        {
            throw new ChatModelException(ChatFailure.BadResponse, $"The {name} chat model returned a structured reply that could not be read.");
        }

        return new ChatCompletion(text, finish, answeredBy);
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
        PromptRole.System => new ChatMessage(ChatRole.System, message.Content),
        PromptRole.Assistant => new ChatMessage(ChatRole.Assistant, message.Content),
        _ => new ChatMessage(ChatRole.User, message.Content),
    };

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Chat model {Model} gave no usable risk judgement with its reply")]
    private static partial void LogUnjudged(ILogger logger, string model);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Chat model {Model} refused by the content filter ({Where})")]
    private static partial void LogContentFilter(ILogger logger, string model, string where);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Chat model {Model} failed: {Failure} (HTTP {Status})")]
    private static partial void LogFailed(ILogger logger, string model, string failure, int status);
}
