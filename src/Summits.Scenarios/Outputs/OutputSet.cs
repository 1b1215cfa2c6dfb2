using System.Globalization;
using System.Runtime.InteropServices;

namespace Summits.Scenarios;

/// <summary>
/// Writes the files of one output (a run's timeline.jsonl, state.json and CSVs; a report; a study's results) into a
/// folder as one set, so that a reader of the folder sees the previous set or the new one, never a mix, even when
/// the writer is killed half-way: the set is written into a new folder beside the target
/// (<c>.NAME.summits-new-…</c>), which then takes the target's place. On Linux the two folders are exchanged in one
/// step (<c>renameat2</c> with <c>RENAME_EXCHANGE</c>); where that is not available (another system, or a file
/// system without it) the target is renamed aside and the new folder renamed into its place, so a reader may for a
/// moment find no folder at all, but still never a mix. The replaced folder is then removed, and so is a new folder
/// that a writer killed before the exchange left beside the target, the next time the target is written.
/// <para>
/// What else the target holds is kept: a file whose name is not one that this kind of set writes (a user's notes,
/// another command's output) is hard-linked into the new folder before the exchange, so it is there at every
/// moment; a folder (a branch of a forked run, say) is moved into the new folder just before the exchange, and an
/// entry that appears in the target while the set is written is moved across right after it. A file whose name
/// this kind of set writes but the new set does not (the spatial model's CSVs after a bargaining run) belonged to
/// the previous set and goes with it.
/// </para>
/// <para>
/// Each set records its kind and files in the folder's <see cref="ManifestName"/>, which keeps the other kinds'
/// lines, so that a set of one kind is never written over another's (<see cref="Foreign"/>): a run's
/// <c>agreements.csv</c> is not replaced by a study's, leaving the run's <c>state.json</c> beside it. Such a write is
/// refused before anything is written. So is a write over a file of the kind's names that no line claims
/// (<see cref="Unclaimed"/>: the user's own file named like a set's, or a folder copied without its manifest), which
/// the write would replace or remove without a word.
/// </para>
/// <para>
/// Nothing of the user's is lost at any moment a writer may be killed: a folder that a killed writer had moved into
/// its new folder (or that stayed in the replaced set) is moved back into the target by the next write of it,
/// before that write removes what the killed writer left; the user's files are in the target at every moment
/// (hard links), so only set files are removed with it. Until that next write, a folder moved across when the
/// writer was killed is found in the <c>.NAME.summits-new-…</c> folder beside the target.
/// </para>
/// </summary>
public static class OutputSet
{
    /// <summary>
    /// Milliseconds to wait after each file of a set is written (and after an <see cref="OutputFile"/> is written,
    /// before it takes the target's place), so that a test can stop the writer half-way through at a moment of
    /// its choosing; unset or 0 in normal use.
    /// </summary>
    public const string DelayVariable = "SUMMITS_OUTPUT_DELAY_MS";

    /// <summary>
    /// For tests only: the step of a set's write at which the writer pauses for ten minutes (or until Ctrl-C), once,
    /// after writing "summits: output paused at STEP" to standard error, so that a test can kill or interrupt it
    /// there. The steps, in order:
    /// <c>written</c> (the new set's files are written and the target's files linked into it), <c>folder</c> (the
    /// target's first folder is moved into the new set; only when it has one), <c>moved</c> (all its folders are),
    /// <c>exchanged</c> (the new set has taken the target's place; the replaced set is beside it, not yet removed).
    /// Where the folders are swapped by two renames instead of one exchange, two steps come between <c>moved</c> and
    /// <c>exchanged</c>: <c>aside</c> (the target is renamed aside to <c>….old</c>, so no folder has its name) and
    /// <c>replaced</c> (the new set has its name; the replaced set is still <c>….old</c>).
    /// Unset in normal use.
    /// </summary>
    public const string PauseVariable = "SUMMITS_OUTPUT_PAUSE";

    private static readonly string? PauseAt = Environment.GetEnvironmentVariable(PauseVariable);

    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;
    private const int EInval = 22;
    private const int ENoSys = 38;

    internal static readonly int Delay =
        int.TryParse(Environment.GetEnvironmentVariable(DelayVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 0;

    /// <summary>Writes <paramref name="files"/>, each text in UTF-8, as the set in <paramref name="directory"/>.</summary>
    /// <param name="kind">The kind of set: the new set's files must be among its names.</param>
    /// <param name="cancellation">
    /// Ctrl-C, for every command that writes a set: checked before the first file, after each file and before the new
    /// set takes the target's place, which is the last moment at which the previous set can be kept.
    /// </param>
    /// <exception cref="OutputException">
    /// A file could not be written or the set not moved into place, or the folder holds another kind's set whose files
    /// this one would replace (<see cref="Foreign"/>); the previous set is unchanged.
    /// </exception>
    /// <exception cref="OperationCanceledException">The write was cancelled before the new set took the target's place; the previous set is unchanged.</exception>
    public static void Write(string directory, OutputKind kind, IEnumerable<(string Name, string Text)> files, CancellationToken cancellation = default) =>
        // Every file's writer finishes at once, so the set is written on this thread, as a synchronous write would be.
        WriteAsync(directory, kind, files.Select(f => (f.Name, (Func<TextWriter, Task>)(output =>
        {
            output.Write(f.Text);
            return Task.CompletedTask;
        }))), cancellation).GetAwaiter().GetResult();

    /// <summary>
    /// Writes the set as <see cref="Write"/> does, each file streamed by its writer (UTF-8, no byte order mark) rather
    /// than held as one text: a file that may be larger than memory (a long run's timeline) is written as it is read.
    /// </summary>
    /// <param name="files">
    /// Each file's name and its writer, taken one after another: an entry is asked for after the writer of the one before
    /// it has finished, so that a later file may depend on what an earlier one read.
    /// </param>
    /// <exception cref="OutputException">A file could not be written or the set not moved into place; the previous set is unchanged.</exception>
    /// <exception cref="OperationCanceledException">The write was cancelled before the new set took the target's place; the previous set is unchanged.</exception>
    public static Task WriteAsync(string directory, OutputKind kind, IEnumerable<(string Name, Func<TextWriter, Task> Write)> files, CancellationToken cancellation = default) =>
        WriteAsync(directory, kind, async staging =>
        {
            foreach (var (name, write) in files)
            {
                await using (var output = new StreamWriter(Path.Combine(staging, name), append: false, Utf8))
                    await write(output);
                if (Delay > 0)
                    cancellation.WaitHandle.WaitOne(Delay);
                cancellation.ThrowIfCancellationRequested();
            }
        }, cancellation);

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="write"/> on a new, empty folder, then puts that folder in <paramref name="directory"/>'s place.</summary>
    private static async Task WriteAsync(string directory, OutputKind kind, Func<string, Task> write, CancellationToken cancellation = default)
    {
        var target = OutputPath.Resolve(directory);
        var parent = Path.GetDirectoryName(target) ?? throw new OutputException(directory, "it is the root folder");
        string? staging = Path.Combine(parent, $".{Path.GetFileName(target)}.summits-new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var exchanged = false;
        var moved = new List<string>();
        cancellation.ThrowIfCancellationRequested();
        try
        {
            Directory.CreateDirectory(parent);
            RemoveAbandoned(parent, Path.GetFileName(target));
            // Checked again here, as the command checked it before it ran: another command may have written since.
            if ((Foreign(directory, kind) ?? Unclaimed(directory, kind)) is { } foreign)
                throw new OutputException(directory, $"it {foreign}");
            Directory.CreateDirectory(staging);
            await write(staging);
            cancellation.ThrowIfCancellationRequested();
            WriteManifest(target, staging, kind);
            if (!Directory.Exists(target))
            {
                Directory.Move(staging, target);
                return;
            }
            var folders = KeepOthers(target, staging, kind);
            Pause("written", cancellation);
            cancellation.ThrowIfCancellationRequested();
            // The target's folders move into the new set now, so that a folder that cannot be moved leaves the
            // previous set as it was, and from here to the exchange is one step.
            foreach (var folder in folders)
            {
                Directory.Move(Path.Combine(target, folder), Path.Combine(staging, folder));
                moved.Add(folder);
                Pause("folder", cancellation);
            }
            Pause("moved", cancellation);
            // The new folder takes the target's permissions as well as its place.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(staging, File.GetUnixFileMode(target));
            Exchange(staging, target, cancellation);
            exchanged = true;
            Pause("exchanged", cancellation);
            // The replaced set is now at the staging path; what appeared in the target while the set was written
            // (no name of a set, and not in the new one) moves across.
            foreach (var entry in new DirectoryInfo(staging).EnumerateFileSystemInfos())
            {
                if (kind.Names.Contains(entry.Name) || Path.Exists(Path.Combine(target, entry.Name)))
                    continue;
                try
                {
                    MoveEntry(entry, Path.Combine(target, entry.Name));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    var left = staging;
                    staging = null;
                    throw new OutputException(directory, $"the new set is in place, but '{entry.Name}' could not be moved into it ({e.Message.TrimEnd('.')}); it is in '{left}'");
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException && e is not OutputException)
        {
            if (!exchanged && staging is not null && MoveBack(staging, target, moved) is { } stuck)
            {
                var left = staging;
                staging = null;
                throw new OutputException(directory, $"{e.Message.TrimEnd('.')}; the previous set is unchanged, but its folder '{stuck}' could not be moved back into it and is in '{left}'");
            }
            throw new OutputException(directory, e, previousKept: !exchanged);
        }
        finally
        {
            if (staging is not null && Directory.Exists(staging))
                Clear(staging);
        }
    }

    /// <summary>
    /// The file, in a folder that output sets are written into, that names each set the folder holds, one a line:
    /// its kind's <see cref="OutputKind.Id"/>, the command that wrote it and its files, separated by tabs, under a
    /// line starting with <c>#</c> that says what the file is.
    /// </summary>
    public const string ManifestName = ".summits-output";

    /// <summary>
    /// Why a set of <paramref name="kind"/> must not be written into <paramref name="directory"/>, said after the
    /// folder, with what to do ("holds the output of summits run -o (agreements.csv, state.json, timeline.jsonl), whose
    /// agreements.csv this output would replace; nothing was written: …"); null when it may. It must not when the
    /// folder's <see cref="ManifestName"/> says that a file there under one of the kind's names, which the write
    /// replaces or removes, belongs to a set of another kind: the write would leave the rest of that set beside the new
    /// one. A folder that does not exist, has no manifest or whose manifest cannot be read holds no set of another kind
    /// (but its files may be unclaimed: <see cref="Unclaimed"/>).
    /// </summary>
    public static string? Foreign(string directory, OutputKind kind)
    {
        var target = OutputPath.Resolve(directory);
        var sets = ReadManifest(target);
        foreach (var set in sets)
        {
            if (set.Id == kind.Id)
                continue;
            var files = set.Files.Where(f => File.Exists(Path.Combine(target, f))).ToList();
            var replaced = files.Where(kind.Names.Contains).ToList();
            if (replaced.Count > 0)
                return $"holds the output of {set.Command} ({string.Join(", ", files)}), whose {Model.Listed.And(replaced)} this output would replace; nothing was written: name another folder, or remove '{directory}' first";
        }
        return null;
    }

    /// <summary>
    /// Why a set of <paramref name="kind"/> must not be written into <paramref name="directory"/> for a file there under
    /// one of the kind's names that no line of the folder's <see cref="ManifestName"/> names (<see cref="Foreign"/>):
    /// a file of the user's own named like a set's (their report.md), a folder copied without its manifest, or an output of a
    /// summits from before it kept one. The
    /// write would replace the file, or remove it with the previous set when the new set lacks it, and the user would
    /// lose it without a word. Said after the folder, with what to do; null when there is none.
    /// </summary>
    public static string? Unclaimed(string directory, OutputKind kind)
    {
        var target = OutputPath.Resolve(directory);
        var sets = ReadManifest(target);
        var own = sets.Where(set => set.Id == kind.Id).SelectMany(set => set.Files).ToHashSet(StringComparer.Ordinal);
        var unclaimed = kind.Names.Where(name => !own.Contains(name) && Present(Path.Combine(target, name))).ToList();
        if (unclaimed.Count == 0)
            return null;
        var (them, they, s) = unclaimed.Count == 1 ? ("it", "it is", "") : ("them", "they are", "s");
        return $"holds {Model.Listed.And(unclaimed)}, which this output would replace, and no {ManifestName} line there says that {kind.Command} wrote {them} "
            + $"(your own file{s}, a folder copied without its {ManifestName}, or an output of a summits from before it kept one); nothing was written: "
            + $"move {them} out of '{directory}', or remove {them} if {they} an earlier output, or name another folder";
    }

    /// <summary>True when <paramref name="path"/> names a file, a folder or a symbolic link (even one whose target is gone).</summary>
    private static bool Present(string path) => Path.Exists(path) || new FileInfo(path).LinkTarget is not null;

    /// <summary>
    /// Why the one file <paramref name="path"/> must not be written (by <c>--telemetry FILE</c>, <c>-o FILE</c>): the
    /// <see cref="ManifestName"/> of the folder that holds it names it as a file of an output set there, which the
    /// write would replace, leaving the rest of the set beside it; said after the file ("is timeline.jsonl of the output
    /// of summits run -o in 'mix' (…)"); null when it may. A file that does not exist replaces nothing.
    /// </summary>
    public static string? Owner(string path)
    {
        var (full, inPlace) = OutputFile.Target(path);
        if (inPlace || !File.Exists(full) || Path.GetDirectoryName(full) is not { } folder)
            return null;
        var name = Path.GetFileName(full);
        var set = ReadManifest(OutputPath.Resolve(folder)).FirstOrDefault(set => set.Files.Contains(name, StringComparer.Ordinal));
        if (set.Files is null)
            return null;
        var said = Path.GetDirectoryName(path) is { Length: > 0 } given ? given : ".";
        var files = set.Files.Where(f => File.Exists(Path.Combine(folder, f)));
        return $"is {name} of the output of {set.Command} in '{said}' ({string.Join(", ", files)}), which the write would replace, leaving the rest of that set beside it";
    }

    /// <summary>The sets the manifest of <paramref name="target"/> names; none when it has no manifest or it cannot be read. A line not of the manifest's form is passed over.</summary>
    private static List<(string Id, string Command, string[] Files)> ReadManifest(string target)
    {
        var sets = new List<(string, string, string[])>();
        string[] lines;
        try
        {
            var path = Path.Combine(target, ManifestName);
            if (!File.Exists(path))
                return sets;
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return sets;
        }
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            if (line.StartsWith('#') || fields.Length < 3)
                continue;
            sets.Add((fields[0], fields[1], fields[2..]));
        }
        return sets;
    }

    /// <summary>
    /// Writes the manifest into the new set <paramref name="staging"/>: the lines of the target's manifest for
    /// every other kind, as they were, and this set's line, naming the files it has written.
    /// </summary>
    private static void WriteManifest(string target, string staging, OutputKind kind)
    {
        var written = new DirectoryInfo(staging).EnumerateFiles().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var lines = new List<string> { "# summits: the output sets in this folder, one a line (kind, command, files); no command writes over another's files" };
        lines.AddRange(ReadManifest(target).Where(set => set.Id != kind.Id).Select(set => string.Join('\t', [set.Id, set.Command, .. set.Files])));
        lines.Add(string.Join('\t', [kind.Id, kind.Command, .. kind.Names.Where(written.Contains)]));
        File.WriteAllText(Path.Combine(staging, ManifestName), string.Join('\n', lines) + "\n", Utf8);
    }

    /// <summary>
    /// Removes a folder this writer made or replaced, or one a killed writer left; one that cannot be removed
    /// (a file in it made immutable, say) is said in a note (<see cref="FormatNotes"/>) and left, since nothing
    /// reads it and no later write is stopped by it.
    /// </summary>
    private static void Clear(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            FormatNotes.Insist($"note: the folder '{folder}' that an output write left could not be removed ({Why(e)}); nothing reads it, and it may be removed by hand");
        }
    }

    private static string Why(Exception e) => OutputException.Why(e);

    /// <summary>
    /// Moves the folders named in <paramref name="moved"/> from <paramref name="staging"/> back into
    /// <paramref name="target"/>, after a write that failed before the exchange; returns the first that could not be
    /// moved (null when all were).
    /// </summary>
    private static string? MoveBack(string staging, string target, List<string> moved)
    {
        string? stuck = null;
        foreach (var folder in moved)
        {
            try
            {
                Directory.Move(Path.Combine(staging, folder), Path.Combine(target, folder));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stuck ??= folder;
            }
        }
        return stuck;
    }

    /// <summary>Moves a file, a symbolic link or a folder to <paramref name="destination"/>.</summary>
    private static void MoveEntry(FileSystemInfo entry, string destination)
    {
        if (entry is DirectoryInfo && entry.LinkTarget is null)
            Directory.Move(entry.FullName, destination);
        else
            File.Move(entry.FullName, destination);
    }

    /// <summary>Pauses the writer at <paramref name="step"/> when <see cref="PauseVariable"/> names it (tests only).</summary>
    private static void Pause(string step, CancellationToken cancellation)
    {
        if (PauseAt != step || Interlocked.Exchange(ref _paused, 1) == 1)
            return;
        Console.Error.WriteLine($"summits: output paused at {step}");
        Console.Error.Flush();
        cancellation.WaitHandle.WaitOne(TimeSpan.FromMinutes(10));
    }

    private static int _paused;

    /// <summary>
    /// Clears away the folders that writers of this target left when they were killed: those whose process (the
    /// number in their name) no longer runs. Only Linux says so through <c>/proc</c>. Nothing of the user's goes:
    /// when the target is missing (a writer without the one-step exchange was killed between its two renames), the
    /// replaced set (<c>….old</c>) is renamed back into its place; then every folder of a left folder that the
    /// target lacks (a folder moved into a new set, or left in a replaced one) is moved back into the target, and
    /// only the rest (set files, and the user's files, which the target holds as hard links) is removed.
    /// </summary>
    private static void RemoveAbandoned(string parent, string name)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self"))
            return;
        var target = Path.Combine(parent, name);
        var prefix = $".{name}.summits-new-";
        var abandoned = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            var rest = Path.GetFileName(folder)[prefix.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var process) && !Directory.Exists($"/proc/{process}"))
                abandoned.Add(folder);
        }
        if (!Path.Exists(target) && abandoned.FirstOrDefault(f => f.EndsWith(".old", StringComparison.Ordinal)) is { } aside)
        {
            abandoned.Remove(aside);
            try
            {
                Directory.Move(aside, target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It holds the previous set and the user's files, which are nowhere else: it stays.
                FormatNotes.Insist($"note: '{aside}', the previous output of '{target}' that a killed write left, could not be put back ({Why(e)}); it is left as it is");
            }
        }
        foreach (var folder in abandoned)
        {
            var kept = true;
            foreach (var entry in new DirectoryInfo(folder).EnumerateDirectories())
            {
                if (entry.LinkTarget is not null || Path.Exists(Path.Combine(target, entry.Name)))
                    continue;
                try
                {
                    Directory.CreateDirectory(target);
                    Directory.Move(entry.FullName, Path.Combine(target, entry.Name));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    FormatNotes.Insist($"note: the folder '{entry.Name}' that a killed write of '{target}' left in '{folder}' could not be moved back ({Why(e)}); it is left there");
                    kept = false;
                }
            }
            // A folder still holding one of the user's folders stays; the write goes on beside it.
            if (kept)
                Clear(folder);
        }
    }

    /// <summary>
    /// Hard-links every file of <paramref name="target"/> that is not part of a set into <paramref name="staging"/>
    /// (copying it where a link cannot be made); returns the folders, to move into the new set before the exchange.
    /// </summary>
    private static List<string> KeepOthers(string target, string staging, OutputKind kind)
    {
        var folders = new List<string>();
        foreach (var entry in new DirectoryInfo(target).EnumerateFileSystemInfos())
        {
            if (kind.Names.Contains(entry.Name) || Path.Exists(Path.Combine(staging, entry.Name)))
                continue;
            if (entry is DirectoryInfo && entry.LinkTarget is null)
            {
                folders.Add(entry.Name);
                continue;
            }
            var copy = Path.Combine(staging, entry.Name);
            if (!OperatingSystem.IsLinux() || Link(entry.FullName, copy) != 0)
                File.Copy(entry.FullName, copy);
        }
        return folders;
    }

    /// <summary>
    /// Swaps two folders: in one step where the system can; else the target is renamed aside, the new folder renamed
    /// into its place, and the replaced folder renamed to the new folder's name.
    /// </summary>
    private static void Exchange(string staging, string target, CancellationToken cancellation)
    {
        if (OperatingSystem.IsLinux())
        {
            int result;
            try
            {
                result = RenameAt2(AtCurrentDirectory, staging, AtCurrentDirectory, target, RenameExchange);
            }
            catch (EntryPointNotFoundException)
            {
                result = -1;
                Marshal.SetLastPInvokeError(ENoSys);
            }
            if (result == 0)
                return;
            var errno = Marshal.GetLastPInvokeError();
            if (errno is not (EInval or ENoSys))
                throw new IOException($"the new set could not take the previous one's place: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var aside = staging + ".old";
        Directory.Move(target, aside);
        Pause("aside", cancellation);
        try
        {
            Directory.Move(staging, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The previous set goes back under its name, so that the failure leaves it as it was.
            Directory.Move(aside, target);
            throw;
        }
        Pause("replaced", cancellation);
        Directory.Move(aside, staging);
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
