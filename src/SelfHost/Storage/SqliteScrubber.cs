using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// After an erasure or a deleted fact: the rows are already zeroed in place (<c>secure_delete</c>) and gone from the
/// FTS segments (FTS5 secure-delete), but SQLite's write-ahead log still holds the page images from before the delete.
/// A truncating checkpoint copies the current pages into the database and cuts the log to zero bytes (decision 0003).
/// </summary>
public sealed partial class SqliteScrubber(SqliteDatabase db, ILogger<SqliteScrubber>? logger = null) : IUserDataScrubber
{
    // Storage is also composed without logging (tools, tests); a missing logger only loses the warning.
    private readonly ILogger log = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public async Task ScrubAsync(CancellationToken cancellationToken)
    {
        if (!await db.CheckpointTruncateAsync(cancellationToken))
        {
            // Another connection held an old snapshot throughout; the next erasure or the next automatic checkpoint
            // after it ends copies and overwrites the log. Logged so an operator can see it happened.
            LogBusy(log);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "The write-ahead log could not be truncated after a deletion: readers held it for the whole wait")]
    private static partial void LogBusy(ILogger logger);
}
