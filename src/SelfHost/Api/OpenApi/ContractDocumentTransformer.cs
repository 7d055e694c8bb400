using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Api.OpenApi;

/// <summary>
/// The document as a whole: title and description (the problem codes, auth, paging), the API-key bearer scheme
/// required by every route except health, and no <c>servers</c> entry, so the document is the same whichever host
/// and address serve it (the checked-in copy in docs/openapi/v1.json is compared with it in a test).
/// </summary>
public sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "VoiceMemory API",
            Version = "v1",
            Description =
                "A voice companion backend that remembers. Submit a spoken (raw audio) or typed (text/plain; charset=utf-8) turn, " +
                "poll its status, download the spoken reply; list, search and delete memories; export or erase everything " +
                "held about you (backups taken before an erasure still hold the user until they age out). Every error is " +
                "application/problem+json with a stable `code`: " +
                string.Join(", ", ProblemCatalog.All.OrderBy(e => e.Value.Status).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => $"`{e.Key}` {e.Value.Status}")) +
                ". Lists page newest first: pass the answer's `next` as `before` for the following page.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Self-host: an API key from `VoiceMemory.SelfHost users add <name>`, sent as `Authorization: Bearer <key>`.",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (path.StartsWith(TurnRoutes.Health, StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            }
        }

        return Task.CompletedTask;
    }
}
