using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.Storage;
using VoiceMemory.Turns;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

/// <summary>In-memory stores, a backup storage and a manual clock, with the maintenance services over them.</summary>
internal sealed class MaintenanceHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);

    public MaintenanceHarness(ManualTimeProvider? time = null, InMemoryBackupStorage? storage = null)
    {
        Time = time ?? new ManualTimeProvider(Start);
        Storage = storage ?? new InMemoryBackupStorage();
        Audio = new InMemoryAudioStore(Time);
    }

    public ManualTimeProvider Time { get; }

    public InMemoryBackupStorage Storage { get; }

    public InMemoryTurnStore Turns { get; } = new();

    public InMemoryMemoryStore Memory { get; } = new();

    public InMemoryUserStore Users { get; } = new();

    public InMemoryAudioStore Audio { get; }

    public BackupOptions BackupOptions { get; } = new();

    public RetentionOptions RetentionOptions { get; } = new();

    public int StoreWrites => Turns.Writes + Memory.Writes + Users.Writes + Audio.Writes;

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Empty stores sharing this harness's backup storage and clock: where a restore goes.</summary>
    public MaintenanceHarness EmptyTwin()
    {
        var twin = new MaintenanceHarness(Time, Storage);
        twin.BackupOptions.EncryptionKey = BackupOptions.EncryptionKey;
        return twin;
    }

    public BackupService Backup(bool withUsers = true) =>
        new(Turns, Memory, Audio, Storage, Options.Create(BackupOptions), Time, NullLogger<BackupService>.Instance, withUsers ? Users : null);

    public RestoreService Restore(bool withUsers = true) =>
        new(Turns, Memory, Audio, Storage, Options.Create(BackupOptions), Time, NullLogger<RestoreService>.Instance, withUsers ? Users : null);

    public RetentionService Retention(params IRetentionExtension[] extensions) =>
        new(Turns, Audio, Storage, Options.Create(RetentionOptions), Options.Create(BackupOptions), Time, NullLogger<RetentionService>.Instance, extensions);

    /// <summary>Two users with turns (spoken, typed, failed, non-ASCII), facts, journal days and audio.</summary>
    public async Task SeedAsync(int extraTurns = 0)
    {
        var ct = CancellationToken.None;
        await Users.AddAsync(new UserAccount("u1", "Alice", new string('a', 64), Start.AddDays(-10)), ct);
        await Users.AddAsync(new UserAccount("u2", "Bob", new string('b', 64), Start.AddDays(-9)), ct);

        await AddSpokenTurnAsync("u1", "t1", "I am allergic to peanuts.", 4_000, ct);
        await AddSpokenTurnAsync("u2", "t2", "我叫小明，我喜欢喝茶。", 300_000, ct);
        await Turns.SaveAsync(new TurnRecord
        {
            TurnId = "t3",
            UserId = "u1",
            State = TurnState.Completed,
            CreatedAt = Start.AddHours(-2),
            UpdatedAt = Start.AddHours(-2),
            Locale = "en-US",
            Typed = true,
            IdempotencyKey = "idem-1",
            Transcript = new Transcript("what am I allergic to?", "en-US", 1),
            Reply = new Reply("You told me you are allergic to peanuts.", ReplySource.Fallback),
            Safety = SafetyOutcome.Clear,
            Timings = new StageTimings(Screen: 1, Recall: 2, Reply: 3, Remember: 4, Total: 10),
        }, ct);
        await Turns.SaveAsync(new TurnRecord
        {
            TurnId = "t4",
            UserId = "u2",
            State = TurnState.Failed,
            CreatedAt = Start.AddHours(-1),
            UpdatedAt = Start.AddHours(-1),
            Locale = "zh-CN",
            Error = new TurnError(ErrorCodes.TranscriptionFailed, "Transcription failed."),
        }, ct);
        for (var i = 0; i < extraTurns; i++)
        {
            await Turns.SaveAsync(new TurnRecord
            {
                TurnId = $"x{i:D5}",
                UserId = "u1",
                State = TurnState.Completed,
                CreatedAt = Start.AddMinutes(-i),
                UpdatedAt = Start.AddMinutes(-i),
                Locale = "en-US",
                Typed = true,
                Transcript = new Transcript($"note number {i} about the garden and the weather", "en-US", 1),
                Reply = new Reply($"I will remember note {i}.", ReplySource.Fallback),
                Safety = SafetyOutcome.Clear,
            }, ct);
        }

        await Memory.UpsertFactsAsync("u1", "t1", [new ExtractedFact("Allergic to peanuts", FactKind.Health, null), new ExtractedFact("Alice", FactKind.Profile, "profile.name")], Start.AddHours(-3), ct);
        await Memory.UpsertFactsAsync("u2", "t2", [new ExtractedFact("喜欢喝茶", FactKind.Preference, null)], Start.AddHours(-3), ct);
        await Memory.AppendJournalAsync("u1", new DateOnly(2026, 11, 21), "t1", "- 03:00 I am allergic to peanuts.", ct);
        await Memory.AppendJournalAsync("u1", new DateOnly(2026, 11, 22), "t3", "- 01:15 what am I allergic to?", ct);
        await Memory.AppendJournalAsync("u2", new DateOnly(2026, 11, 21), "t2", "- 03:00 我叫小明", ct);
    }

    private async Task AddSpokenTurnAsync(string userId, string turnId, string text, int replyBytes, CancellationToken ct)
    {
        var input = await Audio.SaveAsync(AudioKeys.Input(userId, turnId, ".wav"), new MemoryStream(RandomNumberGenerator.GetBytes(2_000)), "audio/wav", ct);
        var reply = await Audio.SaveAsync(AudioKeys.Reply(userId, turnId, ".mp3"), new MemoryStream(RandomNumberGenerator.GetBytes(replyBytes)), "audio/mpeg", ct);
        await Turns.SaveAsync(new TurnRecord
        {
            TurnId = turnId,
            UserId = userId,
            State = TurnState.Completed,
            CreatedAt = Start.AddHours(-3),
            UpdatedAt = Start.AddHours(-3).AddSeconds(4),
            Locale = userId == "u2" ? "zh-CN" : "en-US",
            InputAudio = input,
            Transcript = new Transcript(text, userId == "u2" ? "zh-CN" : "en-US", 0.87),
            Reply = new Reply("Noted.", ReplySource.Llm),
            Safety = SafetyOutcome.Clear,
            ReplyAudio = reply,
            Timings = new StageTimings(120, 5, 7, 800, 300, 20, 1252),
        }, ct);
    }
}
