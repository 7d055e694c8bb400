using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

internal static class TestDatabase
{
    /// <summary>A migrated database file in <paramref name="folder"/>.</summary>
    public static async Task<SqliteDatabase> CreateAsync(TempDirectory folder, string name = "voicememory.db")
    {
        var db = new SqliteDatabase(folder.Combine("data", name));
        await db.MigrateAsync(CancellationToken.None);
        return db;
    }
}
