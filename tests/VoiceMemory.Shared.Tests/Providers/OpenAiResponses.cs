using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VoiceMemory.Tests.Providers;

/// <summary>Bodies shaped like the OpenAI / Azure OpenAI v1 chat completions and embeddings APIs.</summary>
internal static class OpenAiResponses
{
    public const string ContentFilterError = """
        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
          "type":null,"param":"prompt","code":"content_filter","status":400,
          "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{
            "hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":true,"severity":"medium"},
            "sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}}}}
        """;

    public static Task Chat(HttpContext context, string? content, string finishReason = "stop", string model = "gpt-4o-mini-2024-07-18")
    {
        var body = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[]
            {
                new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason, logprobs = (object?)null },
            },
            usage = new { prompt_tokens = 12, completion_tokens = 5, total_tokens = 17 },
        });
        return AzureFastTranscriptionTests.Json(context, 200, body);
    }

    public static Task Error(HttpContext context, int status, string code, string? retryAfter = null)
    {
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        var body = JsonSerializer.Serialize(new { error = new { message = "failed", type = "error", param = (string?)null, code } });
        return AzureFastTranscriptionTests.Json(context, status, body);
    }

    public static Task Embeddings(HttpContext context, RecordedRequest request, float[][] vectors, bool reverse = false)
    {
        using var body = JsonDocument.Parse(request.Body);
        var base64 = body.RootElement.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var data = vectors.Select((v, i) => new
        {
            @object = "embedding",
            index = i,
            embedding = base64 ? (object)Convert.ToBase64String(v.SelectMany(BitConverter.GetBytes).ToArray()) : v,
        }).ToList();
        if (reverse)
        {
            data.Reverse();
        }

        return AzureFastTranscriptionTests.Json(context, 200, JsonSerializer.Serialize(new
        {
            @object = "list",
            data,
            model = "text-embedding-3-small",
            usage = new { prompt_tokens = 4, total_tokens = 4 },
        }));
    }
}
