using VoiceMemory.Audio;
using static VoiceMemory.Tests.Audio.ByteWriter;

namespace VoiceMemory.Tests.Audio;

public sealed class AudioSnifferTests
{
    // MPEG-1 layer III, 128 kbit/s, 44.1 kHz, no padding, joint stereo.
    private static readonly byte[] Mp3Frame = [0xFF, 0xFB, 0x90, 0x64];

    public static TheoryData<byte[], AudioFormat> Headers => new()
    {
        { Concat(Ascii("RIFF"), U32Le(100), Ascii("WAVEfmt ")), AudioFormat.Wav },
        { Concat(Ascii("fLaC"), Zeros(8)), AudioFormat.Flac },
        { Concat(Ascii("OggS"), Zeros(8)), AudioFormat.Ogg },
        { Concat([0x1A, 0x45, 0xDF, 0xA3], Zeros(8)), AudioFormat.WebM },
        { Concat(U32Be(24), Ascii("ftypM4A "), Zeros(12)), AudioFormat.Mp4 },
        { Concat(U32Be(20), Ascii("ftyp3gp4"), Zeros(8)), AudioFormat.Mp4 },
        { Concat(Mp3Frame, Zeros(8)), AudioFormat.Mp3 },
        { Concat(Ascii("ID3"), [4, 0, 0, 0, 0, 0, 2], Zeros(2), Mp3Frame), AudioFormat.Mp3 },
        { Concat(Ascii("ID3"), [3, 0, 0, 0, 0, 0, 2], Zeros(2), Ascii("fLaC")), AudioFormat.Flac },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Detect_KnownMagic_ReturnsFormat(byte[] header, AudioFormat expected)
    {
        // Act
        var format = AudioSniffer.Detect(header);

        // Assert
        Assert.Equal(expected, format);
    }

    public static TheoryData<byte[]> NotAudio => new()
    {
        Array.Empty<byte>(),
        Ascii("RIF"),
        Concat(Ascii("RIFF"), U32Le(100), Ascii("AVI LIST")),
        Concat(U32Be(24), Ascii("ftypheic"), Zeros(12)),
        Concat(U32Be(24), Ascii("ftypavif"), Zeros(12)),
        Ascii("<!DOCTYPE html><html></html>"),
        Ascii("%PDF-1.7"),
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A },
        // ADTS AAC: frame sync but the "reserved" layer 0.
        new byte[] { 0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC },
        // Frame sync with bitrate index 15 (invalid) and with sample-rate index 3 (reserved).
        new byte[] { 0xFF, 0xFB, 0xF0, 0x64 },
        new byte[] { 0xFF, 0xFB, 0x9C, 0x64 },
        // MPEG version "01" is reserved.
        new byte[] { 0xFF, 0xEB, 0x90, 0x64 },
        // An ID3 tag followed by neither MPEG frames nor FLAC.
        Concat(Ascii("ID3"), [4, 0, 0, 0, 0, 0, 2], Zeros(2), Ascii("junk")),
        // An ID3 header whose size is not syncsafe.
        Concat(Ascii("ID3"), [4, 0, 0, 0x80, 0, 0, 2], Mp3Frame),
    };

    [Theory]
    [MemberData(nameof(NotAudio))]
    public void Detect_OtherBytes_Unknown(byte[] header)
    {
        // Act
        var format = AudioSniffer.Detect(header);

        // Assert
        Assert.Equal(AudioFormat.Unknown, format);
    }

    [Fact]
    public void Detect_Id3TagLongerThanHeader_Mp3()
    {
        // Arrange: a 4000-byte tag (cover art) of which only the start is given.
        var header = Concat(Ascii("ID3"), [3, 0, 0, 0, 0, 0x1F, 0x20], Zeros(200));

        // Act
        var format = AudioSniffer.Detect(header);

        // Assert
        Assert.Equal(AudioFormat.Mp3, format);
    }
}
