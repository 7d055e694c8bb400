using System.Text.RegularExpressions;
using Microsoft.DurableTask;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// How an activity's failure crosses the Durable boundary: the activity throws <see cref="TransientStepException"/> or
/// <see cref="PermanentStepException"/> with the message <c>[code] detail</c>; the orchestrator sees only
/// <see cref="TaskFailureDetails"/> (type name and message, never the exception object) and reads both back from it.
/// The whole failure chain is searched, because the isolated worker may wrap the activity's exception in its own.
/// </summary>
internal static partial class StepFailure
{
    /// <summary>The exception an activity throws for <paramref name="code"/>.</summary>
    public static Exception ToException(string code, string message, bool transient, Exception? inner) =>
        transient ? new TransientStepException(Format(code, message), inner) : new PermanentStepException(Format(code, message), inner);

    /// <summary>True when the failure is one of ours and marked transient (the only failures a retry policy retries).</summary>
    public static bool IsTransient(TaskFailureDetails? failure) =>
        Find(failure) is { } ours && ours.ErrorType == typeof(TransientStepException).FullName;

    /// <summary>The stable code and detail of a failure; anything not ours is <c>step_failed</c> with a generic detail.</summary>
    public static (string Code, string Message) Read(TaskFailureDetails? failure, string step)
    {
        if (Find(failure) is { } ours && Pattern().Match(ours.ErrorMessage) is { Success: true } match)
        {
            return (match.Groups["code"].Value, match.Groups["detail"].Value);
        }

        return (ErrorCodes.StepFailed, $"The {step} step failed unexpectedly.");
    }

    private static string Format(string code, string message) => $"[{code}] {message}";

    private static TaskFailureDetails? Find(TaskFailureDetails? failure)
    {
        for (var current = failure; current is not null; current = current.InnerFailure)
        {
            if (current.ErrorType == typeof(TransientStepException).FullName || current.ErrorType == typeof(PermanentStepException).FullName)
            {
                return current;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\[(?<code>[a-z_]{1,64})\] (?<detail>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
