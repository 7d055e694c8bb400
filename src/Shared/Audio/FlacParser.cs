using System.Buffers.Binary;

namespace VoiceMemory.Audio;

/// <summary>Checks a FLAC stream (signature, STREAMINFO, metadata blocks, audio frames) and reads its duration.</summary>
internal static class FlacParser
{
    private const int StreamInfoType = 0;
    private const int StreamInfoLength = 34;
    private const int InvalidBlockType = 127;
    private const int TailWindow = 256 * 1024;
    private const int Id3V1Length = 128;

    /// <summary>
    /// The duration STREAMINFO declares (total samples / sample rate), after checking that the last frame in the
    /// file reaches that sample; null when the encoder did not know the total (a streamed FLAC).
    /// </summary>
    public static TimeSpan? ReadDuration(ByteSource source)
    {
        var start = Id3Tag.SkipTags(source);
        if (!source.Matches(start, "fLaC"u8))
        {
            throw AudioValidationException.Malformed("The FLAC signature is missing.");
        }

        var (audioStart, info) = ReadMetadata(source, start + 4);
        if (!FlacFrameHeader.TryParse(source.ReadRange(audioStart, FlacFrameHeader.MaxSize), out var first))
        {
            throw AudioValidationException.Malformed("No FLAC audio frame follows the metadata; the file is truncated or damaged.");
        }

        if (info.TotalSamples == 0)
        {
            return null;
        }

        var audioEnd = source.Length >= audioStart + Id3V1Length && source.Matches(source.Length - Id3V1Length, "TAG"u8)
            ? source.Length - Id3V1Length
            : source.Length;
        if (!LastFrameIsComplete(source, audioStart, audioEnd, info, first.VariableBlockSize))
        {
            throw AudioValidationException.Malformed("The FLAC file ends before the last sample its header declares; the file is truncated.");
        }

        return MediaTime.FromUnits(info.TotalSamples, info.SampleRate);
    }

    private static (long AudioStart, StreamInfo Info) ReadMetadata(ByteSource source, long position)
    {
        Span<byte> blockHeader = stackalloc byte[4];
        StreamInfo? info = null;
        while (true)
        {
            if (!source.TryReadExactly(position, blockHeader))
            {
                throw AudioValidationException.Malformed("The FLAC metadata is cut short; the file is truncated.");
            }

            var isLast = (blockHeader[0] & 0x80) != 0;
            var type = blockHeader[0] & 0x7F;
            var length = (blockHeader[1] << 16) | (blockHeader[2] << 8) | blockHeader[3];
            if (info is null && (type != StreamInfoType || length != StreamInfoLength))
            {
                throw AudioValidationException.Malformed("The FLAC file does not start with a valid STREAMINFO block.");
            }

            if (type == InvalidBlockType)
            {
                throw AudioValidationException.Malformed("The FLAC file has an invalid metadata block.");
            }

            var next = position + 4 + length;
            if (next > source.Length)
            {
                throw AudioValidationException.Malformed("A FLAC metadata block runs past the end of the file; the file is truncated.");
            }

            info ??= StreamInfo.Parse(source.ReadRange(position + 4, StreamInfoLength));
            position = next;
            if (isLast)
            {
                return (position, info);
            }
        }
    }

    // Finds the last frame in the tail: the header candidate that reaches furthest in samples (so a false match
    // inside compressed data cannot make a complete file look short). The file is complete when that frame
    // reaches the declared total and its CRC-16 footer, which ends the file, matches.
    private static bool LastFrameIsComplete(ByteSource source, long audioStart, long audioEnd, StreamInfo info, bool variableBlockSize)
    {
        var window = Math.Max(TailWindow, (2L * info.MaxFrameSize) + FlacFrameHeader.MaxSize);
        var windowStart = Math.Max(audioStart, audioEnd - window);
        var tail = source.ReadRange(windowStart, (int)(audioEnd - windowStart));
        long bestEnd = 0;
        var bestStart = -1;
        for (var i = 0; i + 6 <= tail.Length; i++)
        {
            if (tail[i] != 0xFF || (tail[i + 1] & 0xFE) != 0xF8)
            {
                continue;
            }

            var candidate = tail.AsSpan(i, Math.Min(FlacFrameHeader.MaxSize, tail.Length - i));
            if (FlacFrameHeader.TryParse(candidate, out var header) && header.VariableBlockSize == variableBlockSize)
            {
                var end = header.FirstSample(info.MaxBlockSize) + header.BlockSize;
                if (end <= info.TotalSamples + info.MaxBlockSize && end > bestEnd)
                {
                    bestEnd = end;
                    bestStart = i;
                }
            }
        }

        if (bestStart < 0 || bestEnd < info.TotalSamples || tail.Length - bestStart < 8)
        {
            return false;
        }

        var frame = tail.AsSpan(bestStart);
        return BinaryPrimitives.ReadUInt16BigEndian(frame[^2..]) == Crc16(frame[..^2]);
    }

    // CRC-16 of FLAC frames: polynomial 0x8005, initial value 0, not reflected.
    private static ushort Crc16(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (ushort)((crc & 0x8000) != 0 ? (crc << 1) ^ 0x8005 : crc << 1);
            }
        }

        return crc;
    }

    private sealed record StreamInfo(int MinBlockSize, int MaxBlockSize, int MaxFrameSize, int SampleRate, long TotalSamples)
    {
        public static StreamInfo Parse(ReadOnlySpan<byte> block)
        {
            int minBlock = BinaryPrimitives.ReadUInt16BigEndian(block);
            int maxBlock = BinaryPrimitives.ReadUInt16BigEndian(block[2..]);
            var minFrame = (block[4] << 16) | (block[5] << 8) | block[6];
            var maxFrame = (block[7] << 16) | (block[8] << 8) | block[9];
            var sampleRate = (block[10] << 12) | (block[11] << 4) | (block[12] >> 4);
            var bitsPerSample = (((block[12] & 1) << 4) | (block[13] >> 4)) + 1;
            var totalSamples = ((long)(block[13] & 0x0F) << 32) | BinaryPrimitives.ReadUInt32BigEndian(block[14..]);

            if (minBlock < 16 || maxBlock < minBlock)
            {
                throw AudioValidationException.Malformed("The FLAC STREAMINFO block gives impossible block sizes.");
            }

            if (maxFrame != 0 && minFrame > maxFrame)
            {
                throw AudioValidationException.Malformed("The FLAC STREAMINFO block gives impossible frame sizes.");
            }

            if (sampleRate == 0 || bitsPerSample < 4)
            {
                throw AudioValidationException.Malformed("The FLAC STREAMINFO block gives an invalid sample rate or sample size.");
            }

            return new StreamInfo(minBlock, maxBlock, maxFrame, sampleRate, totalSamples);
        }
    }
}
