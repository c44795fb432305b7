using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>One line a server logged.</summary>
public sealed record LogLine(LogLevel Level, string Category, string Message, Exception? Exception);

/// <summary>A logger provider that keeps every line, for tests that read what the server logged.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyCollection<LogLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), exception));
    }
}
