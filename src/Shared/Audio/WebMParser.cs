using System.Buffers.Binary;
using System.Text;

namespace VoiceMemory.Audio;

/// <summary>
/// Checks a WebM/Matroska file (EBML header with DocType webm or matroska, a Segment with Info and an audio track)
/// and reads its duration: Info/Duration × TimecodeScale, or, for live recordings that have none (browsers'
/// MediaRecorder), the time of the last block of the last cluster.
/// </summary>
internal static class WebMParser
{
    private const uint EbmlId = 0x1A45DFA3;
    private const uint DocTypeId = 0x4282;
    private const uint SegmentId = 0x18538067;
    private const uint InfoId = 0x1549A966;
    private const uint TracksId = 0x1654AE6B;
    private const uint ClusterId = 0x1F43B675;
    private const uint VoidId = 0xEC;
    private const uint CrcId = 0xBF;
    private const uint TimecodeScaleId = 0x2AD7B1;
    private const uint DurationId = 0x4489;
    private const uint TrackEntryId = 0xAE;
    private const uint TrackTypeId = 0x83;
    private const uint TimecodeId = 0xE7;
    private const uint SimpleBlockId = 0xA3;
    private const uint BlockGroupId = 0xA0;
    private const uint BlockId = 0xA1;
    private const uint BlockDurationId = 0x9B;
    private const uint AudioTrackType = 2;
    private const ulong DefaultTimecodeScale = 1_000_000;
    private const int MaxHeaderElementBytes = 1024 * 1024;
    private const int TailWindow = 1024 * 1024;

    private static readonly uint[] ClusterChildIds = [TimecodeId, SimpleBlockId, BlockGroupId, 0xA7, 0xAB, 0xAF, 0x5854, VoidId, CrcId];

    public static TimeSpan? ReadDuration(ByteSource source)
    {
        var segmentStart = CheckEbmlHeader(source);
        var segment = EbmlElement.Read(source, segmentStart, source.Length);
        if (segment.Id != SegmentId)
        {
            throw AudioValidationException.Malformed("The WebM file has no Segment after its EBML header.");
        }

        var dataStart = segmentStart + segment.HeaderLength;
        var segmentEnd = segment.HasUnknownSize ? source.Length : dataStart + segment.Size;
        var (timecodeScale, duration, hasAudio) = ReadSegmentHead(source, dataStart, segmentEnd);
        if (!hasAudio)
        {
            throw AudioValidationException.Malformed("The WebM file has no audio track.");
        }

        if (duration > 0)
        {
            return MediaTime.FromNanoseconds(duration * timecodeScale);
        }

        return LastClusterTime(source, dataStart, segmentEnd) is { } end
            ? MediaTime.FromNanoseconds((double)end * timecodeScale)
            : null;
    }

    private static long CheckEbmlHeader(ByteSource source)
    {
        var header = EbmlElement.Read(source, 0, source.Length);
        if (header.Id != EbmlId || header.HasUnknownSize || header.Size > 4096)
        {
            throw AudioValidationException.Malformed("The WebM EBML header is damaged.");
        }

        var data = source.ReadRange(header.HeaderLength, (int)header.Size);
        var docType = EbmlElement.Children(data)
            .Where(c => c.Id == DocTypeId)
            .Select(c => Encoding.ASCII.GetString(c.Data.Span).TrimEnd('\0'))
            .FirstOrDefault();
        if (docType is not ("webm" or "matroska"))
        {
            throw AudioValidationException.Malformed("The EBML file is neither WebM nor Matroska (its DocType is missing or different).");
        }

        // Void and CRC-32 elements may sit between the header and the Segment.
        var position = header.HeaderLength + header.Size;
        while (true)
        {
            var next = EbmlElement.Read(source, position, source.Length);
            if (next.Id is not (VoidId or CrcId) || next.HasUnknownSize)
            {
                return position;
            }

            position += next.HeaderLength + next.Size;
        }
    }

    private static (double TimecodeScale, double Duration, bool HasAudio) ReadSegmentHead(ByteSource source, long position, long segmentEnd)
    {
        byte[]? info = null;
        byte[]? tracks = null;
        while (position < segmentEnd && (info is null || tracks is null))
        {
            var element = EbmlElement.Read(source, position, segmentEnd);
            if (element.Id == ClusterId || element.HasUnknownSize)
            {
                break;
            }

            if (element.Id is InfoId or TracksId)
            {
                if (element.Size > MaxHeaderElementBytes)
                {
                    throw AudioValidationException.Malformed("A WebM header element is implausibly large.");
                }

                var data = source.ReadRange(position + element.HeaderLength, (int)element.Size);
                if (element.Id == InfoId)
                {
                    info ??= data;
                }
                else
                {
                    tracks ??= data;
                }
            }

            position += element.HeaderLength + element.Size;
        }

        if (info is null)
        {
            throw AudioValidationException.Malformed("The WebM file has no Info element before its first cluster.");
        }

        if (tracks is null)
        {
            throw AudioValidationException.Malformed("The WebM file has no Tracks element before its first cluster.");
        }

        var (scale, duration) = ReadInfo(info);
        var hasAudio = EbmlElement.Children(tracks)
            .Where(c => c.Id == TrackEntryId)
            .SelectMany(c => EbmlElement.Children(c.Data))
            .Any(c => c.Id == TrackTypeId && EbmlElement.ReadUnsigned(c.Data.Span) == AudioTrackType);
        return (scale, duration, hasAudio);
    }

    private static (double TimecodeScale, double Duration) ReadInfo(byte[] info)
    {
        var scale = DefaultTimecodeScale;
        var duration = 0.0;
        foreach (var (id, data) in EbmlElement.Children(info))
        {
            if (id == TimecodeScaleId)
            {
                scale = EbmlElement.ReadUnsigned(data.Span);
            }
            else if (id == DurationId)
            {
                duration = data.Length switch
                {
                    4 => BinaryPrimitives.ReadSingleBigEndian(data.Span),
                    8 => BinaryPrimitives.ReadDoubleBigEndian(data.Span),
                    _ => throw AudioValidationException.Malformed("The WebM Duration element is damaged."),
                };
            }
        }

        if (scale == 0)
        {
            throw AudioValidationException.Malformed("The WebM TimecodeScale is zero.");
        }

        if (!double.IsFinite(duration) || duration < 0)
        {
            throw AudioValidationException.Malformed("The WebM Duration is not a valid number.");
        }

        return (scale, duration);
    }

    // The last Cluster in the tail: its Timecode plus the largest block timecode (and block duration) inside it.
    private static long? LastClusterTime(ByteSource source, long segmentStart, long segmentEnd)
    {
        var windowStart = Math.Max(segmentStart, segmentEnd - TailWindow);
        var tail = source.ReadRange(windowStart, (int)(segmentEnd - windowStart));
        for (var i = tail.Length - 4; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32BigEndian(tail.AsSpan(i)) == ClusterId && TryReadClusterEnd(tail.AsSpan(i), out var end))
            {
                return end;
            }
        }

        return null;
    }

    private static bool TryReadClusterEnd(ReadOnlySpan<byte> bytes, out long end)
    {
        end = 0;
        if (!EbmlElement.TryParse(bytes, out var cluster))
        {
            return false;
        }

        var limit = cluster.HasUnknownSize ? bytes.Length : (int)Math.Min(bytes.Length, cluster.HeaderLength + cluster.Size);
        var position = cluster.HeaderLength;

        // A real cluster starts with its Timecode; anything else is a chance match inside block data.
        if (!EbmlElement.TryParse(bytes[position..limit], out var timecode) || timecode.Id != TimecodeId
            || timecode.Size is < 1 or > 8 || position + timecode.HeaderLength + timecode.Size > limit)
        {
            return false;
        }

        var clusterTime = (long)EbmlElement.ReadUnsigned(bytes.Slice(position + timecode.HeaderLength, (int)timecode.Size));
        position += timecode.HeaderLength + (int)timecode.Size;
        long latest = 0;
        while (position < limit && EbmlElement.TryParse(bytes[position..limit], out var child)
            && !child.HasUnknownSize && ClusterChildIds.Contains(child.Id) && child.Size <= limit - position - child.HeaderLength)
        {
            var data = bytes.Slice(position + child.HeaderLength, (int)child.Size);
            latest = Math.Max(latest, child.Id switch
            {
                SimpleBlockId => BlockTime(data),
                BlockGroupId => GroupTime(data),
                _ => 0,
            });
            position += child.HeaderLength + (int)child.Size;
        }

        end = clusterTime + latest;
        return true;
    }

    private static long GroupTime(ReadOnlySpan<byte> group)
    {
        long time = 0, duration = 0;
        var position = 0;
        while (position < group.Length && EbmlElement.TryParse(group[position..], out var child)
            && !child.HasUnknownSize && child.Size <= group.Length - position - child.HeaderLength)
        {
            var data = group.Slice(position + child.HeaderLength, (int)child.Size);
            if (child.Id == BlockId)
            {
                time = BlockTime(data);
            }
            else if (child.Id == BlockDurationId)
            {
                duration = (long)Math.Min(EbmlElement.ReadUnsigned(data), int.MaxValue);
            }

            position += child.HeaderLength + (int)child.Size;
        }

        return time + duration;
    }

    // A block starts with its track number (a variable-length integer) and a signed 16-bit relative timecode.
    private static long BlockTime(ReadOnlySpan<byte> block) =>
        EbmlElement.TryReadSize(block, out _, out var trackLength) && block.Length >= trackLength + 2
            ? BinaryPrimitives.ReadInt16BigEndian(block[trackLength..])
            : 0;
}
