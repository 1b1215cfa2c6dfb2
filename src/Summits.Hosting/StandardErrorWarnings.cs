using Microsoft.Extensions.Logging;

namespace Summits.Hosting;

/// <summary>
/// The logger a silo gets from <see cref="SummitsHosting.AddSummits(Orleans.Hosting.ISiloBuilder, Action{SummitsSiloOptions}?)"/>
/// when its host registered none: each warning or error (Orleans' own only from <see cref="LogLevel.Error"/>, since
/// its warnings describe a loaded machine rather than a run) as one line on standard error,
/// <c>summits: warning: CATEGORY: message</c>, or <c>summits: error: …</c> with the exception's type and message.
/// </summary>
public sealed class StandardErrorWarnings(TextWriter error) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, error);

    public void Dispose()
    {
    }

    /// <summary>Lets this provider see warnings and errors, Orleans' categories errors only.</summary>
    public static ILoggingBuilder AddFilters(ILoggingBuilder logging)
    {
        logging.AddFilter<StandardErrorWarnings>(null, LogLevel.Warning);
        return logging.AddFilter<StandardErrorWarnings>("Orleans", LogLevel.Error);
    }

    private sealed class Logger(string category, TextWriter error) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var level = logLevel == LogLevel.Warning ? "warning" : "error";
            var message = formatter(state, exception).ReplaceLineEndings(" ");
            var cause = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")})";
            lock (error)
                error.WriteLine($"summits: {level}: {category}: {message}{cause}");
        }
    }
}
