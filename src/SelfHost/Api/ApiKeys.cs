using System.Security.Cryptography;
using System.Text;

namespace VoiceMemory.SelfHost.Api;

/// <summary>
/// API keys: 32 random bytes, shown once, stored only as a SHA-256 hash. A salted slow hash is not needed:
/// the keys are random and long, so the hash cannot be reversed by guessing.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "vm_";

    /// <summary>A new key, e.g. <c>vm_3q2+…</c> (URL-safe).</summary>
    public static string NewKey() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new user id.</summary>
    public static string NewUserId() => "u_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
