using System.Globalization;
using Summits.Scenarios;

namespace Summits.Cli.Telemetry;

/// <summary>
/// The one file that the span, metric and log exporters of a run share: each batch is appended whole
/// under a lock and flushed, so a crash loses at most the batch in flight. The lines go to
/// <c>FILE.partial</c> beside the target while the run goes (it can be followed with <c>tail -f</c>), and
/// <see cref="Finish"/> renames it over the target once the run has ended whole, so that a reader of the target
/// finds the previous run's telemetry or this one's, never a cut file. A path under <c>/dev/</c> or
/// <c>/proc/</c>, or one that is not a regular file (<c>/dev/stdout</c>, <c>/dev/null</c>, a terminal), is written in
/// place; a symbolic link is followed, and its target replaced. A write that fails (a full disk, a
/// removed device) is not thrown into the exporters: the writer stops, cuts the partial file back to its last
/// whole line, counts what it could not write, and <see cref="Failure"/> says so.
/// </summary>
public sealed class JsonlWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _file;
    private readonly string _target;
    private readonly string? _partial;
    private int _users;
    private bool _closed;
    private string? _error;
    private string? _ending;
    private long _written;
    private long _lost;

    /// <exception cref="IOException">The file (or its partial file beside it) cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The same, for want of permission.</exception>
    public JsonlWriter(string path)
    {
        Path = path;
        // A link stays a link: its final target is the file written beside and replaced.
        (_target, var inPlace) = OutputFile.Target(path);
        if (System.IO.Path.GetDirectoryName(_target) is { } directory)
            Directory.CreateDirectory(directory);
        _partial = inPlace || InPlace(_target) ? null : _target + ".partial";
        // Unbuffered: each batch is one write, and a write that fails part-way leaves nothing held back to flush later.
        _file = new FileStream(_partial ?? _target, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    /// <summary>Whether a path names a device or a process's file (written in place) rather than a file of its own.</summary>
    private static bool InPlace(string full) =>
        full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal);

    /// <summary>The file, as the user named it.</summary>
    public string Path { get; }

    /// <summary>
    /// The file the lines go to while the run goes: <c>FILE.partial</c> (beside the link's target when FILE is a
    /// symbolic link), or the file itself when it is written in place.
    /// </summary>
    public string Writing => _partial is null ? Path : _target == System.IO.Path.GetFullPath(Path) ? Path + ".partial" : _partial;

    /// <summary>
    /// Null while every batch was written and, after <see cref="Finish"/>, the file is in place; otherwise one
    /// sentence saying what went wrong (how many export requests were written, how many were not, and why the first
    /// write failed, in the system's words without the path .NET appends to them) and where the lines that were
    /// written are. A failure means the run's output could not be written: the command says it as
    /// <c>summits COMMAND: error: SENTENCE</c> (<see cref="Hosting.TelemetryEnd.Lines"/>) and exits with code 3.
    /// </summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
            {
                if (_error is null)
                    return _ending;
                var counts = string.Create(CultureInfo.InvariantCulture,
                    $"writing it failed after {_written} export request{(_written == 1 ? "" : "s")} ({_error}); {_lost} more {(_lost == 1 ? "was" : "were")} not written");
                return _partial is null
                    ? $"telemetry file {Path} is incomplete: {counts}"
                    : $"telemetry file {Path} was not written: {counts}; {Path} is as it was, and the export requests written are in {Writing}";
            }
        }
    }

    /// <summary>
    /// Ends the file once every exporter has shut down: the partial file takes the target's place when the run
    /// <paramref name="finished"/> and every write succeeded. Otherwise the target stays as it was: after a failed
    /// write <see cref="Failure"/> says so; after a run that did not finish (Ctrl-C, a failure) <see cref="Notice"/>
    /// says where its telemetry is. A rename that fails is a <see cref="Failure"/>.
    /// </summary>
    public void Finish(bool finished)
    {
        lock (_gate)
        {
            Close();
            if (_partial is null || _error is not null)
                return;
            if (!finished)
            {
                Notice = string.Create(CultureInfo.InvariantCulture,
                    $"the command did not finish, so its telemetry ({_written} export request{(_written == 1 ? "" : "s")}) is in {Writing}; {Path} is as it was");
                return;
            }
            try
            {
                File.Move(_partial, _target, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _ending = $"telemetry file {Path} was not written: the finished file could not take its place ({OutputException.Why(e)}); the run's telemetry is in {Writing}";
            }
        }
    }

    /// <summary>After <see cref="Finish"/> of a run that did not finish: one line saying where its telemetry is; else null.</summary>
    public string? Notice { get; private set; }

    /// <summary>Why a file cannot be written, found before a run starts (<see cref="OutputPath.FileProblem"/>); null when it can.</summary>
    public static string? Problem(string path) => OutputPath.FileProblem(path);

    /// <summary>Counts an exporter that writes here; each one calls <see cref="Release"/> when it shuts down.</summary>
    public void Retain()
    {
        lock (_gate)
            _users++;
    }

    public void Release()
    {
        lock (_gate)
        {
            if (--_users <= 0)
                Close();
        }
    }

    /// <summary>Starts a batch of lines, appended to the file in one piece when the batch is disposed.</summary>
    public JsonlBatch Begin() => new(this);

    public void Append(ReadOnlySpan<byte> lines)
    {
        if (lines.IsEmpty)
            return;
        lock (_gate)
        {
            if (_closed || _error is not null)
            {
                _lost += Lines(lines);
                return;
            }
            var whole = _file.CanSeek ? _file.Position : -1;
            try
            {
                _file.Write(lines);
                _file.Flush();
                _written += Lines(lines);
            }
            catch (IOException e)
            {
                _error = OutputException.Why(e);
                _lost += Lines(lines);
                CutBack(whole);
            }
        }
    }

    /// <summary>Cuts the partial file back to <paramref name="whole"/> bytes, the end of its last whole line, after a write that failed part-way.</summary>
    private void CutBack(long whole)
    {
        if (_partial is null || whole < 0)
            return;
        try
        {
            _file.SetLength(whole);
        }
        catch (IOException)
        {
            // The file keeps a cut last line; the failure line already says the file is not the run's.
        }
    }

    private static int Lines(ReadOnlySpan<byte> lines) => lines.Count((byte)'\n');

    public void Dispose()
    {
        lock (_gate)
            Close();
    }

    private void Close()
    {
        if (_closed)
            return;
        _closed = true;
        try
        {
            _file.Dispose();
        }
        catch (IOException e)
        {
            // What the last flush could not write was already counted; the file handle is gone either way.
            _error ??= OutputException.Why(e);
        }
    }
}
