using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using VoiceMemory.Memory;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Rows of the facts table (PartitionKey = the encoded user id). Each fact is one <c>f|{id}</c> row plus copies that
/// make every read a single range query in the user's partition:
/// <list type="bullet">
/// <item><c>n|{inverted updated ticks}|{id}</c> — newest first (<c>ListFactsAsync</c>, recall's newest facts);</item>
/// <item><c>k|{kind}|{inverted updated ticks}|{id}</c> — one kind, newest first (recall's profile facts);</item>
/// <item><c>w|{term}|{inverted updated ticks}|{id}</c> — a posting per search term, newest match first, with the
/// term's count and the fact's length for BM25.</item>
/// </list>
/// Every copy carries the whole fact, so a search needs no further reads. The <c>f|</c> row lists its terms, so the
/// copies of an older version can be deleted exactly, whatever the tokenizer of the day.
/// </summary>
internal static class FactRows
{
    public const string FactPrefix = "f|";
    public const string NewestPrefix = "n|";
    public const string KindPrefix = "k|";
    public const string TermPrefix = "w|";

    public const string Text = "Text";
    public const string Kind = "Kind";
    public const string Key = "Key";
    public const string Source = "Source";
    public const string Created = "CreatedTicks";
    public const string Updated = "UpdatedTicks";
    public const string Terms = "Terms";
    public const string TermCount = "Tf";
    public const string Length = "Len";
    public const string Id = "Id";

    public static readonly IReadOnlyList<string> FactColumns = ["PartitionKey", Id, Text, Kind, Key, Source, Created, Updated];

    public static string Fact(string factId) => FactPrefix + TableKeys.Encode(factId, "fact id");

    public static string Newest(MemoryFact fact) => NewestPrefix + Inverted(fact.UpdatedAt) + "|" + TableKeys.Encode(fact.Id, "fact id");

    public static string OfKind(MemoryFact fact) => KindPrefix + KindName(fact.Kind) + "|" + Inverted(fact.UpdatedAt) + "|" + TableKeys.Encode(fact.Id, "fact id");

    public static string Posting(string term, MemoryFact fact) => TermPrefix + term + "|" + Inverted(fact.UpdatedAt) + "|" + TableKeys.Encode(fact.Id, "fact id");

    public static string KindName(FactKind kind) => JsonSerializer.Serialize(kind).Trim('"');

    /// <summary>The range of row keys that start with <paramref name="prefix"/> ('}' sorts right after '|').</summary>
    public static string Filter(string partition, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    public static TableEntity Entity(string partition, string rowKey, MemoryFact fact)
    {
        var entity = new TableEntity(partition, rowKey)
        {
            [Id] = fact.Id,
            [Text] = fact.Text,
            [Kind] = KindName(fact.Kind),
            [Source] = fact.SourceTurnId,
            [Created] = fact.CreatedAt.UtcTicks,
            [Updated] = fact.UpdatedAt.UtcTicks,
        };
        if (fact.Key is not null)
        {
            entity[Key] = fact.Key;
        }

        return entity;
    }

    public static MemoryFact Read(TableEntity entity) => new(
        Id: entity.GetString(Id),
        UserId: TableKeys.Decode(entity.PartitionKey),
        Text: entity.GetString(Text),
        Kind: JsonSerializer.Deserialize<FactKind>("\"" + entity.GetString(Kind) + "\""),
        Key: entity.GetString(Key),
        SourceTurnId: entity.GetString(Source),
        CreatedAt: new DateTimeOffset(entity.GetInt64(Created) ?? 0, TimeSpan.Zero),
        UpdatedAt: new DateTimeOffset(entity.GetInt64(Updated) ?? 0, TimeSpan.Zero));

    private static string Inverted(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
