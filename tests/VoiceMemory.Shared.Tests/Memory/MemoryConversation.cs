using VoiceMemory.Llm;
using VoiceMemory.Memory;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Memory;

/// <summary>
/// One user's turns without an LLM, the way the workflow runs them: the reply from recalled memory first, then what
/// the turn taught upserted by <see cref="FactIdentity"/> (a keyed fact replaces the older one).
/// </summary>
internal sealed class MemoryConversation(string locale)
{
    private const string UserId = "u-conversation";
    private readonly InMemoryMemoryStore _store = new();
    private readonly HeuristicFactExtractor _extractor = new();
    private readonly FallbackResponder _responder = new();
    private int _turn;

    public async Task<string> SayAsync(string text)
    {
        var now = Now.AddMinutes(++_turn);
        var options = Options();
        var recall = new RecallService(_store, new InMemoryTurnStore(), new RecallRanker(options, new FixedClock(now)), options);
        var context = await recall.RecallAsync(UserId, text, $"t{_turn}", CancellationToken.None);
        var reply = _responder.Respond(text, context, locale);
        var learned = await _extractor.ExtractAsync(text, locale, CancellationToken.None);
        if (learned.Count > 0)
        {
            await _store.UpsertFactsAsync(UserId, $"t{_turn}", learned, now, CancellationToken.None);
        }

        return reply;
    }

    public async Task<IReadOnlyList<MemoryFact>> FactsAsync() => await _store.ListFactsAsync(UserId, 100, CancellationToken.None);

    private static DateTimeOffset Now => MemoryTestData.Now;

    private static Microsoft.Extensions.Options.IOptions<VoiceMemory.Configuration.MemoryOptions> Options() => MemoryTestData.Options();
}
