using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using VoiceMemory.Http;
using VoiceMemory.Llm.OpenAi;

namespace VoiceMemory.Memory;

/// <summary>
/// Extracts facts with the LLM's structured output (a strict JSON schema, see <see cref="LlmFactOutput"/>). When the LLM
/// is unavailable, refuses, or returns output that does not validate, the <paramref name="fallback"/> (the heuristic
/// extractor) answers instead, so the remember step never fails because of the LLM.
/// </summary>
public sealed partial class LlmFactExtractor(
    ChatClient client,
    IFactExtractor fallback,
    ProviderChannel channel,
    ILogger<LlmFactExtractor> logger,
    int maxOutputTokens = 400) : IFactExtractor
{
    private const string Instructions =
        "You extract durable facts about the user from what they just said to a voice companion. "
        + "Keep only facts worth remembering for later conversations: who they are (profile), likes and dislikes (preference), "
        + "health conditions, allergies and medication (health), people in their life (relationship), dated or upcoming happenings (event), "
        + "other lasting details (note). Ignore small talk, questions and anything about the assistant. "
        + "Write each fact as one short third-person sentence about the user in the user's language, the way the memory shows it: "
        + "'The user's name is Ana.', 'The user is allergic to peanuts.', '用户叫小明。' "
        + "Use a key only for single-valued facts that replace older ones: profile.name, profile.age, profile.home, profile.job (work or workplace), event.birthday, "
        + "event.anniversary, preference.favourite.<thing> (e.g. preference.favourite.colour), preference.item.<thing> for a like or "
        + "dislike of one thing (e.g. preference.item.tea), relationship.<relation> (e.g. relationship.daughter); otherwise key is null. "
        + "Return {\"facts\":[]} when there is nothing to remember.";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExtractedFact>> ExtractAsync(string text, string locale, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("remembered_facts", LlmFactOutput.Schema, jsonSchemaIsStrict: true),
            // No temperature: reasoning deployments reject one, and the strict schema already constrains the output.
            MaxOutputTokenCount = maxOutputTokens,
        };
        ChatMessage[] messages = [new SystemChatMessage(Instructions + " The user's locale is " + locale + "."), new UserChatMessage(text)];
        OpenAI.Chat.ChatCompletion completion;
        try
        {
            completion = (await client.CompleteChatAsync(messages, options, cancellationToken)).Value;
        }
        catch (Exception e) when (OpenAiErrors.IsContentFilterRefusal(e))
        {
            return await FallBackAsync("content_filter", text, locale, cancellationToken);
        }
        catch (Exception e) when (OpenAiErrors.Classify(e, channel.Name, channel.TimeProvider, cancellationToken) is { } failure)
        {
            return await FallBackAsync(failure.Code, text, locale, cancellationToken);
        }

        if (completion.FinishReason != ChatFinishReason.Stop)
        {
            return await FallBackAsync("finish_" + completion.FinishReason.ToString().ToLowerInvariant(), text, locale, cancellationToken);
        }

        var json = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (LlmFactOutput.Parse(json) is not { } facts)
        {
            return await FallBackAsync("invalid_output", text, locale, cancellationToken);
        }

        LogExtracted(logger, facts.Count);
        return facts;
    }

    private async Task<IReadOnlyList<ExtractedFact>> FallBackAsync(string reason, string text, string locale, CancellationToken cancellationToken)
    {
        LogFallback(logger, reason);
        return await fallback.ExtractAsync(text, locale, cancellationToken);
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "LLM fact extraction found {Count} facts")]
    private static partial void LogExtracted(ILogger logger, int count);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "LLM fact extraction fell back to the heuristic extractor: {Reason}")]
    private static partial void LogFallback(ILogger logger, string reason);
}
