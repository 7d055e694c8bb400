using System.Buffers.Binary;
using VoiceMemory.Audio;

namespace VoiceMemory.Tests.Audio;

/// <summary>Real recordings, damaged on purpose: every one must be refused with the right code, never crash the validator.</summary>
[Collection(AudioSamplesCollection.Name)]
public sealed class AudioValidatorCorruptionTests(AudioSamples samples)
{
    // Formats whose headers declare how much audio follows, so a cut anywhere is detectable.
    public static TheoryData<string> DeclaringRecordings => new()
    {
        "speech.wav", "stereo44k.wav", "speech.flac", "id3.mp3", "vbr.mp3", "cbr.mp3",
        "vorbis.ogg", "opus.ogg", "opus.webm", "aac.m4a", "faststart.m4a", "fragmented.m4a",
    };

    public static TheoryData<string> AllRecordings => new()
    {
        "speech.wav", "pcm8.wav", "streamed.wav", "speech.flac", "plain.mp3", "id3.mp3", "id3v2only.mp3", "vbr.mp3",
        "vorbis.ogg", "opus.ogg", "opus.webm", "live.webm", "aac.m4a", "faststart.m4a", "fragmented.m4a",
    };

    [Theory]
    [MemberData(nameof(DeclaringRecordings))]
    public void Inspect_TruncatedAtSeveralOffsets_Malformed(string name)
    {
        // Arrange: the last cut takes 7 bytes off the audio itself, not off a trailing ID3v1 tag (metadata only).
        var bytes = samples.Bytes(name);
        var audioEnd = bytes.Length >= 128 && bytes.AsSpan(bytes.Length - 128).StartsWith("TAG"u8) ? bytes.Length - 128 : bytes.Length;
        int[] cuts = [40, 200, bytes.Length / 2, bytes.Length * 9 / 10, audioEnd - 7];

        foreach (var cut in cuts)
        {
            using var stream = new MemoryStream(bytes[..cut]);

            // Act
            var error = Record.Exception(() => AudioValidatorTests.Validator().Inspect(stream, null)) as AudioValidationException;

            // Assert
            Assert.True(error?.Code == ErrorCodes.MalformedAudio, $"{name} cut at {cut} of {bytes.Length}: {error?.Code} {error?.Message}");
        }
    }

    [Fact]
    public void Inspect_Mp3WithoutInfoTagCutInsideAFrame_Malformed()
    {
        // Arrange: plain.mp3 is constant-bitrate 16 kHz MPEG-2 without a Xing/Info frame, so every frame has one length.
        var bytes = samples.Bytes("plain.mp3");
        Assert.True(MpegFrameHeader.TryParse(bytes, out var header));
        var cut = (header.FrameLength * 20) + (header.FrameLength / 2);
        using var stream = new MemoryStream(bytes[..cut]);

        // Act
        var error = Assert.Throws<AudioValidationException>(() => AudioValidatorTests.Validator().Inspect(stream, null));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void Inspect_WavHeaderClaimingMoreDataThanPresent_Malformed()
    {
        // Arrange: a "lying header" — the data chunk (and RIFF size) declare ten times the samples that follow.
        var bytes = samples.Bytes("speech.wav");
        var data = bytes.AsSpan().IndexOf("data"u8);
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(data + 4));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(data + 4), declared * 10);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8 + (declared * 9)));
        using var stream = new MemoryStream(bytes);

        // Act
        var error = Assert.Throws<AudioValidationException>(() => AudioValidatorTests.Validator().Inspect(stream, "audio/wav"));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Theory]
    [InlineData("speech.wav", 0, "RIFX")]
    [InlineData("speech.flac", 0, "fLAC")]
    [InlineData("opus.ogg", 0, "Oggs")]
    [InlineData("aac.m4a", 4, "fty_")]
    [InlineData("opus.webm", 0, "\u001aE\u00df\u00a2")]
    public void Inspect_WrongMagic_Unsupported(string name, int offset, string magic)
    {
        // Arrange
        var bytes = samples.Bytes(name);
        for (var i = 0; i < magic.Length; i++)
        {
            bytes[offset + i] = (byte)magic[i];
        }

        using var stream = new MemoryStream(bytes);

        // Act
        var error = Assert.Throws<AudioValidationException>(() => AudioValidatorTests.Validator().Inspect(stream, null));

        // Assert
        Assert.Equal(ErrorCodes.UnsupportedAudio, error.Code);
    }

    [Theory]
    [InlineData("speech.wav", 12)]
    [InlineData("speech.flac", 4)]
    [InlineData("opus.ogg", 4)]
    [InlineData("opus.webm", 4)]
    [InlineData("aac.m4a", 8)]
    [InlineData("plain.mp3", 4)]
    public void Inspect_GarbageBehindValidMagic_Malformed(string name, int keep)
    {
        // Arrange: the real file's magic, then random bytes.
        var bytes = samples.Bytes(name);
        var random = new Random(1234);
        random.NextBytes(bytes.AsSpan(keep));
        using var stream = new MemoryStream(bytes);

        // Act
        var error = Assert.Throws<AudioValidationException>(() => AudioValidatorTests.Validator().Inspect(stream, null));

        // Assert
        Assert.Equal(ErrorCodes.MalformedAudio, error.Code);
    }

    [Fact]
    public void Inspect_RandomBytes_Unsupported()
    {
        // Arrange: random bytes that do not happen to start with 0xFF (an MPEG frame sync).
        var bytes = new byte[20_000];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x42;
        using var stream = new MemoryStream(bytes);

        // Act
        var error = Assert.Throws<AudioValidationException>(() => AudioValidatorTests.Validator().Inspect(stream, "application/octet-stream"));

        // Assert
        Assert.Equal(ErrorCodes.UnsupportedAudio, error.Code);
    }

    [Fact]
    public void Inspect_TextDeclaredAsAudio_Unsupported()
    {
        // Arrange
        using var stream = new MemoryStream("<html><body>not audio</body></html>"u8.ToArray());

        // Act
        var error = Assert.Throws<AudioValidationException>(() => AudioValidatorTests.Validator().Inspect(stream, "audio/mpeg"));

        // Assert
        Assert.Equal(ErrorCodes.UnsupportedAudio, error.Code);
    }

    [Theory]
    [MemberData(nameof(AllRecordings))]
    public void Inspect_RandomlyDamagedBytes_OnlyAudioValidationOutcomes(string name)
    {
        // Arrange: many copies with a few bytes overwritten, and many cut short, at seeded random places.
        var original = samples.Bytes(name);
        var random = new Random(name.Length * 7919);
        var validator = AudioValidatorTests.Validator();
        for (var round = 0; round < 150; round++)
        {
            var bytes = (byte[])original.Clone();
            if (round % 3 == 0)
            {
                bytes = bytes[..random.Next(1, bytes.Length)];
            }
            else
            {
                // Favour the headers, where the parsers look.
                for (var hit = 0; hit < 1 + (round % 4); hit++)
                {
                    var at = round % 2 == 0 ? random.Next(Math.Min(bytes.Length, 512)) : random.Next(bytes.Length);
                    bytes[at] = (byte)random.Next(256);
                }
            }

            using var stream = new MemoryStream(bytes);

            // Act
            var outcome = Record.Exception(() => validator.Inspect(stream, null));

            // Assert
            Assert.True(
                outcome is null or AudioValidationException,
                $"{name}, round {round}: {outcome?.GetType().Name}: {outcome?.Message}\n{outcome?.StackTrace}");
        }
    }
}
