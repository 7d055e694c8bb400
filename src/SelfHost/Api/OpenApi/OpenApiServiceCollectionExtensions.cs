using Scalar.AspNetCore;

namespace VoiceMemory.SelfHost.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference at <c>/scalar/v1</c>, both anonymous.</summary>
public static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddVoiceMemoryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ContractDocumentTransformer>();
            options.AddOperationTransformer<ContractOperationTransformer>();
        });

    public static WebApplication MapVoiceMemoryOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference(options => options.WithTitle("VoiceMemory API")).AllowAnonymous();
        return app;
    }
}
