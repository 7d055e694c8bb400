using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using VoiceMemory.Memory;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// The Markdown journal: <c>{root}/{userId}/{yyyy-MM-dd}.md</c>, a day header, then one entry per turn, each preceded
/// by a marker line <c>&lt;!-- turn:{turnId} --&gt;</c> that makes appends idempotent. The markers are HTML comments, so
/// rendered Markdown does not show them; they are kept in what is read and exported so that a restored journal stays
/// idempotent. Every write replaces the whole file atomically under a per-user lock, so concurrent appends of one user
/// are serialised and none is lost. (One process owns the data root; the lock is not shared between processes.)
/// </summary>
internal sealed class JournalFiles(string journalRoot)
{
    private const string DayFormat = "yyyy-MM-dd";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Striped locks: bounded memory whatever the number of users; two users sharing a stripe only wait for each other.
    private readonly SemaphoreSlim[] locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task AppendAsync(string userId, DateOnly day, string turnId, string entryMarkdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entryMarkdown);
        ValidateTurnId(turnId);
        var path = DayPath(userId, day);
        var marker = Marker(turnId);

        var gate = LockFor(userId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var existing = await ReadIfExistsAsync(path, cancellationToken);
            if (existing is not null && ContainsLine(existing, marker))
            {
                return;
            }

            var builder = new StringBuilder(existing ?? $"# {day.ToString(DayFormat, CultureInfo.InvariantCulture)}\n");
            if (builder.Length > 0 && builder[^1] != '\n')
            {
                builder.Append('\n');
            }

            builder.Append('\n').Append(marker).Append('\n').Append(Neutralize(entryMarkdown).Trim('\n', '\r')).Append('\n');
            await WriteAsync(path, builder.ToString(), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<IReadOnlyList<JournalDay>> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var folder = UserFolder(userId);
        var gate = LockFor(userId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var days = new List<JournalDay>();
            foreach (var (day, path) in ListDays(folder))
            {
                if (await ReadIfExistsAsync(path, cancellationToken) is { } markdown)
                {
                    days.Add(new JournalDay(userId, day, markdown));
                }
            }

            return days;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        if (!IsValidUserFolderName(userId))
        {
            // No journal can exist for an id that cannot name a folder: there is nothing to erase.
            return;
        }

        var folder = UserFolder(userId);
        var gate = LockFor(userId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async IAsyncEnumerable<JournalDay> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(journalRoot))
        {
            yield break;
        }

        var users = Directory.EnumerateDirectories(journalRoot)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsValidUserFolderName)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var userId in users)
        {
            foreach (var day in await ReadAsync(userId, cancellationToken))
            {
                yield return day;
            }
        }
    }

    public async Task ImportAsync(JournalDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var path = DayPath(day.UserId, day.Day);
        var gate = LockFor(day.UserId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await WriteAsync(path, day.Markdown, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The folder of one user; the id becomes one path segment, so anything that could escape the root is refused.</summary>
    private string UserFolder(string userId)
    {
        if (!IsValidUserFolderName(userId))
        {
            throw new ArgumentException("The user id cannot name a journal folder.", nameof(userId));
        }

        return Path.Combine(journalRoot, userId);
    }

    private string DayPath(string userId, DateOnly day) =>
        Path.Combine(UserFolder(userId), day.ToString(DayFormat, CultureInfo.InvariantCulture) + ".md");

    private static bool IsValidUserFolderName(string? userId) =>
        !string.IsNullOrWhiteSpace(userId)
        && userId.Length <= 200
        && userId is not ("." or "..")
        && !userId.StartsWith('.')
        && !userId.Any(c => c is '/' or '\\' || char.IsControl(c) || (c == ':' && OperatingSystem.IsWindows()));

    private static void ValidateTurnId(string turnId)
    {
        if (string.IsNullOrWhiteSpace(turnId) || turnId.Contains("--", StringComparison.Ordinal) || turnId.Any(char.IsControl))
        {
            throw new ArgumentException("The turn id cannot be written into a journal marker.", nameof(turnId));
        }
    }

    private static IEnumerable<(DateOnly Day, string Path)> ListDays(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.md")
            .Select(path => (Parsed: DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(path), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day), day, path))
            .Where(x => x.Parsed)
            .Select(x => (x.day, x.path))
            .OrderBy(x => x.day)
            .ToList();
    }

    private static string Marker(string turnId) => $"<!-- turn:{turnId} -->";

    // User text cannot open an HTML comment, so it can neither forge a marker nor hide later entries when rendered.
    private static string Neutralize(string entry) => entry.Replace("<!--", "&lt;!--", StringComparison.Ordinal);

    private static bool ContainsLine(string text, string line)
    {
        foreach (var candidate in text.AsSpan().EnumerateLines())
        {
            if (candidate.TrimEnd('\r').SequenceEqual(line))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<string?> ReadIfExistsAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, Utf8, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static Task<long> WriteAsync(string path, string markdown, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(
            path,
            (stream, ct) => stream.WriteAsync(Utf8.GetBytes(markdown), ct).AsTask(),
            "the journal",
            cancellationToken);

    private SemaphoreSlim LockFor(string userId) =>
        locks[(int)((uint)StringComparer.Ordinal.GetHashCode(userId) % (uint)locks.Length)];
}
