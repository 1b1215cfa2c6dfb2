namespace Summits.Scenarios;

/// <summary>
/// Whether a file or folder that a command will write can be written, found before the command runs so
/// that nothing runs for output that would fail at the end. Each check leaves the file system as it found it.
/// </summary>
public static class OutputPath
{
    /// <summary>
    /// Why <paramref name="path"/> cannot take an output set (<see cref="OutputSet"/>); null when it can. The set
    /// is written into a new folder beside the target and moved into place, so the folder that holds the target
    /// (or the nearest one that exists) must take a new folder; that is tried with a folder made and removed again.
    /// The working folder and the folders that hold it are refused, since moving a new folder into their place
    /// would leave a shell standing in the removed one.
    /// </summary>
    public static string? FolderProblem(string path)
    {
        if (path.Length == 0)
            return "name a folder";
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(full))
            return "it is a file; name a folder";
        if (Directory.Exists(full))
            full = Resolve(full);
        var parent = Path.GetDirectoryName(full);
        if (parent is null)
            return "it is the root folder; name a folder inside it";
        var working = Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory());
        if (working == full || working.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return "it is the working folder or holds it, which the new output would replace; name a folder inside it, such as out";
        if (Directory.Exists(full))
            return Probe(parent);
        return Existing(Path.TrimEndingDirectorySeparator(path), out var existing) ?? Probe(existing);
    }

    /// <summary>
    /// The nearest folder above <paramref name="path"/> that exists, named as the user named the path (the working
    /// folder when the path is relative and nothing of it exists); the problem when a file stands in the way.
    /// </summary>
    private static string? Existing(string path, out string existing)
    {
        existing = Path.GetDirectoryName(path) ?? path;
        while (existing.Length > 0 && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
                return $"'{existing}' is a file, not a folder";
            existing = Path.GetDirectoryName(existing) ?? "";
        }
        if (existing.Length == 0)
            existing = ".";
        return null;
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot be written as a file; null when it can. An existing file is opened for
    /// writing without being changed; a new one is created and removed again. A folder and a FIFO (whose open
    /// waits for a reader) are refused unopened.
    /// </summary>
    public static string? FileProblem(string path)
    {
        if (path.Length == 0)
            return "name a file";
        if (Directory.Exists(path))
            return "it is a folder; name a file";
        if (File.Exists(path) && InputFile.IsFifo(path))
            return "it is a FIFO (named pipe), which would wait for a reader; name a file";
        try
        {
            if (File.Exists(path))
            {
                using var _ = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                return null;
            }
            if (Existing(path, out var existing) is { } problem)
                return problem;
            if (Path.GetFullPath(existing) != Path.GetDirectoryName(Path.GetFullPath(path)))
                return Probe(existing);
            try
            {
                using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                }
            }
            catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // A pseudo file system such as /proc says a new file does not exist rather than that it cannot be made.
                return $"no file can be made in '{existing}': the file system does not take new files there";
            }
            File.Delete(path);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e)
        {
            return e.Message.TrimEnd('.');
        }
    }

    /// <summary>The folder a path names, with symbolic links followed: the folder that an output set replaces.</summary>
    public static string Resolve(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return Directory.Exists(full) && new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Path.TrimEndingDirectorySeparator(target.FullName)
            : full;
    }

    /// <summary>Why no folder can be made in <paramref name="folder"/>; null when one can.</summary>
    private static string? Probe(string folder)
    {
        var probe = Path.Combine(folder, $".summits-probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"no folder can be made in '{folder}': permission denied";
        }
        catch (IOException e)
        {
            // A pseudo file system such as /proc says a new entry does not exist rather than that it cannot be made.
            var why = e is FileNotFoundException or DirectoryNotFoundException ? "the file system does not take new folders there" : e.Message.TrimEnd('.');
            return $"no folder can be made in '{folder}': {why}";
        }
    }
}
