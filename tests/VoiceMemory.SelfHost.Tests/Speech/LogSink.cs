using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VoiceMemory.SelfHost.Tests.Speech;

/// <summary>Collects every formatted log message (and exception message) so tests can check what is logged.</summary>
internal sealed class LogSink
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyCollection<string> Messages => messages;

    public ILogger<T> For<T>() => new SinkLogger<T>(this);

    private sealed class SinkLogger<T>(LogSink sink) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sink.messages.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " | " + exception));
        }
    }
}
