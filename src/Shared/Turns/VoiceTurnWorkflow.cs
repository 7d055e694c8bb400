namespace VoiceMemory.Turns;

/// <summary>
/// The whole turn orchestration, written once for both hosts: understand → respond → speak → remember.
/// It must stay replay-safe under Durable Functions: no I/O, no clock, no GUIDs or random numbers, no
/// <c>ConfigureAwait(false)</c>, no non-step tasks; everything comes from the request and the step results.
/// </summary>
public static class VoiceTurnWorkflow
{
    /// <summary>Runs one turn. A step that fails for good marks the turn failed through <see cref="ITurnSteps.FailAsync"/>.</summary>
    public static async Task<TurnOutcome> RunAsync(TurnRequest request, ITurnSteps steps)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(steps);

        try
        {
            var understood = await steps.UnderstandAsync(request);

            // Empty speech: the understand step has already completed the turn with reply.source = "none".
            if (understood.Transcript.IsEmpty)
            {
                return TurnOutcome.Completed(request.TurnId, ReplySource.None);
            }

            Reply reply;
            SafetyOutcome safety;
            var timings = new StageTimings(Transcribe: understood.TranscribeMs, Screen: understood.ScreenMs);

            if (understood.CrisisReply is { } crisisReply)
            {
                // Crisis short-circuit: no recall, no LLM; memory keeps only a safety event.
                reply = crisisReply;
                safety = new SafetyOutcome(true, understood.Verdict.Category, SafetyAction.CrisisReply);
            }
            else
            {
                var responded = await steps.RespondAsync(new RespondInput(request, understood.Transcript, understood.Verdict));
                reply = responded.Reply;
                safety = responded.Safety;
                timings = timings with
                {
                    Screen = understood.ScreenMs + responded.ScreenMs,
                    Recall = responded.RecallMs,
                    Reply = responded.ReplyMs,
                };
            }

            var spoken = await steps.SpeakAsync(new SpeakInput(request, reply));
            timings = timings with { Speak = spoken.SpeakMs };

            await steps.RememberAsync(new RememberInput(request, understood.Transcript, reply, safety, spoken.ReplyAudio, timings));
            return TurnOutcome.Completed(request.TurnId, reply.Source);
        }
        catch (TurnStepFailedException failure)
        {
            var error = new TurnError(failure.Code, failure.Message);
            await steps.FailAsync(new TurnFailure(request, error.Code, error.Message));
            return TurnOutcome.Failed(request.TurnId, error);
        }
    }
}
