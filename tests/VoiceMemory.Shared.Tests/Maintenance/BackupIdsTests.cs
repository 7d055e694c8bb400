using VoiceMemory.Maintenance;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

public sealed class BackupIdsTests
{
    [Fact]
    public void For_ThenTryParse_RoundTripsToTheSecondInUtc()
    {
        var time = new DateTimeOffset(2026, 11, 22, 5, 15, 0, 750, TimeSpan.FromHours(2));

        var id = BackupIds.For(time);

        Assert.Equal("20261122T031500Z", id);
        Assert.True(BackupIds.TryParse(id, out var parsed));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 15, 0, TimeSpan.Zero), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20261122T031500")]
    [InlineData("20261122T031500Z.partial")]
    [InlineData("20261322T031500Z")]
    [InlineData("latest")]
    public void TryParse_NotAnId_False(string? id) => Assert.False(BackupIds.TryParse(id, out _));

    [Theory]
    [InlineData("20261122T031500Z", true)]
    [InlineData("my-backup_1.copy", true)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData(".hidden", false)]
    [InlineData("../20261122T031500Z", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("c:x", false)]
    public void IsValid_AllowsOnlyPlainNames(string id, bool valid) => Assert.Equal(valid, BackupIds.IsValid(id));

    [Fact]
    public void Expired_OlderThanCutoff_ExceptTheNewestAndNonTimestamps()
    {
        string[] ids = ["20261101T000000Z", "copied", "20261020T000000Z", "20261121T000000Z"];

        Assert.Equal(["20261020T000000Z", "20261101T000000Z"], BackupIds.Expired(ids, new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(["20261020T000000Z", "20261101T000000Z"], BackupIds.Expired(ids, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Empty(BackupIds.Expired(["20261020T000000Z"], new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
