using Microsoft.DurableTask;
using VoiceMemory.Functions.Orchestration;

namespace VoiceMemory.Functions.Tests.Orchestration;

public sealed class StepFailureTests
{
    private static TaskFailureDetails Details(Exception error, TaskFailureDetails? inner = null) =>
        new(error.GetType().FullName!, error.Message, null, inner, null);

    [Fact]
    public void Transient_IsRetried_AndKeepsItsCode()
    {
        var failure = Details(StepFailure.ToException(ErrorCodes.ProviderThrottled, "Busy.", transient: true, null));

        Assert.True(StepFailure.IsTransient(failure));
        Assert.Equal((ErrorCodes.ProviderThrottled, "Busy."), StepFailure.Read(failure, "respond"));
    }

    [Fact]
    public void Permanent_IsNotRetried()
    {
        var failure = Details(StepFailure.ToException(ErrorCodes.MalformedAudio, "Bad bytes.", transient: false, null));

        Assert.False(StepFailure.IsTransient(failure));
        Assert.Equal(ErrorCodes.MalformedAudio, StepFailure.Read(failure, "understand").Code);
    }

    [Fact]
    public void WrappedByTheWorker_IsFoundInTheInnerFailure()
    {
        var inner = Details(StepFailure.ToException(ErrorCodes.ProviderTimeout, "Slow.", transient: true, null));
        var outer = Details(new InvalidOperationException("Exception while executing function: Functions.understand"), inner);

        Assert.True(StepFailure.IsTransient(outer));
        Assert.Equal(ErrorCodes.ProviderTimeout, StepFailure.Read(outer, "understand").Code);
    }

    [Fact]
    public void Unknown_IsNotRetried_AndReportsAGenericCode()
    {
        var failure = Details(new InvalidOperationException("[storage_full] spoofed by a foreign exception"));

        Assert.False(StepFailure.IsTransient(failure));
        Assert.Equal(ErrorCodes.StepFailed, StepFailure.Read(failure, "speak").Code);
    }

    [Theory]
    [InlineData(typeof(TimeoutException), ErrorCodes.ProviderTimeout, true)]
    [InlineData(typeof(IOException), ErrorCodes.StepFailed, true)]
    public void Classify_UntypedErrors(Type type, string code, bool transient)
    {
        var (actual, _, retried) = TurnActivityFunctions.Classify("speak", (Exception)Activator.CreateInstance(type)!);

        Assert.Equal(code, actual);
        Assert.Equal(transient, retried);
    }

    [Fact]
    public void Classify_StorageFailure_IsTransientStorageUnavailable()
    {
        var (code, _, transient) = TurnActivityFunctions.Classify("remember", new Azure.RequestFailedException(503, "busy"));

        Assert.Equal(ErrorCodes.StorageUnavailable, code);
        Assert.True(transient);
    }
}
