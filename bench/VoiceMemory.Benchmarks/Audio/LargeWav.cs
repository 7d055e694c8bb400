using System.Buffers.Binary;

namespace VoiceMemory.Benchmarks.Audio;

/// <summary>
/// A long PCM WAV recording of a given size: 44.1 kHz, stereo, 16-bit (176,400 bytes a second), so 10 MiB lasts
/// 59 s and stays well under the 300 s limit. The samples are a quiet tone with noise, so the bytes are not trivially
/// compressible anywhere along the way.
/// </summary>
public static class LargeWav
{
    public const int SampleRate = 44_100;
    public const int Channels = 2;
    private const int HeaderBytes = 44;
    private const int BytesPerFrame = Channels * 2;

    public static byte[] Create(int totalBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalBytes, HeaderBytes + BytesPerFrame);
        var dataBytes = (totalBytes - HeaderBytes) / BytesPerFrame * BytesPerFrame;
        var wav = new byte[HeaderBytes + dataBytes];
        WriteHeader(wav, dataBytes);
        var random = new Random(42);
        var samples = wav.AsSpan(HeaderBytes);
        for (var frame = 0; frame < dataBytes / BytesPerFrame; frame++)
        {
            var tone = Math.Sin(2 * Math.PI * 440 * frame / SampleRate) * 2000;
            for (var channel = 0; channel < Channels; channel++)
            {
                var value = (short)(tone + random.Next(-300, 300));
                BinaryPrimitives.WriteInt16LittleEndian(samples[(((frame * Channels) + channel) * 2)..], value);
            }
        }

        return wav;
    }

    public static TimeSpan DurationOf(int totalBytes) =>
        TimeSpan.FromSeconds((double)((totalBytes - HeaderBytes) / BytesPerFrame) / SampleRate);

    private static void WriteHeader(Span<byte> wav, int dataBytes)
    {
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav[4..], 36 + dataBytes);
        "WAVE"u8.CopyTo(wav[8..]);
        "fmt "u8.CopyTo(wav[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(wav[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav[22..], Channels);
        BinaryPrimitives.WriteInt32LittleEndian(wav[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav[28..], SampleRate * BytesPerFrame);
        BinaryPrimitives.WriteInt16LittleEndian(wav[32..], BytesPerFrame);
        BinaryPrimitives.WriteInt16LittleEndian(wav[34..], 16);
        "data"u8.CopyTo(wav[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(wav[40..], dataBytes);
    }
}
