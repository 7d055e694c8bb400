using System.Buffers.Binary;
using System.Numerics;

namespace VoiceMemory.Audio;

/// <summary>
/// Checks an MP4/M4A/3GP file (a sane box structure with a <c>moov</c> holding an audio track) and reads its
/// duration from <c>moov/mvhd</c>, or, for fragmented files (Safari's recorder), from <c>mehd</c> or the fragments.
/// Walks boxes with seeks; never reads the media data.
/// </summary>
internal static class Mp4Parser
{
    public static TimeSpan? ReadDuration(ByteSource source)
    {
        Mp4Box? moov = null;
        var fragments = new List<Mp4Box>();
        long position = 0;
        while (position < source.Length)
        {
            var box = Mp4Box.Read(source, position, source.Length);
            if (position == 0 && (box.Type != "ftyp" || box.ContentLength < 8))
            {
                throw AudioValidationException.Malformed("The MP4 file does not start with a valid 'ftyp' box.");
            }

            if (box.Type == "moov")
            {
                moov ??= box;
            }
            else if (box.Type == "moof")
            {
                fragments.Add(box);
            }

            position = box.End;
        }

        if (moov is not { } movie)
        {
            throw AudioValidationException.Malformed("The MP4 file has no 'moov' box; its index is missing or the file is truncated.");
        }

        var header = ReadMovie(source, movie);
        var audio = header.Tracks.FirstOrDefault(t => t.IsAudio)
            ?? throw AudioValidationException.Malformed("The MP4 file has no audio track.");

        if (IsKnown(header.Duration))
        {
            return MediaTime.FromUnits(header.Duration, header.Timescale);
        }

        if (header.FragmentDuration > 0)
        {
            return MediaTime.FromUnits(header.FragmentDuration, header.Timescale);
        }

        if (IsKnown(audio.Duration))
        {
            return MediaTime.FromUnits(audio.Duration, audio.Timescale);
        }

        var end = FragmentsEnd(source, fragments, audio);
        return end > 0 ? MediaTime.FromUnits(end, audio.Timescale) : null;
    }

    // Zero, and all ones in either width, mean "not recorded here" (fragmented or live files).
    private static bool IsKnown(ulong duration) => duration is > 0 and not uint.MaxValue and not ulong.MaxValue;

    private static Movie ReadMovie(ByteSource source, Mp4Box moov)
    {
        Movie? movie = null;
        var tracks = new List<Track>();
        ulong fragmentDuration = 0;
        var defaultDurations = new Dictionary<uint, uint>();
        foreach (var child in Mp4Box.Children(source, moov))
        {
            switch (child.Type)
            {
                case "mvhd":
                    var (timescale, duration) = ReadTimescaleAndDuration(source, child, "mvhd");
                    movie ??= new Movie(timescale, duration, 0, tracks);
                    break;
                case "trak":
                    tracks.Add(ReadTrack(source, child));
                    break;
                case "mvex":
                    fragmentDuration = ReadMovieExtends(source, child, defaultDurations);
                    break;
                default:
                    break;
            }
        }

        if (movie is null)
        {
            throw AudioValidationException.Malformed("The MP4 'moov' box has no 'mvhd' header.");
        }

        var withDefaults = tracks
            .Select(t => defaultDurations.TryGetValue(t.Id, out var d) ? t with { DefaultSampleDuration = d } : t)
            .ToList();
        return movie with { FragmentDuration = fragmentDuration, Tracks = withDefaults };
    }

    // mvhd and mdhd share this layout: version 1 has 64-bit times, version 0 32-bit ones.
    private static (ulong Timescale, ulong Duration) ReadTimescaleAndDuration(ByteSource source, Mp4Box box, string name)
    {
        var content = source.ReadRange(box.ContentStart, 32);
        if (content.Length >= 32 && content[0] == 1)
        {
            return Checked(BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(20)), BinaryPrimitives.ReadUInt64BigEndian(content.AsSpan(24)), name);
        }

        if (content.Length >= 20 && content[0] == 0)
        {
            return Checked(BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(12)), BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(16)), name);
        }

        throw AudioValidationException.Malformed($"The MP4 '{name}' header is damaged.");
    }

    private static (ulong Timescale, ulong Duration) Checked(uint timescale, ulong duration, string name) =>
        timescale == 0
            ? throw AudioValidationException.Malformed($"The MP4 '{name}' header gives a timescale of zero.")
            : (timescale, duration);

    private static Track ReadTrack(ByteSource source, Mp4Box trak)
    {
        uint id = 0;
        ulong timescale = 0, duration = 0;
        var isAudio = false;
        foreach (var child in Mp4Box.Children(source, trak))
        {
            if (child.Type == "tkhd")
            {
                var content = source.ReadRange(child.ContentStart, 24);
                var idOffset = content.Length > 0 && content[0] == 1 ? 20 : 12;
                id = content.Length >= idOffset + 4 ? BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(idOffset)) : 0;
            }
            else if (child.Type == "mdia")
            {
                foreach (var media in Mp4Box.Children(source, child))
                {
                    if (media.Type == "mdhd")
                    {
                        (timescale, duration) = ReadTimescaleAndDuration(source, media, "mdhd");
                    }
                    else if (media.Type == "hdlr")
                    {
                        var content = source.ReadRange(media.ContentStart, 12);
                        isAudio = content.Length == 12 && content.AsSpan(8).SequenceEqual("soun"u8);
                    }
                }
            }
        }

        return new Track(id, timescale == 0 ? 1 : timescale, duration, isAudio && timescale > 0, 0);
    }

    private static ulong ReadMovieExtends(ByteSource source, Mp4Box mvex, Dictionary<uint, uint> defaultDurations)
    {
        ulong fragmentDuration = 0;
        foreach (var child in Mp4Box.Children(source, mvex))
        {
            var content = source.ReadRange(child.ContentStart, 16);
            if (child.Type == "mehd" && content.Length >= 8)
            {
                fragmentDuration = content[0] == 1 && content.Length >= 12
                    ? BinaryPrimitives.ReadUInt64BigEndian(content.AsSpan(4))
                    : BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(4));
            }
            else if (child.Type == "trex" && content.Length >= 16)
            {
                defaultDurations[BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(4))] = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(12));
            }
        }

        return fragmentDuration;
    }

    // The end time, in the audio track's timescale, of its last fragment: decode time (tfdt) plus sample durations.
    private static ulong FragmentsEnd(ByteSource source, List<Mp4Box> fragments, Track audio)
    {
        ulong end = 0;
        foreach (var traf in fragments.SelectMany(moof => Mp4Box.Children(source, moof)).Where(b => b.Type == "traf"))
        {
            uint? trackId = null;
            var defaultDuration = audio.DefaultSampleDuration;
            ulong? decodeTime = null;
            ulong durations = 0;
            foreach (var child in Mp4Box.Children(source, traf))
            {
                switch (child.Type)
                {
                    case "tfhd":
                        (trackId, defaultDuration) = ReadTrackFragmentHeader(source, child, defaultDuration);
                        break;
                    case "tfdt":
                        var tfdt = source.ReadRange(child.ContentStart, 12);
                        decodeTime = tfdt.Length >= 12 && tfdt[0] == 1 ? BinaryPrimitives.ReadUInt64BigEndian(tfdt.AsSpan(4))
                            : tfdt.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(tfdt.AsSpan(4)) : null;
                        break;
                    case "trun":
                        durations += SumRunDurations(source, child, defaultDuration);
                        break;
                    default:
                        break;
                }
            }

            if (trackId == audio.Id)
            {
                end = Math.Max(end, (decodeTime ?? end) + durations);
            }
        }

        return end;
    }

    private static (uint TrackId, uint DefaultDuration) ReadTrackFragmentHeader(ByteSource source, Mp4Box tfhd, uint defaultDuration)
    {
        var content = source.ReadRange(tfhd.ContentStart, 32);
        if (content.Length < 8)
        {
            throw AudioValidationException.Malformed("An MP4 'tfhd' box is damaged.");
        }

        var flags = BinaryPrimitives.ReadUInt32BigEndian(content) & 0xFFFFFF;
        var cursor = 8 + ((flags & 0x01) != 0 ? 8 : 0) + ((flags & 0x02) != 0 ? 4 : 0);
        if ((flags & 0x08) != 0 && content.Length >= cursor + 4)
        {
            defaultDuration = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(cursor));
        }

        return (BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(4)), defaultDuration);
    }

    private static ulong SumRunDurations(ByteSource source, Mp4Box trun, uint defaultDuration)
    {
        var head = source.ReadRange(trun.ContentStart, 16);
        if (head.Length < 8)
        {
            throw AudioValidationException.Malformed("An MP4 'trun' box is damaged.");
        }

        var flags = BinaryPrimitives.ReadUInt32BigEndian(head) & 0xFFFFFF;
        long count = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(4));
        if ((flags & 0x100) == 0)
        {
            return (ulong)count * defaultDuration;
        }

        var entriesStart = 8 + ((flags & 0x01) != 0 ? 4 : 0) + ((flags & 0x04) != 0 ? 4 : 0);
        var entryLength = 4 * BitOperations.PopCount(flags & 0xF00);
        if (entriesStart + (count * entryLength) > trun.ContentLength)
        {
            throw AudioValidationException.Malformed("An MP4 'trun' box declares more samples than it holds.");
        }

        // The duration is the first field of each entry; read them one by one through the source's window.
        Span<byte> entry = stackalloc byte[4];
        ulong sum = 0;
        for (long i = 0; i < count; i++)
        {
            source.TryReadExactly(trun.ContentStart + entriesStart + (i * entryLength), entry);
            sum += BinaryPrimitives.ReadUInt32BigEndian(entry);
        }

        return sum;
    }

    private sealed record Movie(ulong Timescale, ulong Duration, ulong FragmentDuration, IReadOnlyList<Track> Tracks);

    private sealed record Track(uint Id, ulong Timescale, ulong Duration, bool IsAudio, uint DefaultSampleDuration);
}
