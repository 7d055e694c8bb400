using System.Security.Cryptography;
using VoiceMemory.Maintenance;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

public sealed class BackupCipherTests
{
    private const int Chunk = BackupCipher.MinChunkSize;
    private const int Sealed = Chunk + BackupCipher.TagBytes;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData((3 * Chunk) + 17)]
    public void EncryptThenDecrypt_AnySize_GivesThePlaintextBack(int size)
    {
        using var key = NewKey();
        var plain = RandomNumberGenerator.GetBytes(size);

        var cipher = Encrypt(key, plain, "a.bin");

        var chunks = Math.Max(1, (size + Chunk - 1) / Chunk);
        Assert.Equal(BackupCipher.HeaderBytes + (chunks * BackupCipher.TagBytes) + size, cipher.Length);
        Assert.Equal(plain, Decrypt(key, cipher, "a.bin"));
    }

    [Fact]
    public void Encrypt_SamePlaintextTwice_DiffersEachTime()
    {
        using var key = NewKey();
        var plain = new byte[100];

        Assert.NotEqual(Encrypt(key, plain, "a.bin"), Encrypt(key, plain, "a.bin"));
    }

    [Fact]
    public void Decrypt_TruncatedAtAChunkBoundary_Fails()
    {
        using var key = NewKey();
        var cipher = Encrypt(key, RandomNumberGenerator.GetBytes(3 * Chunk), "a.bin");

        // The header and the first two (non-final) chunks, exactly: looks whole, but no chunk is flagged final.
        var truncated = cipher[..(BackupCipher.HeaderBytes + (2 * Sealed))];

        Assert.ThrowsAny<CryptographicException>(() => Decrypt(key, truncated, "a.bin"));
    }

    [Fact]
    public void Decrypt_WithBytesAppended_Fails()
    {
        using var key = NewKey();
        var cipher = Encrypt(key, RandomNumberGenerator.GetBytes(Chunk + 5), "a.bin");

        Assert.ThrowsAny<CryptographicException>(() => Decrypt(key, [.. cipher, .. new byte[Sealed]], "a.bin"));
    }

    [Fact]
    public void Decrypt_ChunksReordered_Fails()
    {
        using var key = NewKey();
        var cipher = Encrypt(key, RandomNumberGenerator.GetBytes((2 * Chunk) + 3), "a.bin");
        var header = cipher[..BackupCipher.HeaderBytes];
        var first = cipher[BackupCipher.HeaderBytes..(BackupCipher.HeaderBytes + Sealed)];
        var second = cipher[(BackupCipher.HeaderBytes + Sealed)..(BackupCipher.HeaderBytes + (2 * Sealed))];
        var rest = cipher[(BackupCipher.HeaderBytes + (2 * Sealed))..];

        Assert.ThrowsAny<CryptographicException>(() => Decrypt(key, [.. header, .. second, .. first, .. rest], "a.bin"));
    }

    [Fact]
    public void Decrypt_UnderAnotherFileName_Fails()
    {
        using var key = NewKey();
        var cipher = Encrypt(key, RandomNumberGenerator.GetBytes(10), "facts.ndjson.gz");

        Assert.ThrowsAny<CryptographicException>(() => Decrypt(key, cipher, "journal.ndjson.gz"));
    }

    [Fact]
    public void Decrypt_WithAnotherKey_Fails()
    {
        using var key = NewKey();
        using var other = NewKey();
        var cipher = Encrypt(key, RandomNumberGenerator.GetBytes(10), "a.bin");

        Assert.ThrowsAny<CryptographicException>(() => Decrypt(other, cipher, "a.bin"));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(BackupCipher.HeaderBytes + 3)]
    public void Decrypt_ShorterThanHeaderPlusTag_FailsAsInvalidData(int length)
    {
        using var key = NewKey();
        var cipher = Encrypt(key, [], "a.bin");

        Assert.Throws<InvalidDataException>(() => Decrypt(key, cipher[..length], "a.bin"));
    }

    [Fact]
    public void Decrypt_HeaderWithHugeChunkSize_FailsBeforeAllocating()
    {
        using var key = NewKey();
        var cipher = Encrypt(key, [1, 2, 3], "a.bin");
        cipher[5] = 0x7f;

        Assert.Throws<InvalidDataException>(() => Decrypt(key, cipher, "a.bin"));
    }

    [Fact]
    public async Task EncryptAsync_ReadInTinyPieces_MatchesAndDecryptsAsync()
    {
        using var key = NewKey();
        var plain = RandomNumberGenerator.GetBytes((2 * Chunk) + 100);
        using var encrypting = new EncryptingStream(new MemoryStream(plain), key, "a.bin", Chunk);
        using var cipher = new MemoryStream();
        var buffer = new byte[7];
        int read;
        while ((read = await encrypting.ReadAsync(buffer)) > 0)
        {
            cipher.Write(buffer, 0, read);
        }

        using var decrypting = new DecryptingStream(new MemoryStream(cipher.ToArray()), key, "a.bin");
        using var back = new MemoryStream();
        await decrypting.CopyToAsync(back);
        Assert.Equal(plain, back.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void FromConfiguration_Blank_MeansNoKey(string value) => Assert.Null(BackupKey.FromConfiguration(value));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void FromConfiguration_NotBase64Of32Bytes_ThrowsNotConfigured(string value)
    {
        Assert.False(BackupKey.IsValid(value));
        var error = Assert.Throws<VoiceMemoryException>(() => BackupKey.FromConfiguration(value));
        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
    }

    [Fact]
    public void KeyId_SameKey_SameId_OtherKey_OtherId()
    {
        var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var a = BackupKey.FromConfiguration(text)!;
        using var b = BackupKey.FromConfiguration(text)!;
        using var c = NewKey();

        Assert.Equal(a.KeyId, b.KeyId);
        Assert.NotEqual(a.KeyId, c.KeyId);
        Assert.DoesNotContain(a.KeyId, text, StringComparison.OrdinalIgnoreCase);
    }

    private static BackupKey NewKey() => BackupKey.FromConfiguration(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))!;

    private static byte[] Encrypt(BackupKey key, byte[] plain, string name)
    {
        using var encrypting = new EncryptingStream(new MemoryStream(plain), key, name, Chunk);
        using var cipher = new MemoryStream();
        encrypting.CopyTo(cipher);
        return cipher.ToArray();
    }

    private static byte[] Decrypt(BackupKey key, byte[] cipher, string name)
    {
        using var decrypting = new DecryptingStream(new MemoryStream(cipher), key, name);
        using var plain = new MemoryStream();
        decrypting.CopyTo(plain);
        return plain.ToArray();
    }
}
