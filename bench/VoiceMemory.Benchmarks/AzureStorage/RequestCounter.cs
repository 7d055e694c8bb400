using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace VoiceMemory.Benchmarks.AzureStorage;

/// <summary>
/// An <see cref="HttpPipelinePolicy"/> on the Blob and Table clients (per retry, so retried attempts count too) that
/// records every request with the step the caller is in (<see cref="Step"/>, flowing with the async context) and a
/// classification close to how storage bills it: blob write / read / list / other, table transaction, point read,
/// query, write, delete. A table batch also records how many entity operations it carried.
/// </summary>
public sealed class RequestCounter : HttpPipelinePolicy
{
    private static readonly AsyncLocal<string?> CurrentStep = new();
    private readonly List<StorageRequest> requests = [];
    private readonly Lock gate = new();

    /// <summary>A policy for the Table client (<see cref="ForTables"/>) or a Blob client (the other instance); both write to one list.</summary>
    public RequestCounter ForTables { get; }

    private readonly RequestCounter? owner;
    private readonly bool tables;

    public RequestCounter()
    {
        ForTables = new RequestCounter(this);
    }

    private RequestCounter(RequestCounter owner)
    {
        this.owner = owner;
        tables = true;
        ForTables = this;
    }

    /// <summary>The label of what runs in this async context; null when nothing is being counted.</summary>
    public static string? Step
    {
        get => CurrentStep.Value;
        set => CurrentStep.Value = value;
    }

    public IReadOnlyList<StorageRequest> Snapshot()
    {
        lock (gate)
        {
            return requests.ToList();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var recorded = Record(message);
        ProcessNext(message, pipeline);
        CountReturned(recorded, message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var recorded = Record(message);
        await ProcessNextAsync(message, pipeline);
        CountReturned(recorded, message);
    }

    // Entities in a table read's answer: each carries one "odata.etag" (minimal metadata).
    private static void CountReturned(StorageRequest? recorded, HttpMessage message)
    {
        if (recorded is not { Service: "table", Operation: "query" or "point read" } || !message.HasResponse || message.Response.Status != 200)
        {
            return;
        }

        var body = message.Response.Content.ToString();
        var count = 0;
        for (var at = body.IndexOf("odata.etag", StringComparison.Ordinal); at >= 0; at = body.IndexOf("odata.etag", at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        recorded.EntitiesReturned = count;
    }

    private StorageRequest? Record(HttpMessage message)
    {
        if (Step is not { } step)
        {
            return null;
        }

        var request = message.Request;
        var uri = request.Uri.ToUri();
        var query = uri.Query;
        var (service, operation, entities) = tables ? ClassifyTable(request, uri) : ("blob", ClassifyBlob(request.Method, query), 0);
        var target = owner ?? this;
        var recorded = new StorageRequest(step, service, operation, entities);
        lock (target.gate)
        {
            target.requests.Add(recorded);
        }

        return recorded;
    }

    private static (string Service, string Operation, int Entities) ClassifyTable(Request request, Uri uri)
    {
        if (uri.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal))
        {
            return ("table", "transaction", CountBatchOperations(request));
        }

        var method = request.Method;
        if (method == RequestMethod.Get)
        {
            return ("table", uri.AbsolutePath.Contains("(PartitionKey=", StringComparison.Ordinal) ? "point read" : "query", 1);
        }

        return ("table", method == RequestMethod.Delete ? "delete" : "write", 1);
    }

    private static string ClassifyBlob(RequestMethod method, string query)
    {
        if (method == RequestMethod.Get)
        {
            return query.Contains("comp=list", StringComparison.Ordinal) ? "list" : "read";
        }

        if (method == RequestMethod.Head)
        {
            return "read";
        }

        if (method == RequestMethod.Delete)
        {
            return "delete";
        }

        return query.Contains("comp=appendblock", StringComparison.Ordinal) ? "append" : "write";
    }

    // The operations of a batch are the parts of its multipart body that carry an HTTP request.
    private static int CountBatchOperations(Request request)
    {
        if (request.Content is null)
        {
            return 0;
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, CancellationToken.None);
        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var count = 0;
        for (var at = body.IndexOf("Content-Type: application/http", StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf("Content-Type: application/http", at + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
