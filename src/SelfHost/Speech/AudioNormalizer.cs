using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Audio;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Decodes a recording to what pocketsphinx needs — 16 kHz mono 16-bit PCM WAV — and measures its length. sox
/// decodes WAV, FLAC, MP3 and Ogg Vorbis; ffmpeg decodes WebM, MP4 and Ogg Opus, and takes over when sox is missing
/// or fails. Audio that neither can decode is <see cref="ErrorCodes.MalformedAudio"/>.
/// </summary>
public sealed partial class AudioNormalizer(
    ProcessRunner runner,
    EngineLocator locator,
    TempWorkspaceFactory workspaces,
    IOptions<OfflineSpeechOptions> options,
    ILogger<AudioNormalizer> logger)
{
    /// <summary>The sample rate of the normalised audio.</summary>
    public const int SampleRate = 16000;

    private const string OutputFileName = "normalized.wav";

    /// <summary>Writes <paramref name="audio"/> into <paramref name="workspace"/> and decodes it there.</summary>
    public async Task<NormalizedAudio> NormalizeAsync(Stream audio, AudioFormat format, TempWorkspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(workspace);
        var extension = ExtensionOf(format)
            ?? throw new VoiceMemoryException(ErrorCodes.UnsupportedAudio, "The audio format is not supported.");

        var input = workspace.PathOf("input" + extension);
        long length;
        var file = new FileStream(input, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (file)
        {
            await audio.CopyToAsync(file, cancellationToken);
            length = file.Length;
        }

        if (length == 0)
        {
            throw new VoiceMemoryException(ErrorCodes.EmptyAudio, "The recording is empty.");
        }

        var output = workspace.PathOf(OutputFileName);
        await DecodeAsync(input, output, format, workspace.FullPath, cancellationToken);
        var info = WaveInfo.TryRead(output)
            ?? throw new VoiceMemoryException(ErrorCodes.MalformedAudio, "The audio could not be decoded.");
        LogNormalized(logger, format, length, info.Duration.TotalMilliseconds);
        return new NormalizedAudio(output, info.Duration);
    }

    /// <summary>The length of a recording, decoded in a workspace of its own.</summary>
    public async Task<TimeSpan> MeasureDurationAsync(Stream audio, AudioFormat format, CancellationToken cancellationToken)
    {
        using var workspace = workspaces.Create();
        try
        {
            var normalized = await NormalizeAsync(audio, format, workspace, cancellationToken);
            return normalized.Duration;
        }
        catch (VoiceMemoryException failure) when (!failure.IsTransient && workspace.StorageFailure() is { } storage)
        {
            throw storage;
        }
    }

    private async Task DecodeAsync(string input, string output, AudioFormat format, string workingDirectory, CancellationToken cancellationToken)
    {
        var soxType = SoxTypeOf(format, input);
        var sox = soxType is null ? null : locator.TryLocate(OfflineEngine.Sox);
        var ffmpeg = locator.TryLocate(OfflineEngine.Ffmpeg);
        if (sox is null && ffmpeg is null)
        {
            throw new VoiceMemoryException(
                ErrorCodes.EngineMissing,
                soxType is null
                    ? $"ffmpeg is needed to decode {format} audio and is not installed."
                    : "Neither sox nor ffmpeg is installed to decode audio.");
        }

        var timeout = options.Value.ProcessTimeout;
        if (sox is not null)
        {
            string[] soxArguments =
            [
                "-V1", "-t", soxType!, input,
                "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "wav", output,
            ];
            try
            {
                await runner.RunAsync(sox, soxArguments, workingDirectory, timeout, cancellationToken);
                return;
            }
            catch (EngineProcessException exception) when (ffmpeg is not null)
            {
                LogSoxFallback(logger, format, exception.ExitCode);
                File.Delete(output);
            }
            catch (EngineProcessException exception)
            {
                throw new VoiceMemoryException(ErrorCodes.MalformedAudio, "The audio could not be decoded.", false, exception);
            }
        }

        string[] ffmpegArguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input,
            "-vn", "-map_metadata", "-1", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-f", "wav", output,
        ];
        try
        {
            await runner.RunAsync(ffmpeg!, ffmpegArguments, workingDirectory, timeout, cancellationToken);
        }
        catch (EngineProcessException exception)
        {
            throw new VoiceMemoryException(ErrorCodes.MalformedAudio, "The audio could not be decoded.", false, exception);
        }
    }

    private static string? ExtensionOf(AudioFormat format) => format switch
    {
        AudioFormat.Wav => ".wav",
        AudioFormat.Mp3 => ".mp3",
        AudioFormat.Ogg => ".ogg",
        AudioFormat.Flac => ".flac",
        AudioFormat.WebM => ".webm",
        AudioFormat.Mp4 => ".m4a",
        _ => null,
    };

    /// <summary>sox's type name for formats it decodes; null for those only ffmpeg decodes.</summary>
    private static string? SoxTypeOf(AudioFormat format, string input) => format switch
    {
        AudioFormat.Wav => "wav",
        AudioFormat.Mp3 => "mp3",
        AudioFormat.Flac => "flac",
        // Debian's sox reads Ogg Vorbis only; Opus in Ogg goes straight to ffmpeg.
        AudioFormat.Ogg => IsOggOpus(input) ? null : "ogg",
        _ => null,
    };

    private static bool IsOggOpus(string path)
    {
        // The first Ogg page carries the codec's identification header.
        Span<byte> head = stackalloc byte[128];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read].IndexOf("OpusHead"u8) >= 0;
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Debug, Message = "Normalised {Format} audio of {Bytes} bytes, {DurationMs} ms")]
    private static partial void LogNormalized(ILogger logger, AudioFormat format, long bytes, double durationMs);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "sox could not decode {Format} audio (exit code {ExitCode}); trying ffmpeg")]
    private static partial void LogSoxFallback(ILogger logger, AudioFormat format, int exitCode);
}
