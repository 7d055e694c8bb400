using VoiceMemory.Harness.Client;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>How the server answered one malformed case, judged against the contract.</summary>
internal sealed record CaseVerdict(MalformedCase Case, ApiAnswer Answer)
{
    public string? Code { get; } = Answer.ProblemCode();

    public bool Is4xx => Answer.Status is >= 400 and < 500;

    public bool IsProblemJson => Answer.IsProblem;

    public bool HasKnownCode => Code is not null && KnownCodes.All.Contains(Code);

    /// <summary>The problem's <c>status</c> member repeats the HTTP status.</summary>
    public bool StatusConsistent => Answer.ProblemStatus() == Answer.Status;

    public bool ExpectedCode => (Code is not null && Case.ExpectedCodes.Contains(Code)) || IsKestrelRejection;

    public bool MeetsContract => (Is4xx && IsProblemJson && HasKnownCode && StatusConsistent) || IsKestrelRejection;

    /// <summary>A case the HTTP parser refuses before any application code runs, answered with its bare 400 (see <see cref="MalformedCase.RejectedByKestrel"/>).</summary>
    public bool IsKestrelRejection => Case.RejectedByKestrel && Answer.Status == 400 && !IsProblemJson;

    public string Describe() =>
        $"{Case.Category} / {Case.Name}: {(Answer.Status == 0 ? "no answer (" + Answer.Failure + ")" : Answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))} {Answer.MediaType ?? "-"} code={Code ?? "-"} (expected {string.Join("|", Case.ExpectedCodes)})";
}
