using Microsoft.Data.Sqlite;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

/// <summary>
/// SQLite reports a full or read-only disk with its own result codes. Found by the fault harness: a typed turn on a
/// full disk answered 500 internal_error, and the runner crashed the host, because these were not recognised.
/// </summary>
public sealed class StorageFailuresTests
{
    [Theory]
    [InlineData(13, ErrorCodes.StorageFull)] // SQLITE_FULL
    [InlineData(8, ErrorCodes.StorageUnavailable)] // SQLITE_READONLY
    [InlineData(1032, ErrorCodes.StorageUnavailable)] // SQLITE_READONLY_DBMOVED (extended)
    [InlineData(14, ErrorCodes.StorageUnavailable)] // SQLITE_CANTOPEN
    [InlineData(10, ErrorCodes.StorageUnavailable)] // SQLITE_IOERR
    [InlineData(778, ErrorCodes.StorageUnavailable)] // SQLITE_IOERR_WRITE (extended)
    public void Translate_SqliteStorageCondition_IsTypedAndTransient(int sqliteCode, string expected)
    {
        var typed = StorageFailures.Translate(new SqliteException("disk trouble", sqliteCode), "the data");

        Assert.NotNull(typed);
        Assert.Equal(expected, typed.Code);
        Assert.True(typed.IsTransient);
        Assert.IsType<SqliteException>(typed.InnerException);
    }

    [Theory]
    [InlineData(19)] // SQLITE_CONSTRAINT
    [InlineData(5)] // SQLITE_BUSY
    [InlineData(1)] // SQLITE_ERROR
    public void Translate_OtherSqliteErrors_AreNotStorageConditions(int sqliteCode) =>
        Assert.Null(StorageFailures.Translate(new SqliteException("not the disk", sqliteCode), "the data"));
}
