namespace Summits.Cli.Telemetry;

/// <summary>
/// The one file that the span, metric and log exporters of a run share: each batch is appended whole
/// under a lock and flushed, so a crash loses at most the batch in flight. The last exporter to shut
/// down closes the file.
/// </summary>
public sealed class JsonlWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _file;
    private int _users;
    private bool _closed;

    public JsonlWriter(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            Directory.CreateDirectory(directory);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
    }

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
            if (_closed)
                return;
            _file.Write(lines);
            _file.Flush();
        }
    }

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
        _file.Flush();
        _file.Dispose();
    }
}
