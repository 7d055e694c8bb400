namespace VoiceMemory.SelfHost.Api.OpenApi;

/// <summary>
/// What an endpoint's OpenAPI description needs beyond its handler's signature: the problem codes it can answer, the
/// request headers it reads, the headers it sets, and its raw request body's media types. Attached with
/// <see cref="ApiContractExtensions.Describe"/>; read by <see cref="ContractOperationTransformer"/>.
/// </summary>
public sealed record ApiContractMetadata(
    IReadOnlyList<string> ProblemCodes,
    IReadOnlyList<HeaderDescription> RequestHeaders,
    IReadOnlyList<ResponseHeaderDescription> ResponseHeaders,
    RequestBodyDescription? Body = null);
