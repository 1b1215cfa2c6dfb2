using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Summits.Hosting;

/// <summary>
/// Writes every warning and error logged in the host as one short line on standard error, <c>COMMAND: warning: CATEGORY:
/// message</c> (or <c>error</c>, with its innermost cause's type and message on the same line, no stack frames; see
/// <see cref="Line"/>), COMMAND being the command
/// whose silo it is (<c>summits run</c>), as every other line the command writes begins, so that they reach the user
/// whether or not telemetry is exported, and never the timeline. Orleans' own records (a category beginning
/// <c>Orleans</c>, or <c>Polly</c>, whose retry pipelines Orleans runs) are the runtime's notes on what it met (a call to another silo or a client that timed out, a message
/// too large to send, a membership table gone with its Redis server), not errors of the command: each is one short
/// line, <c>COMMAND: orleans: CATEGORY: message (ExceptionType: message)</c>, its category shortened to its last part
/// (<c>Orleans.Runtime.GrainDirectory.ClientDirectory</c> is <c>ClientDirectory</c>) and each text cut to
/// <see cref="OrleansMost"/> characters; and the same kind (category and event; for a record that a Redis call's
/// failure made, that cause as <see cref="RedisFailure.Said"/> gives it, whatever the category) is written once a
/// <see cref="OrleansQuiet"/> at most, the next line of it saying how many were left out meanwhile, so that a silo in
/// trouble does not flood its standard error. It is the
/// logger <see cref="SummitsHosting.AddSummits(Orleans.Hosting.ISiloBuilder, Action{SummitsSiloOptions}?)"/> gives a
/// silo whose host registered none, and the one the <c>summits</c> command's embedded silo registers.
/// Records are written only while the provider is <see cref="Open"/> (from the start unless a host says
/// otherwise): the embedded silo opens it once it has started and closes it before its deliberately abrupt stop,
/// so that Orleans' notes on starting (server GC advice) and on an abandoned shutdown do not bury a run's output.
/// </summary>
/// <param name="error">Where the lines go: standard error, or a test's writer.</param>
/// <param name="command">What each line begins with: the command, as <c>summits run</c>; <see cref="DefaultCommand"/> for a host that is no command.</param>
/// <param name="clock">What times the quiet between two lines of one kind of Orleans record; <see cref="TimeProvider.System"/> when null.</param>
public sealed partial class StandardErrorLoggerProvider(TextWriter error, string command = StandardErrorLoggerProvider.DefaultCommand, TimeProvider? clock = null) : ILoggerProvider
{
    /// <summary>The most characters of an Orleans record's message, and of its exception's, that its line shows: 200.</summary>
    public const int OrleansMost = 200;

    /// <summary>
    /// The most characters of a whole line this provider writes: 300. A line of more (a message and its cause's message,
    /// each up to <see cref="OrleansMost"/>) is cut to its first 299 and an ellipsis, "…".
    /// </summary>
    public const int LineMost = 300;

    /// <summary>How long after a line of one kind of Orleans record (category and event) another of that kind waits to be written: 1 minute.</summary>
    public static readonly TimeSpan OrleansQuiet = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    // For each kind of Orleans record written: when its last line was written, and how many of it were left out since.
    private readonly Dictionary<(string Category, int Event), (DateTimeOffset At, int Left)> _said = [];

    /// <summary>
    /// The endpoint (<c>HOST:PORT</c>) of the Redis server the host keeps its state in, or null for none: a record whose
    /// failure is a Redis call's then ends with its cause in our words, <c>(Redis at HOST:PORT did not answer within 5 s)</c>,
    /// rather than the type and the text of the exception that carried it (<see cref="RedisFailure"/>).
    /// </summary>
    public string? Redis { get; init; }

    /// <summary>What a line begins with when no command is named: <c>summits</c>.</summary>
    public const string DefaultCommand = "summits";

    /// <summary>What each line begins with: the command whose silo this is.</summary>
    public string Command { get; } = command;

    /// <summary>The lowest level written.</summary>
    public const LogLevel Threshold = LogLevel.Warning;

    /// <summary>The lowest level written of the runtime's own categories (Orleans' and Polly's, <see cref="IsOrleans"/>).</summary>
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
        foreach (var runtime in Runtime)
            logging.AddFilter<StandardErrorLoggerProvider>(runtime, OrleansThreshold);
        return logging;
    }

    private volatile bool _open = true;

    /// <summary>Whether records are written now.</summary>
    public bool Open
    {
        get => _open;
        set => _open = value;
    }

    private volatile bool _stopping;

    /// <summary>
    /// Whether the host is stopping on purpose: while true, the runtime's own records (<see cref="IsOrleans"/>) are no
    /// longer written, but for its storage's (<see cref="IsStorage"/>), which may say that a last change could not be
    /// written; the host's own records still are. A silo that stops cuts the calls and timers it has in hand, and Orleans
    /// notes what that cut (a call's cancellation it could not deliver to a silo going away): notes of the stop the
    /// command asked for, not errors of the command. They still reach the exported telemetry when a run exports it.
    /// </summary>
    public bool Stopping
    {
        get => _stopping;
        set => _stopping = value;
    }

    // The lines written while held, in order; null while not held.
    private List<string>? _held;

    /// <summary>
    /// Whether lines are kept back rather than written: a silo holds them while it starts, so that a start that fails
    /// is said in its own one line (<see cref="Drop"/>), and a start that succeeds writes what it logged, in order, once
    /// it is no longer held.
    /// </summary>
    public bool Held
    {
        get
        {
            lock (error)
                return _held is not null;
        }
        set
        {
            lock (error)
            {
                if (value)
                {
                    _held ??= [];
                    return;
                }
                foreach (var line in _held ?? [])
                    error.WriteLine(line);
                _held = null;
            }
        }
    }

    /// <summary>Forgets the lines held so far (<see cref="Held"/>), which are then never written.</summary>
    public void Drop()
    {
        lock (error)
            _held?.Clear();
    }

    /// <summary>Writes <paramref name="line"/> now, or keeps it while <see cref="Held"/>.</summary>
    private void Write(string line)
    {
        lock (error)
        {
            if (_held is not null)
                _held.Add(line);
            else
                error.WriteLine(line);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    /// <summary>
    /// The line for one record of <paramref name="command"/>'s host: <c>COMMAND: warning: CATEGORY: message (ExceptionType:
    /// message)</c> (or <c>error</c>), the exception being the innermost cause of the record's (the one that says what
    /// failed: a Redis connection closed, not the storage call that met it), its type without its namespace, and each text
    /// on one line, cut to <see cref="OrleansMost"/> characters with any stack frame it quotes left out, as an Orleans
    /// record's line is, and the whole line cut to <see cref="LineMost"/>. The innermost cause is the end of the
    /// <see cref="Exception.InnerException"/> chain: an exception that carries its cause only in its message (Orleans'
    /// <c>RedisStorageException</c>) is itself the one named, its message cut.
    /// </summary>
    /// <remarks>An Orleans record's line is the runtime's note (<see cref="OrleansLine"/>).</remarks>
    /// <param name="redis">
    /// The endpoint of the Redis server the host keeps its state in (<see cref="Redis"/>); when the record's failure is a
    /// Redis call's, its cause is said in our words about that server (<see cref="RedisFailure.Said"/>), as
    /// <c>(Redis at 127.0.0.1:6379 refused the connection)</c>, with no exception's type. Null for a host with no Redis server.
    /// </param>
    public static string Line(string command, LogLevel level, string category, string message, Exception? exception, string? redis = null) =>
        LineWith(command, level, category, message, exception, RedisCause(exception, redis));

    /// <summary>The cause of <paramref name="exception"/> about the Redis server <paramref name="redis"/>, as <see cref="RedisFailure.Said"/> gives it; null when it is no Redis call's or there is no server.</summary>
    private static string? RedisCause(Exception? exception, string? redis) => redis is null ? null : RedisFailure.Said(exception, redis);

    /// <summary>The line <see cref="Line"/> writes, the record's Redis cause (<see cref="RedisCause"/>) already read.</summary>
    private static string LineWith(string command, LogLevel level, string category, string message, Exception? exception, string? redisCause)
    {
        if (IsOrleans(category))
            return OrleansLineWith(command, category, message, exception, redisCause);
        var text = Cut(message);
        if (redisCause is not null)
        {
            text += $" ({redisCause})";
        }
        else if (exception is not null)
        {
            var cause = exception;
            while (cause.InnerException is not null)
                cause = cause.InnerException;
            text += $" ({cause.GetType().Name}: {Cut(cause.Message)})";
        }
        return Capped($"{command}: {(level >= LogLevel.Error ? "error" : "warning")}: {category}: {text}", LineMost);
    }

    /// <summary>
    /// Whether <paramref name="category"/> is one of the runtime's own: Orleans' (<c>Orleans</c>, or beginning
    /// <c>Orleans.</c>), or Polly's (<c>Polly</c>, or beginning <c>Polly.</c>), whose retry pipelines Orleans runs its
    /// Redis calls through, so that their records are its notes too.
    /// </summary>
    public static bool IsOrleans(string category) => Runtime.Any(name => category == name || category.StartsWith(name + ".", StringComparison.Ordinal));

    /// <summary>
    /// Whether <paramref name="category"/> is a storage's of Orleans: its name holds <c>Storage</c> or <c>Persistence</c>
    /// (<c>Orleans.Storage.RedisGrainStorage</c>, <c>Orleans.Core.StorageProviderForwarder</c>), whose records say that a
    /// grain's state could not be read, written or cleared.
    /// </summary>
    public static bool IsStorage(string category) =>
        category.Contains("Storage", StringComparison.Ordinal) || category.Contains("Persistence", StringComparison.Ordinal);

    /// <summary>The runtime's categories, each with those beginning with it and a dot: Orleans' and Polly's.</summary>
    private static readonly string[] Runtime = ["Orleans", "Polly"];

    /// <summary>
    /// The short line of an Orleans record: <c>COMMAND: orleans: CATEGORY: message (ExceptionType: message)</c>, the
    /// category's last part, the exception's type without its namespace, each text on one line and cut to
    /// <see cref="OrleansMost"/> characters (the last an ellipsis), a stack frame quoted in it (<c> at …</c>) left out,
    /// and the whole line cut to <see cref="LineMost"/>.
    /// </summary>
    /// <param name="redis">As for <see cref="Line"/>: a Redis call's failure is said in our words about this server.</param>
    public static string OrleansLine(string command, string category, string message, Exception? exception, string? redis = null) =>
        OrleansLineWith(command, category, message, exception, RedisCause(exception, redis));

    /// <summary>The line <see cref="OrleansLine"/> writes, the record's Redis cause (<see cref="RedisCause"/>) already read.</summary>
    private static string OrleansLineWith(string command, string category, string message, Exception? exception, string? redisCause)
    {
        var text = Cut(message);
        if (redisCause is not null)
            text = $"{Cut(WithoutRedisText(text))} ({redisCause})";
        else if (exception is not null)
            text += $" ({exception.GetType().Name}: {Cut(exception.Message)})";
        return Capped($"{command}: orleans: {category[(category.LastIndexOf('.') + 1)..]}: {text}", LineMost);
    }

    /// <summary>
    /// An Orleans record's message about a Redis call with Orleans' words for it in ours: its storage's error
    /// (<c>Error from storage provider RedisGrainStorage.summits during WriteStateAsync for grain timeline/w/timeline-0 …</c>)
    /// is <c>a grain's state could not be written: timeline/w/timeline-0</c>, and any text from the first exception's name
    /// it quotes on (<c>Exc level 0: …</c>, <c>…Exception: …</c>) is left out, its cause being said after it.
    /// </summary>
    private static string WithoutRedisText(string message)
    {
        if ((StorageError().Match(message) is { Success: true } bridge ? bridge : RedisStorageError().Match(message)) is { Success: true } storage)
        {
            var done = storage.Groups["op"].Value switch { "Read" or "read" => "read", "Write" or "write" => "written", _ => "cleared" };
            // Orleans names the grain with its etag after it in parentheses, "(null)" for none.
            return $"a grain's state could not be {done}: {EtagAfter().Replace(storage.Groups["grain"].Value.Trim(), "")}";
        }
        return QuotedException().Replace(message, "").TrimEnd(' ', ':', '.', ',');
    }

    [GeneratedRegex(@"^Error from storage provider \S+ during (?<op>Read|Write|Clear)StateAsync for grain (?<grain>.*?)(?:\s+Exc level.*)?$")]
    private static partial Regex StorageError();

    // Orleans' Redis storage's own record of a failed call: "Failed to read grain state for timeline grain with ID
    // timelinepage/w/timeline-0 and storage key summits/state/…".
    [GeneratedRegex(@"^Failed to (?<op>read|write|clear) grain state for \S+ grain with ID (?<grain>\S+)")]
    private static partial Regex RedisStorageError();

    [GeneratedRegex(@"\([^()]*\)$")]
    private static partial Regex EtagAfter();

    [GeneratedRegex(@"(?:\s*Exc level \d+:|\s*[\w.]*Exception\b).*$")]
    private static partial Regex QuotedException();

    /// <summary><paramref name="line"/> when it has at most <paramref name="most"/> characters, else its first <c>most - 1</c> and "…".</summary>
    private static string Capped(string line, int most) => line.Length <= most ? line : line[..(most - 1)].TrimEnd() + "…";

    private static string Cut(string text)
    {
        var line = Whitespace().Replace(text, " ").Trim();
        // A message that quotes an exception's stack ends where its first frame begins.
        if (Frame().Match(line) is { Success: true } frame)
            line = line[..frame.Index].TrimEnd();
        return line.Length <= OrleansMost ? line : line[..(OrleansMost - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@" at [\w.`<>|]+\(")]
    private static partial Regex Frame();

    // The kind of an Orleans record that a Redis call's failure made: this and the cause in our words.
    private const string RedisKind = "redis: ";

    /// <summary>
    /// Whether a line of Orleans' <paramref name="category"/> and <paramref name="eventId"/> is written now, and how many
    /// of its kind were left out since the last one: the first of a kind is, and then none for <see cref="OrleansQuiet"/>.
    /// </summary>
    private (bool Write, int Left) Quiet(string category, int eventId)
    {
        var now = _clock.GetUtcNow();
        lock (_said)
        {
            var kind = (category, eventId);
            if (_said.TryGetValue(kind, out var said) && now - said.At < OrleansQuiet)
            {
                _said[kind] = said with { Left = said.Left + 1 };
                return (false, 0);
            }
            _said[kind] = (now, 0);
            return (true, said.Left);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed class Logger(string category, StandardErrorLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.Open && logLevel >= Threshold && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || (provider.Stopping && IsOrleans(category) && !IsStorage(category)))
                return;
            // Read once: it says the cause on the line, and makes the kind of an Orleans record below.
            var redis = RedisCause(exception, provider.Redis);
            var line = LineWith(provider.Command, logLevel, category, formatter(state, exception), exception, redis);
            if (IsOrleans(category))
            {
                // The records one failure of the Redis server makes (the storage's, the activation's, the reminder
                // service's, each of several lines of Orleans') are one kind for each cause: said once a minute.
                var (write, left) = redis is null ? provider.Quiet(category, eventId.Id) : provider.Quiet(RedisKind + redis, 0);
                if (!write)
                    return;
                if (left > 0)
                {
                    // The count is never the part cut: the line before it is made short enough for it.
                    var more = string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (and {left} more like it since the last, left out)");
                    line = Capped(line, LineMost - more.Length) + more;
                }
            }
            provider.Write(line);
        }
    }
}
