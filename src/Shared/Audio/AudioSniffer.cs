using System.Buffers.Binary;

namespace VoiceMemory.Audio;

/// <summary>
/// Recognises an audio container from the first bytes of a file (its "magic numbers"), never from a
/// declared media type or file name.
/// </summary>
public static class AudioSniffer
{
    // ISO-BMFF brands of still images (HEIF, AVIF, JPEG 2000): an 'ftyp' box, but not audio.
    private static readonly string[] ImageBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis", "jp2 ", "jpx "];

    /// <summary>
    /// The container format that <paramref name="header"/> (the start of a file; 4 KiB is plenty) announces,
    /// or <see cref="AudioFormat.Unknown"/>. Only the magic is checked here; <see cref="AudioValidator"/>
    /// checks the structure behind it.
    /// </summary>
    public static AudioFormat Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WAVE"u8))
        {
            return AudioFormat.Wav;
        }

        if (header.StartsWith("fLaC"u8))
        {
            return AudioFormat.Flac;
        }

        if (header.StartsWith("OggS"u8))
        {
            return AudioFormat.Ogg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return AudioFormat.WebM;
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            return IsAudioBrand(header) ? AudioFormat.Mp4 : AudioFormat.Unknown;
        }

        if (Id3Tag.Size(header) is { } tagSize)
        {
            // A tag longer than the header we were given hides what follows; the parser checks it.
            return tagSize > header.Length - 4 ? AudioFormat.Mp3 : AfterId3(header[(int)tagSize..]);
        }

        return MpegFrameHeader.TryParse(header, out _) ? AudioFormat.Mp3 : AudioFormat.Unknown;
    }

    /// <summary>What follows an ID3v2 tag: usually MPEG frames, sometimes FLAC, sometimes another tag.</summary>
    internal static AudioFormat AfterId3(ReadOnlySpan<byte> rest)
    {
        if (rest.StartsWith("fLaC"u8))
        {
            return AudioFormat.Flac;
        }

        if (Id3Tag.Size(rest) is { } tagSize)
        {
            return tagSize > rest.Length - 4 ? AudioFormat.Mp3 : AfterId3(rest[(int)tagSize..]);
        }

        return MpegFrameHeader.TryParse(rest, out _) ? AudioFormat.Mp3 : AudioFormat.Unknown;
    }

    private static bool IsAudioBrand(ReadOnlySpan<byte> header)
    {
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (boxSize is > 0 and < 16)
        {
            return false;
        }

        var brand = System.Text.Encoding.ASCII.GetString(header[8..12]);
        return !ImageBrands.Contains(brand, StringComparer.Ordinal);
    }
}
