using System.Runtime.InteropServices;
using System.Text;

namespace Summits.Scenarios;

/// <summary>
/// Whether a file or folder that a command will write can be written, found before the command runs so
/// that nothing runs for output that would fail at the end. Each check leaves the file system as it found it.
/// </summary>
public static class OutputPath
{
    /// <summary>
    /// Why <paramref name="path"/> cannot take an output set (<see cref="OutputSet"/>); null when it can. The set
    /// is written into a new folder beside the target and exchanged with it, so the folder that holds the target
    /// (or the nearest one that exists) and the target itself must each take a new entry and give it up again;
    /// that is tried in each without changing it (<see cref="Probe"/>), after their immutable and append-only flags
    /// are read, since append-only takes a new entry but never gives it up. The target's own folders, which
    /// the new set takes with it, must be movable, and the target must not be a mount point.
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
            return Unchangeable(full, "it") ?? Unchangeable(parent, $"'{parent}'") ?? Probe(full) ?? Probe(parent) ?? Unmovable(full);
        return Existing(Path.TrimEndingDirectorySeparator(path), out var existing) ?? Unchangeable(existing, $"'{existing}'") ?? Probe(existing);
    }

    /// <summary>
    /// Why the folders of an existing target (which a new set takes with it) cannot be moved, or the target cannot
    /// be replaced; null when they can: a folder flagged immutable or append-only (<c>chattr +i</c>, <c>+a</c>),
    /// which not even root may rename, and a mount point, which no rename moves.
    /// </summary>
    private static string? Unmovable(string target)
    {
        if (MountPoints().Contains(target))
            return "it is a mount point, which a new folder cannot take the place of; name a folder inside it";
        foreach (var folder in new DirectoryInfo(target).EnumerateDirectories())
        {
            if (folder.LinkTarget is not null)
                continue;
            if (Unchangeable(folder.FullName, $"its folder '{folder.Name}'") is { } problem)
                return problem + ", so it cannot be moved into the new output";
            if (MountPoints().Contains(folder.FullName))
                return $"its folder '{folder.Name}' is a mount point, so it cannot be moved into the new output";
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="folder"/> (said as <paramref name="said"/>) cannot be changed or renamed by anyone: its
    /// immutable or append-only flag, read with <c>ioctl(FS_IOC_GETFLAGS)</c> on Linux; null when neither is set or
    /// the flags cannot be read (another system, a file system without them).
    /// </summary>
    private static string? Unchangeable(string folder, string said)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var descriptor = Open(folder, ReadOnly | Directory_ | NonBlock);
        if (descriptor < 0)
            return null;
        try
        {
            long flags = 0;
            if (GetFlags(descriptor, FsIocGetFlags, ref flags) != 0)
                return null;
            if ((flags & ImmutableFlag) != 0)
                return $"{said} is immutable (chattr +i), which not even root may change";
            if ((flags & AppendFlag) != 0)
                return $"{said} is append-only (chattr +a), from which nothing may be removed or moved";
            return null;
        }
        finally
        {
            Close(descriptor);
        }
    }

    /// <summary>The folders on which a file system is mounted, from <c>/proc/self/mountinfo</c> (empty elsewhere).</summary>
    private static HashSet<string> MountPoints()
    {
        var points = new HashSet<string>(StringComparer.Ordinal);
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/mountinfo"))
            return points;
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            // The fifth field is the mount point, with space, tab, newline and backslash written as octal escapes.
            var fields = line.Split(' ');
            if (fields.Length > 4)
                points.Add(System.Text.RegularExpressions.Regex.Replace(fields[4], @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString()));
        }
        return points;
    }

    private const int ReadOnly = 0;
    private const int NonBlock = 0x800;
    // O_DIRECTORY is 040000 on Arm and PowerPC and 0200000 on x86-64 and the other targets .NET runs on Linux.
    private static readonly int Directory_ = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm or Architecture.Armv6 or Architecture.Ppc64le
        ? 0x4000
        : 0x10000;
    // _IOR('f', 1, long) on 64-bit Linux; the kernel writes an int's worth of flags.
    private const ulong FsIocGetFlags = 0x80086601;
    private const long ImmutableFlag = 0x10;
    private const long AppendFlag = 0x20;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags, int mode = 0);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int GetFlags(int descriptor, ulong request, ref long flags);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);

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
    /// writing without being changed; for a new one, its folder is tried (<see cref="Probe"/>) and left as it was.
    /// A folder and a FIFO (whose open waits for a reader) are refused unopened, and so are a symbolic link whose
    /// target is gone and a name longer than 255 bytes (in UTF-8), which the folder's try would not catch.
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
            // File.Exists is true for a symbolic link whose target is gone; a write there would make the target's file.
            var link = new FileInfo(path);
            if (link.LinkTarget is { } target && link.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false })
                return $"it is a symbolic link to '{target}', which does not exist";
            if (File.Exists(path))
            {
                using var _ = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                return null;
            }
            if (Encoding.UTF8.GetByteCount(Path.GetFileName(path)) > MaxNameBytes)
                return $"its name takes {Encoding.UTF8.GetByteCount(Path.GetFileName(path))} bytes, more than the {MaxNameBytes} a file name may take";
            if (Existing(path, out var existing) is { } problem)
                return problem;
            // A file is made in its folder; where that folder is not there yet, a folder is made first.
            return Probe(existing, file: Path.GetFullPath(existing) == Path.GetDirectoryName(Path.GetFullPath(path)));
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e)
        {
            return OutputException.Why(e);
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

    /// <summary>
    /// Why no folder (or, with <paramref name="file"/>, no file) can be made in <paramref name="folder"/>; null when one
    /// can. The folder is left as it was, its modification time included, so that a command refused after this check
    /// has changed nothing: on Linux an unnamed file is made in it (<c>open</c> with <c>O_TMPFILE</c>), which asks the
    /// same of it as a new entry (write and search permission, a file system that is not read-only, room for an inode)
    /// without adding one, and is gone when it is closed. Only where the file system cannot make an unnamed file (a
    /// pseudo file system such as /proc, and some others), or on another system, is a probe entry
    /// (<c>.summits-probe-…</c>) made and removed instead.
    /// </summary>
    private static string? Probe(string folder, bool file = false)
    {
        var noun = file ? "file" : "folder";
        if (OperatingSystem.IsLinux())
        {
            var descriptor = Open(folder, TemporaryFile | WriteOnly | CloseOnExec, 0x180);
            if (descriptor >= 0)
            {
                Close(descriptor);
                return null;
            }
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno is EAccess or EPermission)
                return $"no {noun} can be made in '{folder}': permission denied";
            if (errno is not (ENotSupported or EIsDirectory or EInvalid))
                return $"no {noun} can be made in '{folder}': {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)}";
        }
        var probe = Path.Combine(folder, $".summits-probe-{Guid.NewGuid():N}");
        try
        {
            if (file)
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write))
                {
                }
                File.Delete(probe);
            }
            else
            {
                Directory.CreateDirectory(probe);
                Directory.Delete(probe);
            }
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"no {noun} can be made in '{folder}': permission denied";
        }
        catch (IOException e)
        {
            // A pseudo file system such as /proc says a new entry does not exist rather than that it cannot be made.
            var why = e is FileNotFoundException or DirectoryNotFoundException ? $"the file system does not take new {noun}s there" : OutputException.Why(e);
            return $"no {noun} can be made in '{folder}': {why}";
        }
    }

    // O_TMPFILE (__O_TMPFILE, 020000000 on every Linux target, with O_DIRECTORY), O_WRONLY and O_CLOEXEC (so that a
    // process started meanwhile does not inherit the descriptor); the errors that say the file system cannot make an
    // unnamed file.
    private static readonly int TemporaryFile = 0x400000 | Directory_;
    private const int WriteOnly = 1;

    // The longest file name, in bytes, that Linux's and most other file systems take (NAME_MAX).
    private const int MaxNameBytes = 255;
    private const int CloseOnExec = 0x80000;
    private const int EPermission = 1;
    private const int EAccess = 13;
    private const int EIsDirectory = 21;
    private const int EInvalid = 22;
    private const int ENotSupported = 95;

}
