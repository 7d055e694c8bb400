using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Api.OpenApi;

/// <summary>Endpoint-builder helpers that attach <see cref="ApiContractMetadata"/>.</summary>
public static class ApiContractExtensions
{
    /// <summary>Problem codes every authenticated, rate-limited route can answer.</summary>
    public static readonly string[] CommonCodes =
        [ErrorCodes.Unauthorized, ErrorCodes.RateLimited, ErrorCodes.StorageUnavailable, ErrorCodes.Internal];

    /// <summary>Describes the endpoint's problem codes, headers and raw body for the OpenAPI document.</summary>
    public static RouteHandlerBuilder Describe(
        this RouteHandlerBuilder builder,
        string name,
        string summary,
        string description,
        IEnumerable<string> problemCodes,
        IEnumerable<HeaderDescription>? requestHeaders = null,
        IEnumerable<ResponseHeaderDescription>? responseHeaders = null,
        RequestBodyDescription? body = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .WithMetadata(new ApiContractMetadata([.. problemCodes.Distinct()], [.. requestHeaders ?? []], [.. responseHeaders ?? []], body));
    }
}
