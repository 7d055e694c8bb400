using Microsoft.Data.Sqlite;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// Recognises the file-system failures an operator can fix (a full disk, a read-only or forbidden data folder) and
/// turns them into typed, transient <see cref="VoiceMemoryException"/>s that retry policies and the API understand.
/// SQLite reports the same conditions with its own result codes, so they are recognised too.
/// </summary>
internal static class StorageFailures
{
    // On Unix, .NET puts the raw errno into IOException.HResult; on Windows it is an HRESULT wrapping a Win32 code.
    private const int UnixNoSpace = 28; // ENOSPC
    private const int UnixQuotaExceeded = 122; // EDQUOT
    private const int UnixReadOnly = 30; // EROFS
    private const int WindowsDiskFull = 112; // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = 39; // ERROR_HANDLE_DISK_FULL
    private const int WindowsWriteProtect = 19; // ERROR_WRITE_PROTECT

    // SQLite primary result codes (the low byte of an extended code).
    private const int SqliteReadOnly = 8; // SQLITE_READONLY: the file or its folder cannot be written
    private const int SqliteIoError = 10; // SQLITE_IOERR: the OS refused a read, write or sync
    private const int SqliteFull = 13; // SQLITE_FULL: the disk is full
    private const int SqliteCannotOpen = 14; // SQLITE_CANTOPEN: missing, read-only or forbidden folder

    /// <summary>The typed failure for <paramref name="exception"/>, or null when it is not a storage condition.</summary>
    public static VoiceMemoryException? Translate(Exception exception, string what) => exception switch
    {
        IOException io when IsDiskFull(io) =>
            new VoiceMemoryException(ErrorCodes.StorageFull, $"There is no space left to write {what}.", isTransient: true, io),
        IOException io when IsReadOnly(io) =>
            new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"The storage for {what} is read-only.", isTransient: true, io),
        UnauthorizedAccessException denied =>
            new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"Access to the storage for {what} was denied.", isTransient: true, denied),
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) switch
        {
            SqliteFull => new VoiceMemoryException(ErrorCodes.StorageFull, "There is no space left to write the database.", isTransient: true, sqlite),
            SqliteReadOnly => new VoiceMemoryException(ErrorCodes.StorageUnavailable, "The database is read-only.", isTransient: true, sqlite),
            SqliteCannotOpen => new VoiceMemoryException(ErrorCodes.StorageUnavailable, "The database cannot be opened: its folder is missing, read-only or forbidden.", isTransient: true, sqlite),
            SqliteIoError => new VoiceMemoryException(ErrorCodes.StorageUnavailable, "The database could not be read or written (I/O error).", isTransient: true, sqlite),
            _ => null,
        },
        _ => null,
    };

    private static bool IsDiskFull(IOException exception) => OperatingSystem.IsWindows()
        ? (exception.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull
        : exception.HResult is UnixNoSpace or UnixQuotaExceeded;

    private static bool IsReadOnly(IOException exception) => OperatingSystem.IsWindows()
        ? (exception.HResult & 0xFFFF) is WindowsWriteProtect
        : exception.HResult is UnixReadOnly;
}
