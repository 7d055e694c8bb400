namespace VoiceMemory.Storage;

/// <summary>API-key users (self-host). The Azure host authenticates with Entra ID and keeps no user store.</summary>
public interface IUserStore
{
    Task AddAsync(UserAccount account, CancellationToken cancellationToken);

    /// <summary>The user whose key hashes to <paramref name="keyHash"/>, or null.</summary>
    Task<UserAccount?> FindByKeyHashAsync(string keyHash, CancellationToken cancellationToken);

    Task<UserAccount?> GetAsync(string userId, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Every user (backup).</summary>
    IAsyncEnumerable<UserAccount> ExportAsync(CancellationToken cancellationToken);

    /// <summary>Writes a user exactly as given (restore).</summary>
    Task ImportAsync(UserAccount account, CancellationToken cancellationToken);
}
