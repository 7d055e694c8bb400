using System.Diagnostics;
using System.Globalization;
using System.Text;
using VoiceMemory.SelfHost.Speech;
using VoiceMemory.Telemetry;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class ProcessRunnerTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly SpeechTestHost host = new();

    [Fact]
    public async Task RunAsync_ArgumentsWithSpacesQuotesAndDollars_ReachTheProgramVerbatim()
    {
        var result = await host.Runner.RunAsync("printf", ["%s|", "a b", "c'd\"e", "$HOME", "*"], host.Scratch, Generous, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a b|c'd\"e|$HOME|*|", result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_WithStandardInput_PipesItToTheProgram()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("hello engine"));

        var result = await host.Runner.RunAsync("cat", [], host.Scratch, Generous, CancellationToken.None, input);

        Assert.Equal("hello engine", result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_NonZeroExit_ThrowsWithExitCodeAndStandardErrorTailOutsideTheMessage()
    {
        var exception = await Assert.ThrowsAsync<EngineProcessException>(() => host.Runner.RunAsync(
            "sh", ["-c", "echo \"$PWD/input.wav: boom\" >&2; exit 3"], host.Scratch, Generous, CancellationToken.None));

        Assert.Equal(3, exception.ExitCode);
        Assert.Equal("sh", exception.Engine);
        Assert.Equal("./input.wav: boom", exception.StandardErrorTail);
        Assert.DoesNotContain("boom", exception.Message, StringComparison.Ordinal);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public async Task RunAsync_ProcessOutlivesTimeout_IsKilledAndThrowsTransientTimeout()
    {
        var started = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => host.Runner.RunAsync(
            "sleep", ["30"], host.Scratch, TimeSpan.FromMilliseconds(200), CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderTimeout, exception.Code);
        Assert.True(exception.IsTransient);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsTheWholeProcessTree()
    {
        var pidFile = host.ScratchPath("child.pid");

        await Assert.ThrowsAsync<VoiceMemoryException>(() => host.Runner.RunAsync(
            "sh", ["-c", "sleep 30 & echo $! > child.pid; wait"], host.Scratch, TimeSpan.FromSeconds(1), CancellationToken.None));

        var childPid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture);
        Assert.True(await WaitUntilAsync(() => !IsAlive(childPid), TimeSpan.FromSeconds(10)), $"child {childPid} still runs");
    }

    [Fact]
    public async Task RunAsync_CallerCancels_KillsAndThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Runner.RunAsync(
            "sleep", ["30"], host.Scratch, Generous, cancellation.Token));

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    [Theory]
    [InlineData("/nonexistent/voicememory/pocketsphinx_continuous")]
    [InlineData("voicememory-no-such-engine")]
    public async Task RunAsync_MissingExecutable_ThrowsEngineMissing(string executable)
    {
        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => host.Runner.RunAsync(
            executable, [], host.Scratch, Generous, CancellationToken.None));

        Assert.Equal(ErrorCodes.EngineMissing, exception.Code);
        Assert.DoesNotContain("/nonexistent", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HugeOutput_IsCappedAndDoesNotBlockTheProcess()
    {
        var result = await host.Runner.RunAsync(
            "sh", ["-c", "head -c 3000000 /dev/zero | tr '\\0' a; head -c 100000 /dev/zero | tr '\\0' e >&2"], host.Scratch, Generous, CancellationToken.None);

        Assert.Equal(ProcessRunner.MaxStandardOutputChars, result.StandardOutput.Length);
        Assert.Equal(ProcessRunner.MaxStandardErrorChars, result.StandardError.Length);
    }

    [Fact]
    public async Task RunAsync_Run_RecordsEngineSpanLastingTheProcessLifetime()
    {
        using var parentSource = new ActivitySource("VoiceMemory.Tests.Speech");
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is VoiceMemoryTelemetry.Name or "VoiceMemory.Tests.Speech",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        ProcessResult result;
        ActivityTraceId trace;
        using (var parent = parentSource.StartActivity("test"))
        {
            Assert.NotNull(parent);
            trace = parent.TraceId;
            result = await host.Runner.RunAsync("sleep", ["0.3"], host.Scratch, Generous, CancellationToken.None);
        }

        Activity span;
        lock (spans)
        {
            span = Assert.Single(spans, activity => activity.OperationName == ProcessRunner.ActivityName && activity.TraceId == trace);
        }

        Assert.Equal("sleep", span.GetTagItem("engine"));
        Assert.Equal(result.Elapsed, span.Duration);
        Assert.Equal(result.Elapsed.TotalMilliseconds, (double)span.GetTagItem("engine.elapsed_ms")!);
        Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(300), $"elapsed {result.Elapsed}");
    }

    public void Dispose() => host.Dispose();

    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            // A killed child that is not yet reaped is a zombie: it no longer runs.
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
