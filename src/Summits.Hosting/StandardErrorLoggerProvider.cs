using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Summits.Hosting;

/// <summary>
/// Writes every warning and error logged in the host (Orleans' own among them) as one line on standard error,
/// <c>COMMAND: warning: CATEGORY: message</c> (or <c>error</c>, with the exception's type and message on the same
/// line), COMMAND being the command whose silo it is (<c>summits run</c>), as every other line the command writes
/// begins, so that they reach the user whether or not telemetry is exported, and never the timeline. It is the
/// logger <see cref="SummitsHosting.AddSummits(Orleans.Hosting.ISiloBuilder, Action{SummitsSiloOptions}?)"/> gives a
/// silo whose host registered none, and the one the <c>summits</c> command's embedded silo registers.
/// Records are written only while the provider is <see cref="Open"/> (from the start unless a host says
/// otherwise): the embedded silo opens it once it has started and closes it before its deliberately abrupt stop,
/// so that Orleans' notes on starting (server GC advice) and on an abandoned shutdown do not bury a run's output.
/// </summary>
/// <param name="error">Where the lines go: standard error, or a test's writer.</param>
/// <param name="command">What each line begins with: the command, as <c>summits run</c>; <see cref="DefaultCommand"/> for a host that is no command.</param>
public sealed partial class StandardErrorLoggerProvider(TextWriter error, string command = StandardErrorLoggerProvider.DefaultCommand) : ILoggerProvider
{
    /// <summary>What a line begins with when no command is named: <c>summits</c>.</summary>
    public const string DefaultCommand = "summits";

    /// <summary>What each line begins with: the command whose silo this is.</summary>
    public string Command { get; } = command;

    /// <summary>The lowest level written.</summary>
    public const LogLevel Threshold = LogLevel.Warning;

    /// <summary>The lowest level written of Orleans' own categories (those starting <c>Orleans</c>).</summary>
    public const LogLevel OrleansThreshold = LogLevel.Error;

    /// <summary>
    /// Which records a host's logging passes to this provider: every category from <see cref="Threshold"/>, but
    /// Orleans' categories only from <see cref="OrleansThreshold"/>. Orleans' warnings are diagnostics of the
    /// runtime on this machine (a timer that fired late, a grain turn or a callback that ran long, a starved
    /// CPU, a slow membership probe): a loaded machine makes them and they say nothing of the run, so they would
    /// only bury its output. Its errors (a storage refusing a write) are written; the warnings still reach the
    /// exported telemetry when a run exports it.
    /// </summary>
    public static ILoggingBuilder AddFilters(ILoggingBuilder logging)
    {
        logging.AddFilter<StandardErrorLoggerProvider>(null, Threshold);
        return logging.AddFilter<StandardErrorLoggerProvider>("Orleans", OrleansThreshold);
    }

    private volatile bool _open = true;

    /// <summary>Whether records are written now.</summary>
    public bool Open
    {
        get => _open;
        set => _open = value;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, error, this);

    public void Dispose()
    {
    }

    /// <summary>
    /// The line for one record of <paramref name="command"/>'s host: the command, the record's level, category and
    /// message, the exception's kind and message, in one line.
    /// </summary>
    public static string Line(string command, LogLevel level, string category, string message, Exception? exception)
    {
        var text = exception is null ? message : $"{message} ({exception.GetType().FullName}: {exception.Message})";
        return $"{command}: {(level >= LogLevel.Error ? "error" : "warning")}: {category}: {Whitespace().Replace(text, " ").Trim()}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed class Logger(string category, TextWriter error, StandardErrorLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.Open && logLevel >= Threshold && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var line = Line(provider.Command, logLevel, category, formatter(state, exception), exception);
            lock (error)
                error.WriteLine(line);
        }
    }
}
