using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using VoiceMemory.Http;
using VoiceMemory.Llm.OpenAi;

namespace VoiceMemory.Memory;

/// <summary>
/// Extracts facts with the LLM's structured output (a strict JSON schema, see <see cref="LlmFactOutput"/>). When the LLM
/// is unavailable, refuses, or returns output that does not validate, the <paramref name="fallback"/> (the heuristic
/// extractor) answers instead, so the remember step never fails because of the LLM.
/// </summary>
public sealed partial class LlmFactExtractor(
    IChatClient client,
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

        var options = new ChatOptions
        {
            // The strict json_schema format is OpenAI's own option: the SDK options are handed to the chat client as the
            // raw representation, which it completes with the portable settings (no temperature: reasoning deployments
            // reject one, and the strict schema already constrains the output).
            RawRepresentationFactory = _ => new OpenAI.Chat.ChatCompletionOptions
            {
                ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat("remembered_facts", LlmFactOutput.Schema, jsonSchemaIsStrict: true),
            },
            MaxOutputTokens = maxOutputTokens,
        };
        ChatMessage[] messages =
        [
            new(ChatRole.System, Instructions + " The user's locale is " + locale + "."),
            new(ChatRole.User, text),
        ];
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (OpenAiErrors.IsContentFilterRefusal(e))
        {
            return await FallBackAsync("content_filter", text, locale, cancellationToken);
        }
        catch (Exception e) when (OpenAiErrors.Classify(e, channel.Name, channel.TimeProvider, cancellationToken) is { } failure)
        {
            return await FallBackAsync(failure.Code, text, locale, cancellationToken);
        }

        if (response.FinishReason != ChatFinishReason.Stop)
        {
            return await FallBackAsync("finish_" + (response.FinishReason?.Value ?? "none"), text, locale, cancellationToken);
        }

        var json = response.Text;
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
