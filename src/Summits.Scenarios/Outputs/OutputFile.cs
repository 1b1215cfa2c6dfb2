namespace Summits.Scenarios;

/// <summary>
/// Writes one output file so that a reader finds the previous file or the whole new one, never a part: the text
/// goes to a new file beside it (<c>.NAME.summits-new-…</c>), which is then renamed over it. A path that is not a
/// regular file (a terminal, <c>/dev/stdout</c>) is written in place.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// The file a write of <paramref name="path"/> replaces: its full path with symbolic links followed (so that the
    /// link stays and its target is written), and whether it is written in place, not being a regular file (a
    /// terminal, a pipe, a device such as <c>/dev/stdout</c> or <c>/dev/null</c>).
    /// </summary>
    public static (string Full, bool InPlace) Target(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } linked)
            full = linked.FullName;
        return (full, File.Exists(full) && FileType.Of(full) is { } type && type != FileType.Regular);
    }

    /// <param name="cancellation">Ctrl-C: checked once the new file is written, before it takes the target's place.</param>
    /// <exception cref="OutputException">The file could not be written; a file that was there is unchanged.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the new file took the target's place; a file that was there is unchanged.</exception>
    public static void Write(string path, Action<TextWriter> write, CancellationToken cancellation = default)
    {
        var (full, inPlace) = Target(path);
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
