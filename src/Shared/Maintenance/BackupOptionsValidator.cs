using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;

namespace VoiceMemory.Maintenance;

/// <summary>Checks at start that <see cref="BackupOptions.EncryptionKey"/>, when set, is base64 of exactly 32 bytes.</summary>
internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.EncryptionKey) || BackupKey.IsValid(options.EncryptionKey)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("VoiceMemory:Backup:EncryptionKey must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`).");
    }
}
