using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Api.OpenApi;

/// <summary>
/// Adds what minimal-API metadata cannot say by itself: request headers, response headers, raw bodies, and one
/// problem+json response per status listing the stable codes the operation can answer.
/// </summary>
public sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var contract = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiContractMetadata>().LastOrDefault();
        if (contract is null)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach (var header in contract.RequestHeaders)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = header.Required,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (contract.Body is { } body)
        {
            var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            foreach (var type in body.TextMediaTypes)
            {
                content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            foreach (var type in body.BinaryMediaTypes)
            {
                content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }

            operation.RequestBody = new OpenApiRequestBody { Required = true, Description = body.Description, Content = content };
        }

        operation.Responses ??= [];
        foreach (var group in contract.ProblemCodes.GroupBy(ProblemCatalog.StatusFor).OrderBy(g => g.Key))
        {
            var status = group.Key.ToString(CultureInfo.InvariantCulture);
            var codes = group.OrderBy(c => c, StringComparer.Ordinal).ToList();
            var response = new OpenApiResponse
            {
                Description = "Problem (application/problem+json); code: " + string.Join(", ", codes),
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/problem+json"] = new() { Schema = ProblemSchema(codes) },
                },
            };
            if (group.Key == 429)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                };
            }

            operation.Responses[status] = response;
        }

        foreach (var header in contract.ResponseHeaders)
        {
            var status = header.Status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(status, out var existing) && existing is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                response.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 problem details with the stable <c>code</c>, limited to <paramref name="codes"/>.</summary>
    internal static OpenApiSchema ProblemSchema(IReadOnlyList<string> codes) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(StringComparer.Ordinal) { "status", "title", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Safe to show; says what to change." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The stable error code.",
                Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c)!)],
            },
        },
    };
}
