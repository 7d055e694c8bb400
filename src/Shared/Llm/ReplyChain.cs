using Microsoft.Extensions.Logging;
using VoiceMemory.Memory;
using VoiceMemory.Telemetry;
using VoiceMemory.Turns;

namespace VoiceMemory.Llm;

/// <summary>
/// Primary LLM → backup LLM → fallback responder. Throttling, timeouts, outages and "no LLM configured" fall
/// through to the next link; a content-filter refusal stops the chain as a safety outcome.
/// </summary>
public sealed partial class ReplyChain(ChatModelChain chain, PromptBuilder prompts, FallbackResponder fallback, ILogger<ReplyChain> logger)
{
    /// <summary>Answers <paramref name="userText"/> with what recall found.</summary>
    public async Task<ChainReply> ReplyAsync(string turnId, string userText, MemoryContext memory, string locale, CancellationToken cancellationToken)
    {
        var reason = "not_configured";
        if (chain.Links.Count > 0)
        {
            var prompt = prompts.Build(userText, memory, locale);
            foreach (var link in chain.Links)
            {
                try
                {
                    var completion = await link.CompleteAsync(prompt, cancellationToken);
                    if (completion.Finish == ChatFinish.ContentFilter)
                    {
                        LogRefused(turnId, link.Name);
                        return new ChainReply(new Reply(string.Empty, ReplySource.Safety), null, ContentFiltered: true);
                    }

                    if (!string.IsNullOrWhiteSpace(completion.Text))
                    {
                        return new ChainReply(new Reply(completion.Text.Trim(), ReplySource.Llm), null, ContentFiltered: false, completion.Risk);
                    }

                    reason = "empty_reply";
                    LogLinkFailed(turnId, link.Name, reason);
                }
                catch (ChatModelException failure)
                {
                    // A known failure of this link: the next link (or the fallback responder) answers.
                    reason = failure.Reason;
                    LogLinkFailed(turnId, link.Name, reason);
                }
            }
        }

        VoiceMemoryTelemetry.FallbackReplies.Add(1, new KeyValuePair<string, object?>("reason", reason));
        return new ChainReply(new Reply(fallback.Respond(userText, memory, locale), ReplySource.Fallback), reason, ContentFiltered: false);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Turn {TurnId}: chat model {Link} failed ({Reason}); trying the next link")]
    private partial void LogLinkFailed(string turnId, string link, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Turn {TurnId}: chat model {Link} refused by its content filter")]
    private partial void LogRefused(string turnId, string link);
}
