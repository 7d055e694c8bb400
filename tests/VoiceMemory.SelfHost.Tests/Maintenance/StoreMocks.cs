using Moq;
using VoiceMemory.Memory;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Maintenance;

/// <summary>Store mocks whose exports return the given records and whose imports are captured.</summary>
internal sealed class StoreMocks
{
    public StoreMocks(IEnumerable<TurnRecord>? turns = null, IEnumerable<MemoryFact>? facts = null, IEnumerable<JournalDay>? journal = null, IEnumerable<UserAccount>? users = null, IEnumerable<StoredAudio>? audio = null)
    {
        var turnList = (turns ?? []).ToList();
        Turns.Setup(t => t.ExportAsync(It.IsAny<CancellationToken>())).Returns(() => turnList.ToAsyncEnumerable());
        Turns.Setup(t => t.ListOlderThanAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((DateTimeOffset cutoff, CancellationToken _) => turnList.Where(t => t.CreatedAt < cutoff).ToAsyncEnumerable());
        Turns.Setup(t => t.SaveAsync(It.IsAny<TurnRecord>(), It.IsAny<CancellationToken>())).Callback((TurnRecord r, CancellationToken _) => SavedTurns.Add(r)).Returns(Task.CompletedTask);

        var factList = (facts ?? []).ToList();
        var dayList = (journal ?? []).ToList();
        Memory.Setup(m => m.ExportFactsAsync(It.IsAny<CancellationToken>())).Returns(() => factList.ToAsyncEnumerable());
        Memory.Setup(m => m.ExportJournalAsync(It.IsAny<CancellationToken>())).Returns(() => dayList.ToAsyncEnumerable());
        Memory.Setup(m => m.ImportFactAsync(It.IsAny<MemoryFact>(), It.IsAny<CancellationToken>())).Callback((MemoryFact f, CancellationToken _) => ImportedFacts.Add(f)).Returns(Task.CompletedTask);
        Memory.Setup(m => m.ImportJournalDayAsync(It.IsAny<JournalDay>(), It.IsAny<CancellationToken>())).Callback((JournalDay d, CancellationToken _) => ImportedDays.Add(d)).Returns(Task.CompletedTask);

        var userList = (users ?? []).ToList();
        Users.Setup(u => u.ExportAsync(It.IsAny<CancellationToken>())).Returns(() => userList.ToAsyncEnumerable());
        Users.Setup(u => u.ImportAsync(It.IsAny<UserAccount>(), It.IsAny<CancellationToken>())).Callback((UserAccount a, CancellationToken _) => ImportedUsers.Add(a)).Returns(Task.CompletedTask);

        var audioList = (audio ?? []).ToList();
        Audio.Setup(a => a.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string prefix, CancellationToken _) => audioList.Where(i => i.Key.StartsWith(prefix, StringComparison.Ordinal)).ToAsyncEnumerable());
        Audio.Setup(a => a.OpenReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, CancellationToken _) => audioList.Any(i => i.Key == key) ? new MemoryStream(AudioBytes(key)) : null);
        Audio.Setup(a => a.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Audio.Setup(a => a.SaveAsync(It.IsAny<string>(), It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string key, Stream content, string type, CancellationToken ct) =>
            {
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy, ct);
                SavedAudio[key] = copy.ToArray();
                return new AudioRef(key, type, copy.Length);
            });
    }

    public Mock<ITurnStore> Turns { get; } = new();

    public Mock<IMemoryStore> Memory { get; } = new();

    public Mock<IUserStore> Users { get; } = new();

    public Mock<IAudioStore> Audio { get; } = new();

    public List<TurnRecord> SavedTurns { get; } = [];

    public List<MemoryFact> ImportedFacts { get; } = [];

    public List<JournalDay> ImportedDays { get; } = [];

    public List<UserAccount> ImportedUsers { get; } = [];

    public Dictionary<string, byte[]> SavedAudio { get; } = [];

    /// <summary>Deterministic bytes per key, larger than one encryption chunk.</summary>
    public static byte[] AudioBytes(string key)
    {
        var bytes = new byte[100_000];
        new Random(key.GetHashCode(StringComparison.Ordinal)).NextBytes(bytes);
        return bytes;
    }
}
