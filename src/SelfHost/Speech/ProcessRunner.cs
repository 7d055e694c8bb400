using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using VoiceMemory.Telemetry;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Runs one engine process with an argument list (never a shell string), captured and capped output, a timeout
/// and cancellation that kill the whole process tree. Each run is an <c>engine.run</c> span whose duration is the
/// process lifetime (tags <c>engine</c>, <c>engine.elapsed_ms</c>), so engine time can be summed from traces.
/// </summary>
public sealed partial class ProcessRunner(ILogger<ProcessRunner> logger)
{
    /// <summary>The span name of one engine process.</summary>
    public const string ActivityName = "engine.run";

    /// <summary>Standard output beyond this many characters is read and dropped.</summary>
    public const int MaxStandardOutputChars = 1024 * 1024;

    /// <summary>Only the last this many characters of standard error are kept.</summary>
    public const int MaxStandardErrorChars = 16 * 1024;

    private const int ErrorTailChars = 600;
    private static readonly TimeSpan ExitWaitAfterKill = TimeSpan.FromSeconds(5);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Runs <paramref name="executable"/> in <paramref name="workingDirectory"/> and returns its output when it exits
    /// with code 0. Throws <see cref="EngineProcessException"/> on another exit code,
    /// <see cref="VoiceMemoryException"/> <see cref="ErrorCodes.EngineMissing"/> when it cannot be started,
    /// <see cref="ErrorCodes.ProviderTimeout"/> (transient) when it outlives <paramref name="timeout"/>, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<ProcessResult> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        Stream? stdin = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        var engine = Path.GetFileName(executable);
        if (Path.IsPathRooted(executable) && !File.Exists(executable))
        {
            LogMissing(logger, engine);
            throw new VoiceMemoryException(ErrorCodes.EngineMissing, $"The engine '{engine}' is not installed.");
        }

        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            StandardInputEncoding = Utf8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        using var activity = VoiceMemoryTelemetry.ActivitySource.StartActivity(ActivityName, ActivityKind.Internal);
        activity?.SetTag("engine", engine);
        var started = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            Finish(activity, Stopwatch.GetElapsedTime(started), "not started");
            LogMissing(logger, engine);
            throw new VoiceMemoryException(ErrorCodes.EngineMissing, $"The engine '{engine}' could not be started.", false, exception);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = OutputCapture.ReadHeadAsync(process.StandardOutput, MaxStandardOutputChars, deadline.Token);
        var error = OutputCapture.ReadTailAsync(process.StandardError, MaxStandardErrorChars, deadline.Token);
        var input = FeedAsync(process, stdin, engine, deadline.Token);

        TimeSpan elapsed;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            elapsed = Stopwatch.GetElapsedTime(started);
            await Task.WhenAll(output, error, input).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            elapsed = await KillAsync(process, engine, started, output, error, input);
            var canceled = cancellationToken.IsCancellationRequested;
            Finish(activity, elapsed, canceled ? "canceled" : "timeout");
            if (canceled)
            {
                LogCanceled(logger, engine, elapsed.TotalMilliseconds);
                throw new OperationCanceledException($"The engine '{engine}' was canceled.", cancellationToken);
            }

            LogTimedOut(logger, engine, timeout.TotalMilliseconds);
            throw new VoiceMemoryException(
                ErrorCodes.ProviderTimeout,
                $"The engine '{engine}' did not finish within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.",
                isTransient: true);
        }

        var exitCode = process.ExitCode;
        activity?.SetTag("engine.exit_code", exitCode);
        if (exitCode != 0)
        {
            Finish(activity, elapsed, "exit code " + exitCode.ToString(CultureInfo.InvariantCulture));
            LogFailed(logger, engine, exitCode, elapsed.TotalMilliseconds);
            throw new EngineProcessException(engine, exitCode, Tail(await error, workingDirectory));
        }

        Finish(activity, elapsed, failure: null);
        LogFinished(logger, engine, elapsed.TotalMilliseconds);
        return new ProcessResult(exitCode, await output, await error, elapsed);
    }

    private async Task FeedAsync(Process process, Stream? stdin, string engine, CancellationToken cancellationToken)
    {
        var pipe = process.StandardInput;
        try
        {
            if (stdin is not null)
            {
                await stdin.CopyToAsync(pipe.BaseStream, cancellationToken);
            }
        }
        catch (IOException)
        {
            // The child closed its input early; its exit code says whether that was a failure.
            LogInputClosed(logger, engine);
        }
        finally
        {
            try
            {
                pipe.Close();
            }
            catch (IOException)
            {
                LogInputClosed(logger, engine);
            }
        }
    }

    private async Task<TimeSpan> KillAsync(Process process, string engine, long started, params Task[] pending)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the deadline and the kill: nothing left to stop.
        }
        catch (Win32Exception exception)
        {
            LogKillFailed(logger, exception, engine);
        }

        using var wait = new CancellationTokenSource(ExitWaitAfterKill);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            LogKillFailed(logger, null, engine);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        // The readers end at EOF once the tree is gone (or were canceled); their output is discarded.
        try
        {
            await Task.WhenAll(pending).WaitAsync(ExitWaitAfterKill);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException or IOException)
        {
            LogOutputAbandoned(logger, engine);
        }

        return elapsed;
    }

    private static void Finish(Activity? activity, TimeSpan elapsed, string? failure)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("engine.elapsed_ms", elapsed.TotalMilliseconds);
        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, failure);
        }

        // The span covers exactly the process lifetime, not the output draining around it.
        activity.SetEndTime(activity.StartTimeUtc + elapsed);
    }

    private static string Tail(string standardError, string workingDirectory)
    {
        var text = standardError.Replace(Path.GetFullPath(workingDirectory), ".", StringComparison.Ordinal).Trim();
        return text.Length <= ErrorTailChars ? text : text[^ErrorTailChars..];
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Engine {Engine} finished in {ElapsedMs} ms")]
    private static partial void LogFinished(ILogger logger, string engine, double elapsedMs);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Engine {Engine} exited with code {ExitCode} after {ElapsedMs} ms")]
    private static partial void LogFailed(ILogger logger, string engine, int exitCode, double elapsedMs);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Engine {Engine} timed out after {TimeoutMs} ms and was killed")]
    private static partial void LogTimedOut(ILogger logger, string engine, double timeoutMs);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Engine {Engine} was canceled after {ElapsedMs} ms and killed")]
    private static partial void LogCanceled(ILogger logger, string engine, double elapsedMs);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Engine {Engine} is not installed or cannot be started")]
    private static partial void LogMissing(ILogger logger, string engine);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "Engine {Engine} closed its standard input early")]
    private static partial void LogInputClosed(ILogger logger, string engine);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Engine {Engine} could not be confirmed stopped after a kill")]
    private static partial void LogKillFailed(ILogger logger, Exception? exception, string engine);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Debug, Message = "Output of engine {Engine} was abandoned after a kill")]
    private static partial void LogOutputAbandoned(ILogger logger, string engine);
}
