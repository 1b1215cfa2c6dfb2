namespace Summits.Scenarios;

/// <summary>
/// Writes one output file so that a reader finds the previous file or the whole new one, never a part: the text
/// goes to a new file beside it (<c>.NAME.summits-new-…</c>), which is then renamed over it. A path that is not a
/// regular file (a terminal, <c>/dev/stdout</c>) is written in place.
/// </summary>
public static class OutputFile
{
    /// <param name="cancellation">Ctrl-C: checked once the new file is written, before it takes the target's place.</param>
    /// <exception cref="OutputException">The file could not be written; a file that was there is unchanged.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the new file took the target's place; a file that was there is unchanged.</exception>
    public static void Write(string path, Action<TextWriter> write, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } linked)
            full = linked.FullName;
        var inPlace = File.Exists(full) && FileType.Of(full) is { } type && type != FileType.Regular;
        var folder = Path.GetDirectoryName(full)!;
        var staging = inPlace ? full : Path.Combine(folder, $".{Path.GetFileName(full)}.summits-new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new StreamWriter(staging) { NewLine = "\n" })
                write(file);
            if (OutputSet.Delay > 0)
                cancellation.WaitHandle.WaitOne(OutputSet.Delay);
            cancellation.ThrowIfCancellationRequested();
            if (!inPlace)
                File.Move(staging, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            throw new OutputException(path, e, previousKept: !inPlace);
        }
        finally
        {
            if (!inPlace && File.Exists(staging))
                File.Delete(staging);
        }
    }
}
