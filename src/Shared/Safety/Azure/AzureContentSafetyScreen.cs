using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Http;

namespace VoiceMemory.Safety.Azure;

/// <summary>
/// Azure AI Content Safety text analysis: <c>POST {Safety:Endpoint}/contentsafety/text:analyze?api-version=…</c> with
/// <c>{"text", "categories":["Hate","SelfHarm","Sexual","Violence"], "outputType":"FourSeverityLevels"}</c>; reads
/// <c>categoriesAnalysis[{category, severity}]</c>. A text over the 10,000-character limit is analysed in pieces and the
/// highest severity per category kept. A category flags at or above its <c>Safety:Thresholds</c> entry; SelfHarm on the
/// user's input is a crisis.
/// </summary>
public sealed partial class AzureContentSafetyScreen(
    IHttpClientFactory httpClientFactory,
    IOptions<SafetyOptions> options,
    ProviderChannel channel,
    ILogger<AzureContentSafetyScreen> logger) : ISafetyScreen
{
    /// <summary>The service's longest text per request.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>The verdict source name.</summary>
    public const string SourceName = "azure_content_safety";

    /// <summary>The analysed categories, by their service names.</summary>
    public static readonly IReadOnlyList<string> Categories = ["Hate", "SelfHarm", "Sexual", "Violence"];

    private const int MaxPieces = 20;

    /// <inheritdoc />
    public async Task<SafetyVerdict> ScreenAsync(string text, string locale, ScreenTarget target, CancellationToken cancellationToken)
    {
        var analysis = await AnalyzeAsync(text, cancellationToken);
        var verdict = ToVerdict(analysis, options.Value.Thresholds, target);
        if (verdict.Flagged)
        {
            LogFlagged(logger, verdict.Category ?? "unknown", verdict.Severity, target, verdict.IsCrisis);
        }

        return verdict;
    }

    /// <summary>Analyses <paramref name="text"/> and returns the highest severity per category.</summary>
    public async Task<ContentSafetyAnalysis> AnalyzeAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var severities = Categories.ToDictionary(c => c, _ => 0, StringComparer.OrdinalIgnoreCase);
        foreach (var piece in Split(text))
        {
            foreach (var (category, severity) in await AnalyzePieceAsync(piece, cancellationToken))
            {
                severities[category] = Math.Max(severities.GetValueOrDefault(category), severity);
            }
        }

        return new ContentSafetyAnalysis(severities);
    }

    /// <summary>The verdict of an analysis under the given thresholds (keys Hate, SelfHarm, Sexual, Violence; 0..7).</summary>
    public static SafetyVerdict ToVerdict(ContentSafetyAnalysis analysis, IReadOnlyDictionary<string, int> thresholds, ScreenTarget target)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(thresholds);
        var flagged = Categories
            .Select(c => (Category: c, Severity: analysis.SeverityOf(c)))
            .Where(p => p.Severity > 0 && p.Severity >= ThresholdOf(thresholds, p.Category))
            .ToList();
        if (flagged.Count == 0)
        {
            return SafetyVerdict.Clear(SourceName);
        }

        var selfHarm = flagged.FirstOrDefault(p => p.Category == "SelfHarm");
        var isCrisis = target == ScreenTarget.UserInput && selfHarm.Category is not null;
        var top = isCrisis ? selfHarm : flagged.OrderByDescending(p => p.Severity).First();
        return new SafetyVerdict(true, CategoryName(top.Category), isCrisis, flagged.Max(p => p.Severity), SourceName);
    }

    /// <summary>The verdict category of a Content Safety category: Hate→hate, SelfHarm→self_harm, Sexual→sexual, Violence→violence.</summary>
    public static string CategoryName(string category) => category switch
    {
        "Hate" => SafetyCategories.Hate,
        "SelfHarm" => SafetyCategories.SelfHarm,
        "Sexual" => SafetyCategories.Sexual,
        "Violence" => SafetyCategories.Violence,
        _ => category.ToLowerInvariant(),
    };

    private static int ThresholdOf(IReadOnlyDictionary<string, int> thresholds, string category)
    {
        foreach (var pair in thresholds)
        {
            if (string.Equals(pair.Key, category, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return 4;
    }

    private async Task<List<(string Category, int Severity)>> AnalyzePieceAsync(string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = settings.Endpoint ?? throw new VoiceMemoryException(ErrorCodes.NotConfigured, "Safety:Endpoint is not configured.");
        var uri = new Uri(new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/"), $"contentsafety/text:analyze?api-version={Uri.EscapeDataString(settings.ApiVersion)}");
        var body = JsonSerializer.SerializeToUtf8Bytes(new { text, categories = Categories, outputType = "FourSeverityLevels" });
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var client = httpClientFactory.CreateClient(ProviderNames.HttpClientName(ProviderNames.ContentSafety));
        using var response = await client.SendAsync(request, cancellationToken);
        await ProviderResponses.EnsureSuccessAsync(response, channel.Name, channel.TimeProvider, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return Parse(bytes) ?? throw BadResponse(response);
    }

    private static List<(string Category, int Severity)>? Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("categoriesAnalysis", out var analysis)
                || analysis.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var result = new List<(string, int)>();
            foreach (var item in analysis.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("category", out var category) || category.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("severity", out var severity) || severity.ValueKind != JsonValueKind.Number
                    || !severity.TryGetInt32(out var value) || value is < 0 or > 7)
                {
                    return null;
                }

                result.Add((category.GetString()!, value));
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private ProviderException BadResponse(HttpResponseMessage response)
    {
        channel.RecordFailure(ErrorCodes.ProviderBadResponse);
        return new ProviderException(channel.Name, ErrorCodes.ProviderBadResponse, "The content safety response could not be read.", response.StatusCode);
    }

    // Pieces of at most MaxTextLength characters, cut at whitespace where possible and never inside a surrogate pair.
    private static IEnumerable<string> Split(string text)
    {
        if (text.Length <= MaxTextLength)
        {
            yield return text;
            yield break;
        }

        var start = 0;
        var pieces = 0;
        while (start < text.Length && pieces++ < MaxPieces)
        {
            var length = Math.Min(MaxTextLength, text.Length - start);
            if (start + length < text.Length)
            {
                var cut = text.LastIndexOfAny([' ', '\n', '\t', '。', '，'], start + length - 1, length / 4);
                length = cut > start ? cut - start + 1 : length;
                if (char.IsHighSurrogate(text[start + length - 1]))
                {
                    length--;
                }
            }

            yield return text.Substring(start, length);
            start += length;
        }
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Content Safety flagged {Category} severity {Severity} on {Target} (crisis {Crisis})")]
    private static partial void LogFlagged(ILogger logger, string category, int severity, ScreenTarget target, bool crisis);
}
