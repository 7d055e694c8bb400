namespace VoiceMemory.Api;

/// <summary>
/// An error the API answers with: a stable code, a detail safe to show, and optionally a Retry-After.
/// Both hosts render it as RFC 9457 problem+json with <c>status</c>, <c>title</c>, <c>detail</c> and <c>code</c>.
/// </summary>
public sealed class ApiProblem : VoiceMemoryException
{
    public ApiProblem(string code, string detail, TimeSpan? retryAfter = null)
        : base(code, detail)
    {
        RetryAfter = retryAfter;
    }

    public ApiProblem() : this(ErrorCodes.Internal, "An error occurred.") { }

    public ApiProblem(string message) : this(ErrorCodes.InvalidRequest, message) { }

    public ApiProblem(string message, Exception innerException) : base(ErrorCodes.Internal, message, false, innerException) { }

    /// <summary>When set, the answer carries a Retry-After header.</summary>
    public TimeSpan? RetryAfter { get; }

    public int Status => ProblemCatalog.StatusFor(Code);

    public string Title => ProblemCatalog.TitleFor(Code);

    public static ApiProblem NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");
}
