using System.Buffers.Binary;

namespace VoiceMemory.Audio;

/// <summary>Reads and checks the RIFF/WAVE structure of a file: the <c>fmt </c> and <c>data</c> chunks, skipping any others.</summary>
public static class WavParser
{
    private const uint UnknownSize = 0xFFFFFFFF;
    private const int ExtensibleTag = 0xFFFE;
    private const int MinimumRiffEnd = 12 + 8 + 16 + 8;

    /// <summary>
    /// Parses a whole WAV file. Throws <see cref="AudioValidationException"/> (<c>malformed_audio</c>) for a truncated
    /// or missing header, a missing <c>fmt </c> or <c>data</c> chunk, nonsense format fields, a data chunk that claims
    /// more bytes than the file holds, or a RIFF size that contradicts the file; <c>unsupported_audio</c> for
    /// compressed encodings other than A-law and µ-law.
    /// </summary>
    public static WavInfo Parse(ReadOnlySpan<byte> file) => Parse(ByteSource.FromSpan(file));

    internal static WavInfo Parse(ByteSource source)
    {
        Span<byte> riff = stackalloc byte[12];
        if (!source.TryReadExactly(0, riff) || !riff.StartsWith("RIFF"u8) || !riff[8..].SequenceEqual("WAVE"u8))
        {
            throw AudioValidationException.Malformed("The file is too short or not a RIFF/WAVE file: its 12-byte header is missing.");
        }

        // Writers that stream (ffmpeg to a pipe, some recorders) cannot go back to fill in sizes and leave 0 or
        // 0xFFFFFFFF. We accept that and let the audio run to the end of the file: the length of the upload is
        // then the only authority, and the bytes are still well-formed samples.
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(riff[4..]);
        var streaming = riffSize is 0 or UnknownSize;
        var end = streaming ? source.Length : 8L + riffSize;
        if (end > source.Length + 1)
        {
            throw AudioValidationException.Malformed(
                $"The WAV header declares {end} bytes but the file has only {source.Length}; the file is truncated or its header is wrong.");
        }

        if (end < MinimumRiffEnd)
        {
            throw AudioValidationException.Malformed("The RIFF size in the WAV header is too small to hold a format and a data chunk.");
        }

        end = Math.Min(end, source.Length);
        return ReadChunks(source, end, streaming);
    }

    private static WavInfo ReadChunks(ByteSource source, long end, bool streaming)
    {
        byte[]? format = null;
        long? dataStart = null;
        long dataBytes = 0;
        long position = 12;
        Span<byte> chunk = stackalloc byte[8];

        // Chunks after 'data' (LIST, id3 …) do not matter once both chunks are known.
        while (position + 8 <= end && (format is null || dataStart is null) && source.TryReadExactly(position, chunk))
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            var body = position + 8;
            long length = size;
            if (chunk.StartsWith("data"u8))
            {
                if (dataStart is not null)
                {
                    throw AudioValidationException.Malformed("The WAV file has more than one 'data' chunk.");
                }

                if (size == UnknownSize || (size == 0 && streaming))
                {
                    length = end - body;
                }

                if (body + length > source.Length)
                {
                    throw AudioValidationException.Malformed(
                        $"The WAV data chunk declares {length} bytes of audio but only {source.Length - body} are present; the file is truncated or its header is wrong.");
                }

                if (body + length > end)
                {
                    throw AudioValidationException.Malformed("The WAV data chunk runs past the end of the RIFF form that the header declares.");
                }

                dataStart = body;
                dataBytes = length;
            }
            else if (body + length > end)
            {
                throw AudioValidationException.Malformed("A chunk in the WAV file runs past the end of the file; the file is truncated or damaged.");
            }
            else if (chunk.StartsWith("fmt "u8))
            {
                if (format is not null)
                {
                    throw AudioValidationException.Malformed("The WAV file has more than one 'fmt ' chunk.");
                }

                if (size < 16)
                {
                    throw AudioValidationException.Malformed("The WAV 'fmt ' chunk is shorter than 16 bytes.");
                }

                format = source.ReadRange(body, (int)Math.Min(length, 40));
            }

            // Chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
            position = body + length + (length & 1);
        }

        if (format is null)
        {
            throw AudioValidationException.Malformed("The WAV file has no 'fmt ' chunk.");
        }

        if (dataStart is null)
        {
            throw AudioValidationException.Malformed("The WAV file has no 'data' chunk.");
        }

        return Describe(format, dataBytes);
    }

    private static WavInfo Describe(ReadOnlySpan<byte> format, long dataBytes)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(format);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(format[4..]);
        var byteRate = BinaryPrimitives.ReadUInt32LittleEndian(format[8..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(format[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);

        if (tag == ExtensibleTag)
        {
            // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID.
            if (format.Length < 40)
            {
                throw AudioValidationException.Malformed("The WAV 'fmt ' chunk says WAVE_FORMAT_EXTENSIBLE but is shorter than 40 bytes.");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(format[24..]);
        }

        if (channels is 0 or > 32)
        {
            throw AudioValidationException.Malformed($"The WAV header says the audio has {channels} channels.");
        }

        if (sampleRate is < 1000 or > 768_000)
        {
            throw AudioValidationException.Malformed($"The WAV header gives an implausible sample rate of {sampleRate} Hz.");
        }

        int[] allowedBits = tag switch
        {
            1 => [8, 16, 24, 32],
            3 => [32, 64],
            6 or 7 => [8],
            _ => throw AudioValidationException.Unsupported(
                $"The WAV file uses encoding 0x{tag:X4}; only PCM, IEEE float, A-law and µ-law WAV files are accepted."),
        };

        if (!allowedBits.Contains(bits))
        {
            throw AudioValidationException.Malformed($"The WAV header gives {bits} bits per sample, which its encoding does not allow.");
        }

        if (blockAlign != channels * bits / 8)
        {
            throw AudioValidationException.Malformed(
                $"The WAV header is inconsistent: a block align of {blockAlign} does not fit {channels} channel(s) of {bits}-bit samples.");
        }

        if (byteRate != sampleRate * (uint)blockAlign)
        {
            throw AudioValidationException.Malformed(
                $"The WAV header is inconsistent: a byte rate of {byteRate} does not fit {sampleRate} Hz × {blockAlign} bytes per frame.");
        }

        var duration = MediaTime.FromUnits(dataBytes / blockAlign, sampleRate);
        return new WavInfo(channels, (int)sampleRate, bits, tag, dataBytes, duration);
    }
}
