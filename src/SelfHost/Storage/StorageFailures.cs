namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// Recognises the file-system failures an operator can fix (a full disk, a read-only or forbidden data folder) and
/// turns them into typed, transient <see cref="VoiceMemoryException"/>s that retry policies and the API understand.
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

    /// <summary>The typed failure for <paramref name="exception"/>, or null when it is not a storage condition.</summary>
    public static VoiceMemoryException? Translate(Exception exception, string what) => exception switch
    {
        IOException io when IsDiskFull(io) =>
            new VoiceMemoryException(ErrorCodes.StorageFull, $"There is no space left to write {what}.", isTransient: true, io),
        IOException io when IsReadOnly(io) =>
            new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"The storage for {what} is read-only.", isTransient: true, io),
        UnauthorizedAccessException denied =>
            new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"Access to the storage for {what} was denied.", isTransient: true, denied),
        _ => null,
    };

    private static bool IsDiskFull(IOException exception) => OperatingSystem.IsWindows()
        ? (exception.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull
        : exception.HResult is UnixNoSpace or UnixQuotaExceeded;

    private static bool IsReadOnly(IOException exception) => OperatingSystem.IsWindows()
        ? (exception.HResult & 0xFFFF) is WindowsWriteProtect
        : exception.HResult is UnixReadOnly;
}
