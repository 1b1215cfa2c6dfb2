using Summits.Scenarios;

namespace Summits.Scenarios.Tests;

/// <summary>What an output set keeps of the folder it replaces, and what it leaves beside it.</summary>
public sealed class OutputSetTests : IDisposable
{
    private static readonly OutputKind Names = new("test", "a test", ["a.csv", "b.csv", "c.csv"]);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-set-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Target => Path.Combine(_folder.FullName, "out");

    /// <summary>
    /// Marks <paramref name="files"/> in <paramref name="folder"/> as a previous set of the test's kind, in the folder's
    /// manifest as a write of it records them: a file of the kind's names that no line names is refused as the user's.
    /// </summary>
    private static void Previous(string folder, params string[] files) =>
        File.WriteAllText(Path.Combine(folder, OutputSet.ManifestName), $"# summits\ntest\ta test\t{string.Join('\t', files)}\n");

    [Fact]
    public void A_new_folder_is_made_with_the_set_and_nothing_beside_it()
    {
        OutputSet.Write(Path.Combine(Target, "branch"), Names, [("a.csv", "1\n"), ("b.csv", "2\n")]);

        Assert.Equal("1\n", File.ReadAllText(Path.Combine(Target, "branch", "a.csv")));
        Assert.Equal("2\n", File.ReadAllText(Path.Combine(Target, "branch", "b.csv")));
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
        Assert.Equal(["branch"], new DirectoryInfo(Target).EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public void A_set_of_another_kind_that_would_replace_a_file_of_this_one_is_refused_and_nothing_changes()
    {
        OutputSet.Write(Target, Names, [("a.csv", "first\n"), ("b.csv", "first\n")]);
        var before = new DirectoryInfo(Target).EnumerateFiles().ToDictionary(f => f.Name, f => File.ReadAllText(f.FullName));
        // A kind whose names share b.csv with the set there: its write would replace b.csv and leave a.csv beside it.
        OutputKind other = new("other", "another test", ["b.csv", "d.csv"]);

        var failure = Assert.Throws<OutputException>(() => OutputSet.Write(Target, other, [("d.csv", "other\n")]));

        Assert.Equal($"could not write '{Target}': it holds the output of a test (a.csv, b.csv), whose b.csv this output would replace; nothing was written: name another folder, or remove '{Target}' first", failure.Message);
        Assert.Equal(before, new DirectoryInfo(Target).EnumerateFiles().ToDictionary(f => f.Name, f => File.ReadAllText(f.FullName)));
        Assert.Single(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public void A_file_of_the_sets_names_that_no_manifest_line_names_is_refused_and_nothing_changes()
    {
        // The user's own b.csv, named like a file of the set, in a folder with no manifest: the write would replace it
        // (were b.csv written) or remove it with the previous set (were it not), so it is refused, naming b.csv alone
        // (notes.md is no name of the set). Then a manifest naming a.csv only as the set's: b.csv is still no set's.
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "b.csv"), "mine\n");
        File.WriteAllText(Path.Combine(Target, "notes.md"), "mine\n");
        var expected = $"could not write '{Target}': it holds b.csv, which this output would replace, and no .summits-output line there says that a test wrote it "
            + $"(your own file, a folder copied without its .summits-output, or an output of a summits from before it kept one); nothing was written: "
            + $"move it out of '{Target}', or remove it if it is an earlier output, or name another folder";
        foreach (var manifest in (bool[])[false, true])
        {
            if (manifest)
                Previous(Target, "a.csv");
            var before = new DirectoryInfo(Target).EnumerateFiles().ToDictionary(f => f.Name, f => File.ReadAllText(f.FullName));

            var failure = Assert.Throws<OutputException>(() => OutputSet.Write(Target, Names, [("a.csv", "new\n")]));

            Assert.Equal(expected, failure.Message);
            Assert.Equal(before, new DirectoryInfo(Target).EnumerateFiles().ToDictionary(f => f.Name, f => File.ReadAllText(f.FullName)));
        }
    }

    [Fact]
    public void A_set_of_another_kind_with_no_name_in_common_is_written_beside_and_the_manifest_names_both()
    {
        OutputSet.Write(Target, Names, [("a.csv", "first\n")]);
        OutputSet.Write(Target, new OutputKind("other", "another test", ["d.csv"]), [("d.csv", "other\n")]);
        OutputSet.Write(Target, Names, [("a.csv", "second\n"), ("c.csv", "second\n")]);

        Assert.Equal("other\n", File.ReadAllText(Path.Combine(Target, "d.csv")));
        Assert.Equal("second\n", File.ReadAllText(Path.Combine(Target, "a.csv")));
        // The other kind's line is kept as it was; this kind's names the files of its last write, in its names' order.
        Assert.Equal(["other\tanother test\td.csv", "test\ta test\ta.csv\tc.csv"], File.ReadAllLines(Path.Combine(Target, OutputSet.ManifestName)).Skip(1));
    }

    [Fact]
    public void The_previous_set_goes_and_everything_else_in_the_folder_stays()
    {
        Directory.CreateDirectory(Path.Combine(Target, "branch"));
        File.WriteAllText(Path.Combine(Target, "a.csv"), "old a\n");
        // c.csv is a name of the set that the new set does not write: it was the previous run's, so it goes.
        File.WriteAllText(Path.Combine(Target, "c.csv"), "old c\n");
        Previous(Target, "a.csv", "c.csv");
        File.WriteAllText(Path.Combine(Target, "notes.md"), "mine\n");
        File.WriteAllText(Path.Combine(Target, "branch", "a.csv"), "branch a\n");

        OutputSet.Write(Target, Names, [("a.csv", "new a\n"), ("b.csv", "new b\n")]);

        // Beside them, the manifest that names the new set.
        Assert.Equal([OutputSet.ManifestName, "a.csv", "b.csv", "branch", "notes.md"], new DirectoryInfo(Target).EnumerateFileSystemInfos().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("new a\n", File.ReadAllText(Path.Combine(Target, "a.csv")));
        Assert.Equal("new b\n", File.ReadAllText(Path.Combine(Target, "b.csv")));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(Target, "notes.md")));
        Assert.Equal("branch a\n", File.ReadAllText(Path.Combine(Target, "branch", "a.csv")));
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public void A_file_that_fails_to_be_made_leaves_the_previous_set_and_no_new_folder()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "a.csv"), "old a\n");
        Previous(Target, "a.csv");

        var failure = Assert.Throws<OutputException>(() => OutputSet.Write(Target, Names, Failing()));

        Assert.Equal($"could not write '{Target}': the disk is full; what was there before is unchanged", failure.Message);
        Assert.Equal([OutputSet.ManifestName, "a.csv"], new DirectoryInfo(Target).EnumerateFileSystemInfos().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("old a\n", File.ReadAllText(Path.Combine(Target, "a.csv")));
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));

        static IEnumerable<(string, string)> Failing()
        {
            yield return ("a.csv", "new a\n");
            throw new IOException("the disk is full.");
        }
    }

    [Fact]
    public void A_target_reached_through_a_symbolic_link_is_replaced_where_the_link_points()
    {
        var real = Path.Combine(_folder.FullName, "real");
        Directory.CreateDirectory(real);
        File.WriteAllText(Path.Combine(real, "a.csv"), "old a\n");
        Previous(real, "a.csv");
        Directory.CreateSymbolicLink(Target, real);

        OutputSet.Write(Target, Names, [("a.csv", "new a\n")]);

        Assert.Equal(real, new DirectoryInfo(Target).LinkTarget);
        Assert.Equal("new a\n", File.ReadAllText(Path.Combine(real, "a.csv")));
        Assert.Equal(["out", "real"], _folder.EnumerateFileSystemInfos().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_folder_left_by_a_killed_writer_is_removed_by_the_next_write()
    {
        // No process has number 2^22 + 1 (above Linux's largest, pid_max = 2^22): its writer is gone.
        var abandoned = Path.Combine(_folder.FullName, ".out.summits-new-4194305-0123456789abcdef");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "a.csv"), "half\n");
        // A writer that still runs (this test's process) keeps its folder.
        var running = Path.Combine(_folder.FullName, $".out.summits-new-{Environment.ProcessId}-fedcba9876543210");
        Directory.CreateDirectory(running);

        OutputSet.Write(Target, Names, [("a.csv", "new a\n")]);

        Assert.Equal([Path.GetFileName(running), "out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_writer_killed_between_the_two_renames_of_a_system_without_the_exchange_loses_nothing()
    {
        // Where the one-step exchange is not available, the target is renamed to NEW.old and NEW renamed into its
        // place. A writer (no process has number 2^22 + 1) killed between the two leaves no target: the previous set
        // with the user's notes in NEW.old, and its new set with the notes linked and the user's folder moved in NEW.
        var staging = Path.Combine(_folder.FullName, ".out.summits-new-4194305-0123456789abcdef");
        Directory.CreateDirectory(staging + ".old");
        File.WriteAllText(Path.Combine(staging + ".old", "a.csv"), "old a\n");
        Previous(staging + ".old", "a.csv");
        File.WriteAllText(Path.Combine(staging + ".old", "notes.md"), "mine\n");
        Directory.CreateDirectory(Path.Combine(staging, "branch"));
        File.WriteAllText(Path.Combine(staging, "a.csv"), "half\n");
        File.WriteAllText(Path.Combine(staging, "notes.md"), "mine\n");
        File.WriteAllText(Path.Combine(staging, "branch", "a.csv"), "branch a\n");

        OutputSet.Write(Target, Names, [("a.csv", "new a\n")]);

        // The previous set is put back, the folder moved back into it, and then the new set replaces the previous one.
        Assert.Equal([OutputSet.ManifestName, "a.csv", "branch", "notes.md"], new DirectoryInfo(Target).EnumerateFileSystemInfos().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("new a\n", File.ReadAllText(Path.Combine(Target, "a.csv")));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(Target, "notes.md")));
        Assert.Equal("branch a\n", File.ReadAllText(Path.Combine(Target, "branch", "a.csv")));
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public void A_folder_in_a_killed_writers_new_set_is_moved_back_and_one_the_target_has_is_not_overwritten()
    {
        // A writer (no process has number 2^22 + 1) killed after moving the user's folder "branch" into its new
        // set; the user has since made a new "again" folder in the target and in the left folder too (made by hand).
        Directory.CreateDirectory(Path.Combine(Target, "again"));
        File.WriteAllText(Path.Combine(Target, "again", "x"), "target's\n");
        File.WriteAllText(Path.Combine(Target, "a.csv"), "old a\n");
        Previous(Target, "a.csv");
        var staging = Path.Combine(_folder.FullName, ".out.summits-new-4194305-0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(staging, "branch", "deep"));
        File.WriteAllText(Path.Combine(staging, "branch", "deep", "b"), "branch b\n");
        Directory.CreateDirectory(Path.Combine(staging, "again"));
        File.WriteAllText(Path.Combine(staging, "again", "x"), "left's\n");

        OutputSet.Write(Target, Names, [("a.csv", "new a\n")]);

        Assert.Equal("branch b\n", File.ReadAllText(Path.Combine(Target, "branch", "deep", "b")));
        // The target's own folder of that name wins; the left folder's copy goes with what the killed writer left.
        Assert.Equal("target's\n", File.ReadAllText(Path.Combine(Target, "again", "x")));
        Assert.Equal("new a\n", File.ReadAllText(Path.Combine(Target, "a.csv")));
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_target_keeps_its_permissions_across_a_write()
    {
        Directory.CreateDirectory(Target);
        // rwxr-x--- (0750), which is not the default a new folder gets (0755 under the usual umask 022).
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        File.SetUnixFileMode(Target, mode);

        OutputSet.Write(Target, Names, [("a.csv", "new a\n")]);

        Assert.Equal(mode, File.GetUnixFileMode(Target));
        Assert.Equal("new a\n", File.ReadAllText(Path.Combine(Target, "a.csv")));
    }

    [Fact]
    public void A_left_folder_that_cannot_be_removed_is_said_in_a_note_and_stops_no_write()
    {
        // A killed writer (no process has number 2^22 + 1) left a folder with a file made immutable, which not
        // even root may remove.
        var abandoned = Path.Combine(_folder.FullName, ".out.summits-new-4194305-0123456789abcdef");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "a.csv"), "half\n");
        Chattr("+i", Path.Combine(abandoned, "a.csv"));
        var notes = new List<string>();
        try
        {
            using (FormatNotes.To(notes.Add))
            {
                OutputSet.Write(Target, Names, [("a.csv", "first\n")]);
                OutputSet.Write(Target, Names, [("a.csv", "second\n")]);
            }
        }
        finally
        {
            Chattr("-i", Path.Combine(abandoned, "a.csv"));
        }

        Assert.Equal("second\n", File.ReadAllText(Path.Combine(Target, "a.csv")));
        // One note for each write that found it; the folder stays, and nothing else is beside the target.
        var note = $"note: the folder '{abandoned}' that an output write left could not be removed (permission denied); nothing reads it, and it may be removed by hand";
        Assert.Equal([note, note], notes);
        Assert.Equal([Path.GetFileName(abandoned), "out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>Runs chattr (e2fsprogs), which sets the flags that stop even root, as these tests run.</summary>
    private static void Chattr(string flag, string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chattr {flag} {path} failed: {error}");
    }
}
