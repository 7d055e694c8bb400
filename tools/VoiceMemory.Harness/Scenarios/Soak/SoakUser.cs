using System.Collections.Concurrent;
using System.Globalization;
using VoiceMemory.Api;
using VoiceMemory.Harness.Audio;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Workload;
using VoiceMemory.Turns;

namespace VoiceMemory.Harness.Scenarios.Soak;

/// <summary>
/// One user of the soak: exactly one request per second (60/min), as a companion app would make them. Every 10th
/// second it submits a turn (3 in 4 typed, 1 in 4 spoken, WAV and MP3 in turn); while a turn is unfinished it polls
/// it; once finished it downloads the spoken reply; the other seconds it lists its turns or reads its memories. Users
/// are spread over the 10 s cycle (user i submits at second i mod 10), as independent people would be. A 429 is
/// honoured: no request until Retry-After has passed.
/// </summary>
internal sealed class SoakUser(int index, string apiKey, ApiClient api, IReadOnlyList<SpokenClip> clips, ConcurrentQueue<SoakSample> samples)
{
    private readonly List<SubmitOutcome> accepted = [];
    private readonly Dictionary<string, TurnStatusBody> finished = new(StringComparer.Ordinal);
    private string? pending;
    private bool audioDue;
    private int submissions;
    private DateTime quietUntil;

    public IReadOnlyList<SubmitOutcome> Accepted => accepted;

    public string? Pending => pending;

    /// <summary>The final status of each turn this user saw finish.</summary>
    public IReadOnlyDictionary<string, TurnStatusBody> Finished => finished;

    public int SkippedTicks { get; private set; }

    public async Task RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(index * 50), cancellationToken);
        var end = DateTime.UtcNow + duration;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (var tick = 0; DateTime.UtcNow < end; tick++)
        {
            if (DateTime.UtcNow < quietUntil)
            {
                SkippedTicks++;
            }
            else
            {
                await ActAsync(tick, cancellationToken);
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    private async Task ActAsync(int tick, CancellationToken cancellationToken)
    {
        if (pending is { } turnId)
        {
            var answer = Record("poll", await api.GetStatusAsync(apiKey, turnId, cancellationToken));
            if (answer.Status == 200 && answer.Json<TurnStatusBody>() is { Status: TurnState.Completed or TurnState.Failed } status)
            {
                finished[turnId] = status;
                pending = null;
                audioDue = status.ReplyAudio is not null;
            }
        }
        else if (audioDue)
        {
            audioDue = false;
            Record("audio", await api.GetAudioAsync(apiKey, accepted[^1].TurnId!, cancellationToken));
        }
        else if ((tick + index) % 10 == 0)
        {
            await SubmitAsync(cancellationToken);
        }
        else if (tick % 2 == 1)
        {
            Record("list", await api.ListTurnsAsync(apiKey, 20, null, cancellationToken));
        }
        else
        {
            Record("memories", await api.GetMemoriesAsync(apiKey, tick % 4 == 0 ? "crate" : null, cancellationToken));
        }
    }

    private async Task SubmitAsync(CancellationToken cancellationToken)
    {
        var k = submissions++;
        // Spoken turns are spread too: a quarter of the users speak in each cycle, not all of them at once.
        var spoken = (k + index) % 4 == 3;
        var payload = !spoken
            ? TurnMix.Typed((index * 100_000) + k)
            : (k + index) % 8 == 3
                ? new TurnPayload(PayloadKind.Wav, clips[k % clips.Count].Wav, "audio/wav", null)
                : new TurnPayload(PayloadKind.Mp3, clips[k % clips.Count].Mp3, "audio/mpeg", null);
        var key = string.Create(CultureInfo.InvariantCulture, $"soak-{index}-{k}");
        var answer = Record(payload.Kind == PayloadKind.Typed ? "submit typed" : "submit spoken", await api.PostTurnAsync(apiKey, key, payload, cancellationToken: cancellationToken));
        if (answer.Status == 202 && answer.Json<TurnAcceptedBody>() is { } body)
        {
            pending = body.TurnId;
            accepted.Add(new SubmitOutcome(key, index, apiKey, payload, SubmitResult.Accepted, body.TurnId, 1, 0, 0, 0, 202, null, answer.Elapsed, null));
        }
    }

    private ApiAnswer Record(string kind, ApiAnswer answer)
    {
        samples.Enqueue(new SoakSample(kind, answer.Status, answer.Elapsed.TotalMilliseconds));
        if (answer.Status == 429)
        {
            quietUntil = DateTime.UtcNow + (answer.RetryAfter ?? TimeSpan.FromSeconds(1));
        }

        return answer;
    }
}
