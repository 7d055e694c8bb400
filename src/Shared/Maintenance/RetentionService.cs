using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Storage;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Deletes what is past its time: input audio after <see cref="RetentionOptions.InputAudioDays"/>, reply audio after
/// <see cref="RetentionOptions.ReplyAudioDays"/> (both by last-modified time), turns and their audio after
/// <see cref="RetentionOptions.TurnDays"/>, backups after <see cref="BackupOptions.KeepDays"/> (the newest is always
/// kept) and pending backups abandoned for more than a day; then runs the host's <see cref="IRetentionExtension"/>s.
/// Each rule runs even when another fails; counts go to <c>voicememory.retention.deleted</c> [kind].
/// The <see cref="RetentionOptions.Enabled"/> flag is honoured by the schedules that call this, not here.
/// </summary>
public sealed partial class RetentionService(
    ITurnStore turns,
    IAudioStore audio,
    IBackupStorage backups,
    IOptions<RetentionOptions> retention,
    IOptions<BackupOptions> backup,
    TimeProvider time,
    ILogger<RetentionService> logger,
    IEnumerable<IRetentionExtension>? extensions = null)
{
    /// <summary>A pending backup this old is taken to be abandoned by a crash.</summary>
    internal static readonly TimeSpan AbandonedPendingAge = TimeSpan.FromDays(1);

    /// <summary>Runs every rule once.</summary>
    /// <exception cref="VoiceMemoryException">Some rules failed (<see cref="ErrorCodes.StorageUnavailable"/>); the others ran and are counted.</exception>
    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rules = retention.Value;
        var failed = new List<(string Kind, Exception Error)>();
        var inputAudio = new StrongBox<int>();
        var replyAudio = new StrongBox<int>();
        var turnCount = new StrongBox<int>();
        var backupCount = new StrongBox<int>();

        await RunRuleAsync(RetentionKinds.InputAudio, inputAudio, failed, () => DeleteAudioAsync(AudioKeys.InputPrefix, now - TimeSpan.FromDays(rules.InputAudioDays), inputAudio, cancellationToken), cancellationToken);
        await RunRuleAsync(RetentionKinds.ReplyAudio, replyAudio, failed, () => DeleteAudioAsync(AudioKeys.ReplyPrefix, now - TimeSpan.FromDays(rules.ReplyAudioDays), replyAudio, cancellationToken), cancellationToken);

        // Audio removed with its turn is counted under its own kind.
        var turnInputAudio = new StrongBox<int>();
        var turnReplyAudio = new StrongBox<int>();
        await RunRuleAsync(RetentionKinds.Turn, turnCount, failed, () => DeleteTurnsAsync(now - TimeSpan.FromDays(rules.TurnDays), turnCount, turnInputAudio, turnReplyAudio, cancellationToken), cancellationToken);
        Record(RetentionKinds.InputAudio, turnInputAudio.Value);
        Record(RetentionKinds.ReplyAudio, turnReplyAudio.Value);

        await RunRuleAsync(RetentionKinds.Backup, backupCount, failed, () => DeleteBackupsAsync(now, backupCount, cancellationToken), cancellationToken);

        var extensionCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var extension in extensions ?? [])
        {
            var count = new StrongBox<int>();
            await RunRuleAsync(extension.Kind, count, failed, async () => count.Value = await extension.RunAsync(now, cancellationToken), cancellationToken);
            extensionCounts[extension.Kind] = extensionCounts.GetValueOrDefault(extension.Kind) + count.Value;
        }

        var result = new RetentionResult(inputAudio.Value + turnInputAudio.Value, replyAudio.Value + turnReplyAudio.Value, turnCount.Value, backupCount.Value)
        {
            Extensions = extensionCounts,
        };
        LogCompleted(logger, result.InputAudio, result.ReplyAudio, result.Turns, result.Backups);
        if (failed.Count > 0)
        {
            throw new VoiceMemoryException(
                ErrorCodes.StorageUnavailable,
                $"Retention did not finish: {string.Join(", ", failed.Select(f => f.Kind))} failed.",
                isTransient: true,
                failed[0].Error);
        }

        return result;
    }

    private async Task RunRuleAsync(string kind, StrongBox<int> deleted, List<(string Kind, Exception Error)> failed, Func<Task> rule, CancellationToken cancellationToken)
    {
        try
        {
            await rule();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(kind, deleted.Value);
            throw;
        }
        catch (Exception exception)
        {
            LogRuleFailed(logger, exception, kind);
            failed.Add((kind, exception));
        }

        Record(kind, deleted.Value);
    }

    private async Task DeleteAudioAsync(string prefix, DateTimeOffset cutoff, StrongBox<int> deleted, CancellationToken cancellationToken)
    {
        // Listed first, deleted after: deleting while a store enumerates may upset its paging.
        var expired = await audio.ListAsync(prefix, cancellationToken)
            .Where(item => item.LastModified < cutoff)
            .Select(item => item.Key)
            .ToListAsync(cancellationToken);
        foreach (var key in expired)
        {
            if (await audio.DeleteAsync(key, cancellationToken))
            {
                deleted.Value++;
            }
        }
    }

    private async Task DeleteTurnsAsync(DateTimeOffset cutoff, StrongBox<int> deleted, StrongBox<int> inputAudio, StrongBox<int> replyAudio, CancellationToken cancellationToken)
    {
        var expired = await turns.ListOlderThanAsync(cutoff, cancellationToken)
            .Select(t => (t.UserId, t.TurnId, Input: t.InputAudio?.Key, Reply: t.ReplyAudio?.Key))
            .ToListAsync(cancellationToken);
        foreach (var turn in expired)
        {
            if (turn.Input is not null && await audio.DeleteAsync(turn.Input, cancellationToken))
            {
                inputAudio.Value++;
            }

            if (turn.Reply is not null && await audio.DeleteAsync(turn.Reply, cancellationToken))
            {
                replyAudio.Value++;
            }

            if (await turns.DeleteAsync(turn.UserId, turn.TurnId, cancellationToken))
            {
                deleted.Value++;
            }
        }
    }

    private async Task DeleteBackupsAsync(DateTimeOffset now, StrongBox<int> deleted, CancellationToken cancellationToken)
    {
        var complete = await backups.ListBackupsAsync(cancellationToken).ToListAsync(cancellationToken);
        foreach (var id in BackupIds.Expired(complete, now - TimeSpan.FromDays(backup.Value.KeepDays)))
        {
            await backups.DeleteBackupAsync(id, cancellationToken);
            deleted.Value++;
        }

        // A pending id that is also complete is left alone: deleting it would take the complete backup with it.
        var abandonedBefore = now - AbandonedPendingAge;
        var pending = await backups.ListPendingBackupsAsync(cancellationToken).ToListAsync(cancellationToken);
        foreach (var id in pending)
        {
            if (BackupIds.TryParse(id, out var started) && started < abandonedBefore && !complete.Contains(id))
            {
                await backups.DeleteBackupAsync(id, cancellationToken);
                deleted.Value++;
            }
        }
    }

    private static void Record(string kind, int count)
    {
        if (count > 0)
        {
            VoiceMemoryTelemetry.RetentionDeleted.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Retention deleted {InputAudio} input audio, {ReplyAudio} reply audio, {Turns} turns, {Backups} backups")]
    private static partial void LogCompleted(ILogger logger, int inputAudio, int replyAudio, int turns, int backups);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Error, Message = "Retention rule {Kind} failed")]
    private static partial void LogRuleFailed(ILogger logger, Exception exception, string kind);
}
