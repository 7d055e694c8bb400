using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Api;

/// <summary>Reads a caller's turns for the API. Another user's turn is simply not found.</summary>
public sealed class TurnQueries(ITurnStore turns, IAudioStore audio)
{
    /// <summary>Largest page size.</summary>
    public const int MaxPage = 100;

    public async Task<TurnRecord> GetAsync(string userId, string turnId, CancellationToken cancellationToken)
    {
        if (!TurnIds.IsValid(turnId))
        {
            throw ApiProblem.NotFound("The turn");
        }

        return await turns.GetAsync(userId, turnId, cancellationToken) ?? throw ApiProblem.NotFound("The turn");
    }

    public async Task<TurnListBody> ListAsync(string userId, int? limit, string? before, CancellationToken cancellationToken)
    {
        var size = limit ?? 20;
        if (size is < 1 or > MaxPage)
        {
            throw new ApiProblem(ErrorCodes.InvalidRequest, $"limit must be between 1 and {MaxPage}.");
        }

        TurnPage page;
        try
        {
            page = await turns.ListByUserAsync(userId, size, string.IsNullOrEmpty(before) ? null : before, cancellationToken);
        }
        catch (ArgumentException)
        {
            throw new ApiProblem(ErrorCodes.InvalidRequest, "before is not a cursor this API returned.");
        }

        return new TurnListBody(page.Items.Select(TurnStatusBody.From).ToList(), page.Next);
    }

    /// <summary>The spoken reply: either a short-lived URL (cloud storage) or a stream the host sends itself.</summary>
    public async Task<ReplyAudioContent> GetReplyAudioAsync(string userId, string turnId, CancellationToken cancellationToken)
    {
        var turn = await GetAsync(userId, turnId, cancellationToken);
        if (turn.ReplyAudio is not { } reply)
        {
            // A finished turn without audio never gets any (no speech was heard, it failed, or speaking failed):
            // saying "not yet" would make a client poll forever.
            throw new ApiProblem(
                ErrorCodes.NotFound,
                turn.IsFinished
                    ? "This turn has no reply audio: it finished without a spoken reply (see the turn's status, reply and error)."
                    : "The reply has not been spoken yet: poll the turn until it is completed.");
        }

        var url = await audio.GetDownloadUrlAsync(reply.Key, TimeSpan.FromMinutes(5), cancellationToken);
        if (url is not null)
        {
            return new ReplyAudioContent(null, reply.ContentType, url);
        }

        var stream = await audio.OpenReadAsync(reply.Key, cancellationToken)
            ?? throw new ApiProblem(ErrorCodes.NotFound, "The reply audio is no longer stored.");
        return new ReplyAudioContent(stream, reply.ContentType, null);
    }
}
