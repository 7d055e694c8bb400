using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using VoiceMemory.Memory;
using VoiceMemory.Storage;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Facts in a table, a partition per user (rows in <see cref="FactRows"/>), and the journal as append blobs
/// (<see cref="BlobJournal"/>). A fact and all its copies are written in one entity-group transaction, guarded by the
/// fact row's ETag, so a search never sees half a fact and two writers of one fact cannot leave stale copies behind.
/// Table storage has no full-text search: the fact is indexed under each of its terms, and a search reads only the
/// postings of the query's terms — at most <see cref="CandidateWindow"/> per term, newest first — then ranks them with
/// BM25, so its cost follows the matches, not the size of the memory.
/// </summary>
public sealed class TableMemoryStore(TableServiceClient tables, string factsTable, BlobServiceClient blobs, string journalContainer) : IMemoryStore
{
    /// <summary>The most postings read per query term; a term matching more than this is dropped when more selective terms remain.</summary>
    public const int CandidateWindow = 250;

    /// <summary>A fact's text is copied into its listings and postings; one entity property holds 64 KiB (32K UTF-16 characters).</summary>
    public const int MaxFactChars = 30_000;

    private const string What = "facts";
    private const int BatchLimit = 100;
    private const int MaxAttempts = 8;

    // BM25 with the usual constants. The number of facts and their average length are not kept (a counter would make
    // every write of a user contend on one row); the ranker only compares scores within one search, where a fixed
    // corpus size keeps idf ordered by rarity.
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double CorpusSize = 10_000;
    private const double AverageLength = 8;

    private static readonly IReadOnlyList<string> FactRowColumns = [.. FactRows.FactColumns, FactRows.Terms];
    private static readonly IReadOnlyList<string> PostingColumns = [.. FactRows.FactColumns, FactRows.TermCount, FactRows.Length];

    private readonly TableClient table = tables.GetTableClient(factsTable);

    private readonly BlobJournal journal = new(blobs.GetBlobContainerClient(journalContainer));

    public async Task<IReadOnlyList<MemoryFact>> UpsertFactsAsync(string userId, string sourceTurnId, IReadOnlyList<ExtractedFact> facts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sourceTurnId);
        if (facts.Count == 0)
        {
            return [];
        }

        foreach (var fact in facts)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(fact?.Text, nameof(facts));
        }

        // Later duplicates in one batch win, as they would in two batches; each fact is returned once.
        var latest = new Dictionary<string, ExtractedFact>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var fact in facts)
        {
            var id = FactIdentity.IdFor(userId, fact);
            if (latest.TryAdd(id, fact))
            {
                order.Add(id);
            }
            else
            {
                latest[id] = fact;
            }
        }

        var writes = order.Select(id => (id, (Func<MemoryFact?, MemoryFact>)(existing => new MemoryFact(
            id,
            userId,
            latest[id].Text.Trim(),
            latest[id].Kind,
            latest[id].Key is { Length: > 0 } key ? key : null,
            sourceTurnId,
            existing?.CreatedAt ?? now,
            now)))).ToList();
        return await WriteAsync(userId, writes, cancellationToken);
    }

    public Task<IReadOnlyList<MemoryFact>> ListFactsAsync(string userId, int limit, CancellationToken cancellationToken) =>
        QueryFactsAsync(FactRows.Filter(Partition(userId), FactRows.NewestPrefix), limit, cancellationToken);

    public Task<IReadOnlyList<MemoryFact>> ListFactsByKindAsync(string userId, FactKind kind, int limit, CancellationToken cancellationToken) =>
        QueryFactsAsync(FactRows.Filter(Partition(userId), FactRows.KindPrefix + FactRows.KindName(kind) + "|"), limit, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One range query per query term, in parallel, each reading at most <see cref="CandidateWindow"/> + 1 postings
    /// (newest first). A term with more matches than the window is dropped when more selective terms remain (it adds
    /// little to the ranking); otherwise the newest matches within the window are ranked. Below the window — every
    /// memory of up to 250 facts per term — the ranking covers every match.
    /// </remarks>
    public async Task<IReadOnlyList<ScoredFact>> SearchFactsAsync(string userId, string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var terms = FactTerms.ForQuery(query);
        if (terms.Count == 0)
        {
            return [];
        }

        var partition = Partition(userId);
        var postings = await Task.WhenAll(terms.Select(term => ReadPostingsAsync(partition, term, cancellationToken)));
        var matched = postings.Where(p => p.Count > 0).ToList();
        var selective = matched.Where(p => p.Count <= CandidateWindow).ToList();
        var used = selective.Count > 0 ? selective : matched;

        var scores = new Dictionary<string, (MemoryFact Fact, double Score)>(StringComparer.Ordinal);
        foreach (var term in used)
        {
            var df = term.Count;
            var idf = Math.Log(1 + ((Math.Max(CorpusSize, df) - df + 0.5) / (df + 0.5)));
            foreach (var posting in term.Take(CandidateWindow))
            {
                var fact = FactRows.Read(posting);
                var tf = posting.GetInt32(FactRows.TermCount) ?? 1;
                var length = posting.GetInt32(FactRows.Length) ?? 1;
                var score = idf * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / AverageLength))));
                scores[fact.Id] = scores.TryGetValue(fact.Id, out var sum) ? (sum.Fact, sum.Score + score) : (fact, score);
            }
        }

        return scores.Values
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Fact.UpdatedAt)
            .ThenBy(s => s.Fact.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(s => new ScoredFact(s.Fact, s.Score))
            .ToList();
    }

    public async Task<bool> DeleteFactAsync(string userId, string factId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factId);
        var partition = Partition(userId);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ReadFactRowAsync(partition, factId, cancellationToken);
            if (existing is null)
            {
                return false;
            }

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Delete, new TableEntity(partition, FactRows.Fact(factId)), existing.Value.ETag),
            };
            actions.AddRange(CopyRows(existing.Value.Fact, existing.Value.Terms).Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, rk), ETag.All)));
            if (await TrySubmitAsync(actions, attempt, cancellationToken))
            {
                return true;
            }
        }
    }

    public Task AppendJournalAsync(string userId, DateOnly day, string turnId, string entryMarkdown, CancellationToken cancellationToken) =>
        StorageErrors.RunAsync(() => journal.AppendAsync(userId, day, turnId, entryMarkdown, cancellationToken), "the journal");

    /// <inheritdoc />
    /// <remarks>The Markdown is returned as stored, turn markers (HTML comments) included, exactly as the self-host does.</remarks>
    public Task<IReadOnlyList<JournalDay>> ReadJournalAsync(string userId, CancellationToken cancellationToken) =>
        StorageErrors.RunAsync(() => journal.ReadAsync(userId, cancellationToken), "the journal");

    /// <inheritdoc />
    /// <remarks>Deletes the user's whole partition a page at a time, then every journal blob under the user's prefix; safe to run again after a crash.</remarks>
    public async Task EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        var partition = Partition(userId);
        var pages = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken).AsPages();
        await using (var pager = pages.GetAsyncEnumerator(cancellationToken))
        {
            while (await StorageErrors.RunAsync(async () => await pager.MoveNextAsync(), What))
            {
                await TableRowDeletion.DeleteAsync(table, partition, pager.Current.Values.Select(e => e.RowKey).ToList(), What, cancellationToken);
            }
        }

        await StorageErrors.RunAsync(() => journal.EraseAsync(userId, cancellationToken), "the journal");
    }

    public async IAsyncEnumerable<MemoryFact> ExportFactsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {FactRows.FactPrefix} and RowKey lt {"f}"}");
        var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [.. FactRows.FactColumns], cancellationToken: cancellationToken).AsPages();
        await using var pager = pages.GetAsyncEnumerator(cancellationToken);
        while (await StorageErrors.RunAsync(async () => await pager.MoveNextAsync(), What))
        {
            foreach (var entity in pager.Current.Values)
            {
                yield return FactRows.Read(entity);
            }
        }
    }

    public IAsyncEnumerable<JournalDay> ExportJournalAsync(CancellationToken cancellationToken) => journal.ExportAsync(cancellationToken);

    public async Task ImportFactAsync(MemoryFact fact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fact);
        await WriteAsync(fact.UserId, [(fact.Id, _ => fact)], cancellationToken);
    }

    public Task ImportJournalDayAsync(JournalDay day, CancellationToken cancellationToken) =>
        StorageErrors.RunAsync(() => journal.ImportAsync(day, cancellationToken), "the journal");

    private static string Partition(string userId) => TableKeys.Encode(userId, "user id");

    // Writes each new version of a fact with all its copies in one transaction
    // (several facts share a transaction while they fit in 100 operations). The fact row is added (none before) or
    // replaced under its ETag, so a concurrent writer of the same fact makes the transaction fail and it is read and
    // written again; copies of the older version that the new one does not overwrite are deleted in the same transaction.
    private async Task<IReadOnlyList<MemoryFact>> WriteAsync(string userId, IReadOnlyList<(string Id, Func<MemoryFact?, MemoryFact> Build)> writes, CancellationToken cancellationToken)
    {
        var partition = Partition(userId);
        var written = new Dictionary<string, MemoryFact>(StringComparer.Ordinal);
        var pending = writes.ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            // First try as new facts, without reading (the common case of a turn that learns something new); a fact
            // that exists makes its transaction fail on the insert, and the next attempt reads what is there.
            var existing = attempt == 1
                ? new (MemoryFact Fact, IReadOnlyList<string> Terms, ETag ETag)?[pending.Count]
                : await Task.WhenAll(pending.Select(w => ReadFactRowAsync(partition, w.Id, cancellationToken)));
            var groups = new List<(string Id, MemoryFact Fact, List<TableTransactionAction> Actions)>();
            for (var i = 0; i < pending.Count; i++)
            {
                var fact = pending[i].Build(existing[i]?.Fact);
                if (fact.Text.Length > MaxFactChars)
                {
                    throw new ArgumentException($"A fact holds at most {MaxFactChars} characters.", nameof(writes));
                }

                groups.Add((pending[i].Id, fact, FactActions(partition, fact, existing[i])));
            }

            var failed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var transaction in Pack(groups))
            {
                if (await TrySubmitAsync(transaction.SelectMany(g => g.Actions).ToList(), attempt, cancellationToken))
                {
                    foreach (var group in transaction)
                    {
                        written[group.Id] = group.Fact;
                    }
                }
                else
                {
                    failed.UnionWith(transaction.Select(g => g.Id));
                }
            }

            pending = pending.Where(w => failed.Contains(w.Id)).ToList();
        }

        return writes.Select(w => written[w.Id]).ToList();
    }

    private static List<TableTransactionAction> FactActions(string partition, MemoryFact fact, (MemoryFact Fact, IReadOnlyList<string> Terms, ETag ETag)? existing)
    {
        var (terms, length) = FactTerms.ForIndex(fact.Text);
        var row = FactRows.Entity(partition, FactRows.Fact(fact.Id), fact);
        row[FactRows.Terms] = string.Join(' ', terms.Keys);
        var actions = new List<TableTransactionAction>
        {
            existing is { } before
                ? new(TableTransactionActionType.UpdateReplace, row, before.ETag)
                : new(TableTransactionActionType.Add, row),
            new(TableTransactionActionType.UpsertReplace, FactRows.Entity(partition, FactRows.Newest(fact), fact)),
            new(TableTransactionActionType.UpsertReplace, FactRows.Entity(partition, FactRows.OfKind(fact), fact)),
        };
        foreach (var (term, count) in terms)
        {
            var posting = FactRows.Entity(partition, FactRows.Posting(term, fact), fact);
            posting[FactRows.TermCount] = count;
            posting[FactRows.Length] = length;
            actions.Add(new(TableTransactionActionType.UpsertReplace, posting));
        }

        if (existing is { } old)
        {
            var current = actions.Select(a => a.Entity.RowKey).ToHashSet(StringComparer.Ordinal);
            actions.AddRange(CopyRows(old.Fact, old.Terms)
                .Where(rk => !current.Contains(rk))
                .Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, rk), ETag.All)));
        }

        return actions;
    }

    private static IEnumerable<string> CopyRows(MemoryFact fact, IReadOnlyList<string> terms) =>
        [FactRows.Newest(fact), FactRows.OfKind(fact), .. terms.Select(t => FactRows.Posting(t, fact))];

    private static IEnumerable<List<(string Id, MemoryFact Fact, List<TableTransactionAction> Actions)>> Pack(
        List<(string Id, MemoryFact Fact, List<TableTransactionAction> Actions)> groups)
    {
        var current = new List<(string Id, MemoryFact Fact, List<TableTransactionAction> Actions)>();
        var size = 0;
        foreach (var group in groups)
        {
            if (size + group.Actions.Count > BatchLimit && current.Count > 0)
            {
                yield return current;
                current = [];
                size = 0;
            }

            current.Add(group);
            size += group.Actions.Count;
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    // True when committed; false when a concurrent writer got there first (409 on add, 412 on the ETag, 404 on a copy
    // it already deleted) and the caller should read and try again; throws after MaxAttempts.
    private async Task<bool> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < MaxAttempts)
        {
            // The first attempt of a write assumes new facts, so its conflict is expected; later ones are contention.
            if (attempt > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }

            return false;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw new VoiceMemoryException(ErrorCodes.StorageUnavailable, "Facts kept changing while they were written; try again.", isTransient: true, ex);
        }
        catch (RequestFailedException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
        catch (AggregateException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
    }

    private async Task<(MemoryFact Fact, IReadOnlyList<string> Terms, ETag ETag)?> ReadFactRowAsync(string partition, string factId, CancellationToken cancellationToken)
    {
        var response = await StorageErrors.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(partition, FactRows.Fact(factId), FactRowColumns, cancellationToken), What);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        var terms = (entity.GetString(FactRows.Terms) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (FactRows.Read(entity), terms, entity.ETag);
    }

    private async Task<List<TableEntity>> ReadPostingsAsync(string partition, string term, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var query = table.QueryAsync<TableEntity>(FactRows.Filter(partition, FactRows.TermPrefix + term + "|"), maxPerPage: CandidateWindow + 1, select: PostingColumns, cancellationToken: cancellationToken);
        await StorageErrors.RunAsync(async () =>
        {
            await foreach (var entity in query)
            {
                rows.Add(entity);
                if (rows.Count > CandidateWindow)
                {
                    break;
                }
            }
        }, What);
        return rows;
    }

    private async Task<IReadOnlyList<MemoryFact>> QueryFactsAsync(string filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var facts = new List<MemoryFact>();
        var query = table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), select: [.. FactRows.FactColumns], cancellationToken: cancellationToken);
        await StorageErrors.RunAsync(async () =>
        {
            await foreach (var entity in query)
            {
                facts.Add(FactRows.Read(entity));
                if (facts.Count == limit)
                {
                    break;
                }
            }
        }, What);
        return facts;
    }
}
