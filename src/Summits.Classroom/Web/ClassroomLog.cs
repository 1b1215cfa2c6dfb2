using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Summits.Hosting;

namespace Summits.Classroom;

/// <summary>
/// The classroom's lines on the teacher's terminal: every warning and error of its host, written by
/// <see cref="StandardErrorLoggerProvider"/>, but a page's refused call. A refusal (a wrong code, a value out of range,
/// a third team at a table) is a <see cref="HubException"/> that the page shows in words, an event of an ordinary
/// lesson; SignalR logs every failed call as an error, so each would otherwise be a long error line on the terminal.
/// Any other failure of a call, a fault of the classroom's, is written as before.
/// </summary>
/// <param name="lines">The writer of the lines, opened and closed by its owner.</param>
public sealed class ClassroomLog(StandardErrorLoggerProvider lines) : ILoggerProvider
{
    /// <summary>
    /// Which records a host's logging passes to this provider: the same as to <see cref="StandardErrorLoggerProvider"/>
    /// (<see cref="StandardErrorLoggerProvider.AddFilters"/>).
    /// </summary>
    public static ILoggingBuilder AddFilters(ILoggingBuilder logging)
    {
        logging.AddFilter<ClassroomLog>(null, StandardErrorLoggerProvider.Threshold);
        return logging.AddFilter<ClassroomLog>("Orleans", StandardErrorLoggerProvider.OrleansThreshold);
    }

    /// <summary>Whether a record is a page's refused call: its exception is a <see cref="HubException"/>, the hub's refusal.</summary>
    public static bool IsRefusal(Exception? exception) => exception is HubException;

    public ILogger CreateLogger(string categoryName) => new Logger(lines.CreateLogger(categoryName));

    public void Dispose()
    {
    }

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsRefusal(exception))
                inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
