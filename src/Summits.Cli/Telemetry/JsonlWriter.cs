using System.Globalization;
using Summits.Scenarios;

namespace Summits.Cli.Telemetry;

/// <summary>
/// The one file that the span, metric and log exporters of a run share: each batch is appended whole
/// under a lock and flushed, so a crash loses at most the batch in flight. The last exporter to shut
/// down closes the file. A write that fails (a full disk, a removed device) is not thrown into the
/// exporters: the writer stops, counts what it could not write, and <see cref="Failure"/> says so.
/// </summary>
public sealed class JsonlWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _file;
    private int _users;
    private bool _closed;
    private string? _error;
    private long _written;
    private long _lost;

    public JsonlWriter(string path)
    {
        Path = path;
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory)
            Directory.CreateDirectory(directory);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
    }

    /// <summary>The file, as the user named it.</summary>
    public string Path { get; }

    /// <summary>
    /// Null while every batch was written; otherwise one line saying how many export requests were
    /// written, how many were not, and why the first write failed.
    /// </summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
            {
                return _error is null ? null : string.Create(CultureInfo.InvariantCulture,
                    $"summits: telemetry file {Path} is incomplete: writing it failed after {_written} export request{(_written == 1 ? "" : "s")} ({_error}); {_lost} more {(_lost == 1 ? "was" : "were")} not written");
            }
        }
    }

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
            try
            {
                _file.Write(lines);
                _file.Flush();
                _written += Lines(lines);
            }
            catch (IOException e)
            {
                _error = e.Message;
                _lost += Lines(lines);
            }
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
            _error ??= e.Message;
        }
    }
}
