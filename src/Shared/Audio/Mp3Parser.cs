using System.Buffers.Binary;

namespace VoiceMemory.Audio;

/// <summary>Checks an MPEG audio stream (after any ID3v2 tags) and reads its duration.</summary>
internal static class Mp3Parser
{
    private const int RequiredFrames = 3;
    private const int Id3V1Length = 128;
    private const int ApeFooterLength = 32;

    // The Xing "bytes" field counts the whole MPEG stream; allow for a last frame the encoder counted differently.
    private const int TruncationSlack = 2048;

    /// <summary>
    /// The duration from a Xing/Info or VBRI header when there is one, else from counting every frame, else (when
    /// junk interrupts the frames) a constant-bitrate estimate from the first frame.
    /// </summary>
    public static TimeSpan? ReadDuration(ByteSource source)
    {
        var start = Id3Tag.SkipTags(source);
        var end = EndOfFrames(source, start);
        var first = CheckFirstFrames(source, start, end);
        var counted = CountFrames(source, start, end, first);

        var firstFrame = source.ReadRange(start, first.FrameLength);
        if (TryReadXing(firstFrame, first, out var frames, out var streamBytes, out var trimmedSamples)
            || TryReadVbri(firstFrame, first, out frames, out streamBytes))
        {
            return FromDeclaredFrames(first, frames, streamBytes, trimmedSamples, end - start);
        }

        // Frames counted to the end give the exact length; when junk or a tag we do not know interrupts them,
        // estimate from the first frame's bitrate.
        return counted is { } count
            ? MediaTime.FromUnits(count * first.SamplesPerFrame, first.SampleRate)
            : MediaTime.FromUnits((end - start) * 8, first.Bitrate);
    }

    private static MpegFrameHeader CheckFirstFrames(ByteSource source, long start, long end)
    {
        Span<byte> bytes = stackalloc byte[MpegFrameHeader.Size];
        if (!source.TryReadExactly(start, bytes) || !MpegFrameHeader.TryParse(bytes, out var first))
        {
            throw AudioValidationException.Malformed("No valid MPEG audio frame starts the stream.");
        }

        var position = start;
        for (var i = 0; i < RequiredFrames && position < end; i++)
        {
            if (!source.TryReadExactly(position, bytes) || !MpegFrameHeader.TryParse(bytes, out var frame) || !frame.IsCompatibleWith(first))
            {
                throw AudioValidationException.Malformed("The MPEG audio frames are not consecutive: the stream is damaged or is not MP3.");
            }

            position += frame.FrameLength;
            if (position > end)
            {
                throw AudioValidationException.Malformed("The MP3 file ends in the middle of a frame; it is truncated.");
            }
        }

        return first;
    }

    // Where the frames end: before an ID3v1 tag and an APEv2 tag, which taggers append.
    private static long EndOfFrames(ByteSource source, long start)
    {
        var end = source.Length;
        if (end - Id3V1Length >= start && source.Matches(end - Id3V1Length, "TAG"u8))
        {
            end -= Id3V1Length;
        }

        Span<byte> footer = stackalloc byte[ApeFooterLength];
        if (end - ApeFooterLength >= start && source.TryReadExactly(end - ApeFooterLength, footer) && footer.StartsWith("APETAGEX"u8))
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(footer[12..]);
            var hasHeader = (BinaryPrimitives.ReadUInt32LittleEndian(footer[20..]) & 0x80000000) != 0;
            var tagLength = size + (hasHeader ? ApeFooterLength : 0L);
            if (tagLength <= end - start)
            {
                end -= tagLength;
            }
        }

        return end;
    }

    private static bool TryReadXing(ReadOnlySpan<byte> frame, MpegFrameHeader header, out long frames, out long streamBytes, out long trimmedSamples)
    {
        frames = streamBytes = trimmedSamples = 0;
        var offset = MpegFrameHeader.Size + header.SideInfoLength;
        if (frame.Length < offset + 8 || (!frame[offset..].StartsWith("Xing"u8) && !frame[offset..].StartsWith("Info"u8)))
        {
            return false;
        }

        var flags = BinaryPrimitives.ReadUInt32BigEndian(frame[(offset + 4)..]);
        var cursor = offset + 8;
        if ((flags & 1) == 0 || frame.Length < cursor + 4)
        {
            return false;
        }

        frames = BinaryPrimitives.ReadUInt32BigEndian(frame[cursor..]);
        cursor += 4;
        if ((flags & 2) != 0 && frame.Length >= cursor + 4)
        {
            streamBytes = BinaryPrimitives.ReadUInt32BigEndian(frame[cursor..]);
            cursor += 4;
        }

        cursor += ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);

        // LAME's extension records the encoder delay and end padding (12 bits each), which are not audio.
        if (frame.Length >= cursor + 24 && char.IsAsciiLetter((char)frame[cursor]))
        {
            var delay = (frame[cursor + 21] << 4) | (frame[cursor + 22] >> 4);
            var padding = ((frame[cursor + 22] & 0x0F) << 8) | frame[cursor + 23];
            trimmedSamples = delay + padding;
        }

        return true;
    }

    private static bool TryReadVbri(ReadOnlySpan<byte> frame, MpegFrameHeader header, out long frames, out long streamBytes)
    {
        frames = streamBytes = 0;
        const int Offset = MpegFrameHeader.Size + 32;
        if (frame.Length < Offset + 18 || !frame[Offset..].StartsWith("VBRI"u8) || header.Layer != 3)
        {
            return false;
        }

        streamBytes = BinaryPrimitives.ReadUInt32BigEndian(frame[(Offset + 10)..]);
        frames = BinaryPrimitives.ReadUInt32BigEndian(frame[(Offset + 14)..]);
        return frames > 0;
    }

    private static TimeSpan FromDeclaredFrames(MpegFrameHeader first, long frames, long streamBytes, long trimmedSamples, long availableBytes)
    {
        if (streamBytes > 0 && availableBytes + TruncationSlack < streamBytes)
        {
            throw AudioValidationException.Malformed("The MP3 file is shorter than its header declares; it is truncated.");
        }

        if (frames > availableBytes / first.MinimumFrameLength)
        {
            throw AudioValidationException.Malformed("The MP3 header declares more frames than the file can hold.");
        }

        var samples = frames * first.SamplesPerFrame;
        if (trimmedSamples < samples)
        {
            samples -= trimmedSamples;
        }

        return MediaTime.FromUnits(samples, first.SampleRate);
    }

    // Walks every frame header (a 4-byte read each, served from the source's window). Returns the number of
    // frames when they run exactly to the end, null when something else interrupts them; a last frame that runs
    // past the end means the upload was cut.
    private static long? CountFrames(ByteSource source, long start, long end, MpegFrameHeader first)
    {
        Span<byte> bytes = stackalloc byte[MpegFrameHeader.Size];
        long frames = 0;
        var position = start;
        while (position < end)
        {
            if (!source.TryReadExactly(position, bytes) || !MpegFrameHeader.TryParse(bytes, out var frame) || !frame.IsCompatibleWith(first))
            {
                return null;
            }

            position += frame.FrameLength;
            if (position > end)
            {
                throw AudioValidationException.Malformed("The MP3 file ends in the middle of a frame; it is truncated.");
            }

            frames++;
        }

        return frames;
    }
}
