using System.Security.Cryptography;
using System.Text;

namespace VoiceMemory.Maintenance;

/// <summary>
/// The keys derived (HKDF-SHA256) from the configured backup key: one for file encryption (each file derives its own
/// key from it with a random salt), one for the manifest HMAC, and a short public fingerprint (the key id).
/// </summary>
internal sealed class BackupKey : IDisposable
{
    public const int KeyBytes = 32;

    private static readonly byte[] DataInfo = Encoding.ASCII.GetBytes("VoiceMemory backup v1 data");
    private static readonly byte[] MacInfo = Encoding.ASCII.GetBytes("VoiceMemory backup v1 manifest");
    private static readonly byte[] KeyIdInfo = Encoding.ASCII.GetBytes("VoiceMemory backup v1 key id");
    private static readonly byte[] FileInfo = Encoding.ASCII.GetBytes("VoiceMemory backup v1 file");

    private readonly byte[] dataKey;
    private readonly byte[] macKey;

    private BackupKey(ReadOnlySpan<byte> master)
    {
        dataKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), KeyBytes, salt: [], info: DataInfo);
        macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), KeyBytes, salt: [], info: MacInfo);
        KeyId = Convert.ToHexStringLower(HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 8, salt: [], info: KeyIdInfo));
    }

    /// <summary>A fingerprint of the key (16 hex digits) that reveals nothing about it.</summary>
    public string KeyId { get; }

    /// <summary>True when <paramref name="base64"/> is base64 of exactly 32 bytes.</summary>
    public static bool IsValid(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[64];
        var ok = Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == KeyBytes;
        CryptographicOperations.ZeroMemory(buffer);
        return ok;
    }

    /// <summary>The key configured in <paramref name="base64"/>; null when none is configured (null or blank).</summary>
    /// <exception cref="VoiceMemoryException">The value is not base64 of 32 bytes.</exception>
    public static BackupKey? FromConfiguration(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[64];
        try
        {
            if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != KeyBytes)
            {
                throw new VoiceMemoryException(ErrorCodes.NotConfigured, "VoiceMemory:Backup:EncryptionKey must be base64 of exactly 32 bytes.");
            }

            return new BackupKey(buffer[..KeyBytes]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>The AES-256 key of one file, from the random salt in its header.</summary>
    public byte[] DeriveFileKey(ReadOnlySpan<byte> salt) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, KeyBytes, salt.ToArray(), FileInfo);

    /// <summary>Lowercase hex HMAC-SHA256 of the manifest bytes.</summary>
    public string Sign(ReadOnlySpan<byte> manifest) => Convert.ToHexStringLower(HMACSHA256.HashData(macKey, manifest));

    /// <summary>True when <paramref name="signatureHex"/> is the HMAC of <paramref name="manifest"/> under this key.</summary>
    public bool Verify(ReadOnlySpan<byte> manifest, string signatureHex)
    {
        byte[] expected = HMACSHA256.HashData(macKey, manifest);
        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHex.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(dataKey);
        CryptographicOperations.ZeroMemory(macKey);
    }
}
