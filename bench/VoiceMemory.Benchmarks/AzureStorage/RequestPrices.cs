using System.Globalization;

namespace VoiceMemory.Benchmarks.AzureStorage;

/// <summary>
/// Prices per 10,000 operations, given as parameters (<c>--price NAME=USD</c>) because list prices differ by region,
/// redundancy and tier and change over time. The defaults are placeholders in the range of Hot-tier LRS list prices,
/// not verified from here (no internet): replace them with the figures of the pricing page for your region.
/// A table batch is priced per entity operation it carries (the conservative reading of the billing rules).
/// </summary>
public sealed record RequestPrices(double BlobWrite = 0.065, double BlobRead = 0.005, double BlobList = 0.065, double BlobOther = 0.005, double TableOperation = 0.00036)
{
    public double CostOf(IEnumerable<StorageRequest> requests) => requests.Sum(r => r switch
    {
        { Service: "table" } => TableOperation * Math.Max(1, r.EntityOperations),
        { Operation: "write" or "append" } => BlobWrite,
        { Operation: "read" } => BlobRead,
        { Operation: "list" } => BlobList,
        _ => BlobOther,
    }) / 10_000;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"USD per 10,000: blob write {BlobWrite}, blob read {BlobRead}, blob list {BlobList}, blob other {BlobOther}, table entity operation {TableOperation}");

    /// <summary>Applies one <c>NAME=USD</c> override (blob-write, blob-read, blob-list, blob-other, table); null when it is not one.</summary>
    public RequestPrices? With(string assignment)
    {
        var parts = assignment.Split('=', 2);
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || price < 0)
        {
            return null;
        }

        return parts[0] switch
        {
            "blob-write" => this with { BlobWrite = price },
            "blob-read" => this with { BlobRead = price },
            "blob-list" => this with { BlobList = price },
            "blob-other" => this with { BlobOther = price },
            "table" => this with { TableOperation = price },
            _ => null,
        };
    }
}
