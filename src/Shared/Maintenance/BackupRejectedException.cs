namespace VoiceMemory.Maintenance;

/// <summary>
/// A backup failed verification (damaged, truncated, missing a file, tampered, unknown format version, or encrypted
/// with another key); nothing was restored. Code <see cref="ErrorCodes.BackupRejected"/>.
/// </summary>
public sealed class BackupRejectedException : VoiceMemoryException
{
    public BackupRejectedException(string message, Exception? innerException)
        : base(ErrorCodes.BackupRejected, message, isTransient: false, innerException)
    {
    }

    public BackupRejectedException(string message) : this(message, null) { }

    public BackupRejectedException() : this("The backup was rejected.") { }
}
