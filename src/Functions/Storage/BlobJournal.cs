using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using VoiceMemory.Memory;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// The Markdown journal as one append blob per user per day, <c>{user}/{yyyy-MM-dd}.md</c> (the user id encoded by
/// <see cref="TableKeys"/>, so no id can reach into another user's prefix). The text is byte for byte what the
/// self-host writes: a day header, then per turn a marker line <c>&lt;!-- turn:{turnId} --&gt;</c> and the entry. An
/// append reads the day, returns if the turn's marker is there (a retried activity), and otherwise appends its block on
/// the condition that the blob still ends where it was read; a concurrent append makes that fail, and the new tail is
/// read and checked again. So appends of one user, from any number of instances, are never lost or doubled, and a day
/// can grow past any string-property limit (an append blob holds 50,000 blocks).
/// </summary>
internal sealed class BlobJournal(BlobContainerClient container)
{
    private const string DayFormat = "yyyy-MM-dd";
    private const int MaxAttempts = 200;
    private const int MaxBlockBytes = 4 * 1024 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task AppendAsync(string userId, DateOnly day, string turnId, string entryMarkdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entryMarkdown);
        ValidateTurnId(turnId);
        var blob = container.GetAppendBlobClient(BlobName(userId, day));
        var marker = $"<!-- turn:{turnId} -->";
        var entry = Neutralize(entryMarkdown).Trim('\n', '\r');

        var text = new StringBuilder();
        long length = 0;
        var exists = true;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // Only the part written since the last read is fetched again.
            var tail = exists ? await ReadFromAsync(blob, length, cancellationToken) : null;
            if (tail is null)
            {
                length = 0;
                text.Clear();
                // A blob this call created is empty: no need to read it. One created by a concurrent append is read.
                exists = !await CreateIfMissingAsync(blob, cancellationToken);
                tail = [];
            }

            text.Append(Utf8.GetString(tail));
            length += tail.Length;
            if (ContainsLine(text, marker))
            {
                return;
            }

            var block = new StringBuilder();
            if (length == 0)
            {
                block.Append("# ").Append(day.ToString(DayFormat, CultureInfo.InvariantCulture)).Append('\n');
            }
            else if (text[^1] != '\n')
            {
                block.Append('\n');
            }

            block.Append('\n').Append(marker).Append('\n').Append(entry).Append('\n');
            var bytes = Utf8.GetBytes(block.ToString());
            if (bytes.Length > MaxBlockBytes)
            {
                throw new ArgumentException("A journal entry is larger than one append (4 MiB).", nameof(entryMarkdown));
            }

            try
            {
                using var content = new MemoryStream(bytes, writable: false);
                await blob.AppendBlockAsync(content, new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = length } }, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another append came first: read what it wrote and check again.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                exists = false;
            }
        }

        throw new VoiceMemoryException(ErrorCodes.StorageUnavailable, "The journal day kept changing while an entry was appended; try again.", isTransient: true);
    }

    public async Task<IReadOnlyList<JournalDay>> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var days = new List<JournalDay>();
        await foreach (var (day, name) in ListDaysAsync(UserPrefix(userId), cancellationToken))
        {
            if (await ReadFromAsync(container.GetAppendBlobClient(name), 0, cancellationToken) is { } bytes)
            {
                days.Add(new JournalDay(userId, day, Utf8.GetString(bytes)));
            }
        }

        return days.OrderBy(d => d.Day).ToList();
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await foreach (var (_, name) in ListDaysAsync(UserPrefix(userId), cancellationToken))
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }
    }

    public async IAsyncEnumerable<JournalDay> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (day, name) in ListDaysAsync(null, cancellationToken))
        {
            var bytes = await StorageErrors.RunAsync(() => ReadFromAsync(container.GetAppendBlobClient(name), 0, cancellationToken), "the journal");
            if (bytes is not null)
            {
                yield return new JournalDay(TableKeys.Decode(name[..name.IndexOf('/', StringComparison.Ordinal)]), day, Utf8.GetString(bytes));
            }
        }
    }

    /// <summary>Replaces the day with <paramref name="day"/>'s Markdown (restore).</summary>
    public async Task ImportAsync(JournalDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var blob = container.GetAppendBlobClient(BlobName(day.UserId, day.Day));
        await blob.CreateAsync(new AppendBlobCreateOptions { HttpHeaders = Headers }, cancellationToken);
        var bytes = Utf8.GetBytes(day.Markdown);
        for (var offset = 0; offset < bytes.Length; offset += MaxBlockBytes)
        {
            using var content = new MemoryStream(bytes, offset, Math.Min(MaxBlockBytes, bytes.Length - offset), writable: false);
            await blob.AppendBlockAsync(content, cancellationToken: cancellationToken);
        }
    }

    private static BlobHttpHeaders Headers => new() { ContentType = "text/markdown; charset=utf-8" };

    private static string UserPrefix(string userId) => TableKeys.Encode(userId, "user id") + "/";

    private static string BlobName(string userId, DateOnly day) => UserPrefix(userId) + day.ToString(DayFormat, CultureInfo.InvariantCulture) + ".md";

    private async IAsyncEnumerable<(DateOnly Day, string Name)> ListDaysAsync(string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            var slash = item.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0
                && item.Name.EndsWith(".md", StringComparison.Ordinal)
                && DateOnly.TryParseExact(item.Name.AsSpan(slash + 1, item.Name.Length - slash - 4), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                yield return (day, item.Name);
            }
        }
    }

    // The bytes from offset to the end; empty when nothing is new; null when the blob does not exist.
    private static async Task<byte[]?> ReadFromAsync(AppendBlobClient blob, long offset, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobDownloadOptions { Range = new HttpRange(offset) };
            var response = await blob.DownloadContentAsync(options, cancellationToken);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 416)
        {
            // Nothing past the offset (an empty blob, or nothing appended since the last read).
            return [];
        }
    }

    // True when this call created the blob; false when a concurrent append had.
    private static async Task<bool> CreateIfMissingAsync(AppendBlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.CreateAsync(new AppendBlobCreateOptions { HttpHeaders = Headers, Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private static void ValidateTurnId(string turnId)
    {
        if (string.IsNullOrWhiteSpace(turnId) || turnId.Contains("--", StringComparison.Ordinal) || turnId.Any(char.IsControl))
        {
            throw new ArgumentException("The turn id cannot be written into a journal marker.", nameof(turnId));
        }
    }

    // User text cannot open an HTML comment, so it can neither forge a marker nor hide later entries when rendered.
    private static string Neutralize(string entry) => entry.Replace("<!--", "&lt;!--", StringComparison.Ordinal);

    private static bool ContainsLine(StringBuilder text, string line)
    {
        foreach (var candidate in text.ToString().AsSpan().EnumerateLines())
        {
            if (candidate.TrimEnd('\r').SequenceEqual(line))
            {
                return true;
            }
        }

        return false;
    }
}
