using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Testing;

/// <summary>Captures every log line (category, formatted message, structured values, exception) so tests can inspect what is logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            // Scopes reach sinks too (e.g. JSON console with IncludeScopes), so they are captured as entries of their own.
            entries.Enqueue(new CapturedLog(LogLevel.None, category, state.ToString() ?? "", "", null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, string Message, string Values, string? Exception)
{
    /// <summary>Everything this entry would put in a log sink.</summary>
    public string AllText => $"{Category} {Message} {Values} {Exception}";
}
