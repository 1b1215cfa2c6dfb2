using System.Diagnostics;
using System.Text;

namespace Summits.Cli.Tests;

/// <summary>
/// Output that cannot be written is refused before anything runs (exit 2, one line, nothing written), and output
/// that fails while a command runs is said on one line with exit 3, the previous output left as it was.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-output-");

    public void Dispose()
    {
        // The tests that make a folder immutable undo it here, whatever their outcome.
        Chattr("-R", "-i", _folder.FullName);
        _folder.Delete(recursive: true);
    }

    /// <summary>Runs chattr (e2fsprogs), which sets the flags that stop even root, as these tests run.</summary>
    private static void Chattr(params string[] arguments)
    {
        var start = new ProcessStartInfo("chattr") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chattr {string.Join(' ', arguments)} failed: {error}");
    }

    /// <summary>Every file and folder under <paramref name="folder"/> by relative path, with a file's text ("/" for a folder).</summary>
    private static SortedDictionary<string, string> Tree(string folder) =>
        new(Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(e => Path.GetRelativePath(folder, e), e => File.Exists(e) ? File.ReadAllText(e) : "/"), StringComparer.Ordinal);

    public static TheoryData<string, string, string> Unchangeable() => new()
    {
        // {0}: the folder made immutable, relative to the test's folder; {1}: the --out path; {2}: why it is refused.
        { "out", "out", "it is immutable (chattr +i), which not even root may change" },
        { "out/branch", "out", "its folder 'branch' is immutable (chattr +i), which not even root may change, so it cannot be moved into the new output" },
        { "parent", "parent/out", "'PARENT' is immutable (chattr +i), which not even root may change" },
        { "parent", "parent/new/out", "'PARENT' is immutable (chattr +i), which not even root may change" },
    };

    [Theory]
    [MemberData(nameof(Unchangeable))]
    public async Task An_output_folder_that_cannot_be_changed_is_refused_before_the_run_and_nothing_is_touched(string immutable, string output, string why)
    {
        // A previous set and a user's folder, everywhere the output may be.
        foreach (var folder in (string[])["out", "parent/out"])
        {
            Directory.CreateDirectory(Path.Combine(_folder.FullName, folder, "branch"));
            File.WriteAllText(Path.Combine(_folder.FullName, folder, "timeline.jsonl"), "previous timeline\n");
            File.WriteAllText(Path.Combine(_folder.FullName, folder, "branch", "a.csv"), "branch a\n");
        }
        var before = Tree(_folder.FullName);
        Chattr("+i", Path.Combine(_folder.FullName, immutable));
        // An --out that exists is checked as the full path it resolves to, so its parent is said in full; the
        // nearest existing folder of one that does not exist is said as the user named it.
        why = why.Replace("PARENT", output == "parent/out" ? Path.Combine(_folder.FullName, "parent") : "parent", StringComparison.Ordinal);

        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--engine", "local", "-q", "--out", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits run: error: --out '{output}' cannot be written: {why} (see 'summits run --help')", run.Error.TrimEnd());
        Chattr("-i", Path.Combine(_folder.FullName, immutable));
        Assert.Equal(before, Tree(_folder.FullName));
    }

    [Theory]
    [InlineData("-q")]
    [InlineData("-v quiet")]
    public async Task A_folder_an_output_write_left_and_could_not_remove_is_said_even_at_the_quietest_levels(string level)
    {
        // A killed writer (no process has number 2^22 + 1) left a folder beside the output, with a file made
        // immutable, which not even root may remove: the run writes its set and must say the folder is still there.
        var abandoned = Path.Combine(_folder.FullName, ".out.summits-new-4194305-0123456789abcdef");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "timeline.jsonl"), "half\n");
        Chattr("+i", Path.Combine(abandoned, "timeline.jsonl"));

        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--engine", "local", .. level.Split(' '), "--out", "out"]);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "out", "timeline.jsonl")));
        var note = $"summits run: note: the folder '{abandoned}' that an output write left could not be removed (permission denied); nothing reads it, and it may be removed by hand";
        Assert.Contains(note, run.Error.Split('\n'));
    }


    private static string Shipped(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "scenarios", .. parts]);

    private static string Baseline => Shipped("what-if", "baseline.yaml");

    public static TheoryData<string, string[]> Writers() => new()
    {
        // {0}: the command as the error names it; the arguments, with OUT where the output path goes.
        { "summits run", ["run", Baseline, "--out", "OUT"] },
        { "summits run", ["run", Baseline, "--report", "OUT"] },
        { "summits whatif", ["whatif", Baseline, "-n", "2", "-o", "OUT"] },
        { "summits whatif", ["whatif", Baseline, "-n", "2", "--report", "OUT"] },
        { "summits compare", ["compare", Baseline, Baseline, "--output", "OUT"] },
        { "summits compare", ["compare", Baseline, Baseline, "--report", "OUT"] },
        { "summits seed", ["seed", "--out", "OUT"] },
        { "summits analyze", ["analyze", Baseline, "--out", "OUT"] },
        { "summits generate", ["generate", "--actors", "3", "--topics", "2", "--seed", "1", "--out", "OUT"] },
        { "summits import ktab", ["import", "ktab", Shipped("worlds", "ktab", "SOE-Policy.csv"), "--out", "OUT"] },
        { "summits export ktab", ["export", "ktab", Shipped("summits", "2017-11-06-abe-trump.yaml"), "--out", "OUT"] },
        { "summits seed draft", ["seed", "draft", Shipped("sources", "abe-trump-summit-2017-11-06.txt"), "--out", "OUT"] },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Output_under_a_file_is_refused_before_the_command_runs(string command, string[] arguments)
    {
        var file = Path.Combine(_folder.FullName, "notes.txt");
        File.WriteAllText(file, "x");
        var output = Path.Combine(file, "out");
        var option = arguments[Array.IndexOf(arguments, "OUT") - 1];

        var run = await SummitsProcess.RunInAsync(_folder.FullName, [.. arguments.Select(a => a == "OUT" ? output : a)]);

        Assert.Equal(2, run.ExitCode);
        // The folder that would hold the output is notes.txt, a file: said with the option as it was typed.
        Assert.Equal($"{command}: error: {option} '{output}' cannot be written: '{file}' is a file, not a folder (see '{command} --help')", run.Error.TrimEnd());
        Assert.Empty(run.Output);
        Assert.Equal("x", File.ReadAllText(file));
        Assert.Equal(["notes.txt"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public async Task A_folder_that_the_file_system_cannot_hold_is_refused_before_the_run()
    {
        // /proc takes no new entries: mkdir there fails with ENOENT, which is said as what it means.
        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--report", "/proc/summits-report"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits run: error: --report '/proc/summits-report' cannot be written: no folder can be made in '/proc': the file system does not take new folders there (see 'summits run --help')", run.Error.TrimEnd());
        Assert.Empty(run.Output);
    }

    [Theory]
    // The file options share one check. /proc takes no new files either: creating one fails with ENOENT,
    // which .NET words as "Could not find file"; the check says what it means, as it does for folders.
    [InlineData("run", "--telemetry", "/proc/t.jsonl")]
    [InlineData("generate", "-o", "/proc/t.yaml")]
    public async Task A_file_that_the_file_system_cannot_hold_is_refused_in_words(string command, string option, string path)
    {
        string[] arguments = command == "run" ? ["run", Baseline, option, path] : ["generate", "--actors", "3", "--topics", "2", "--seed", "1", option, path];
        var run = await SummitsProcess.RunInAsync(_folder.FullName, arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits {command}: error: {option} '{path}' cannot be written: no file can be made in '/proc': the file system does not take new files there (see 'summits {command} --help')", run.Error.TrimEnd());
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_folder_on_a_read_only_file_system_is_refused_in_words_that_name_no_file_of_summits_own()
    {
        // A tmpfs mounted read-only: no folder can be made in it. The reason is the system's, without the path of
        // the probe folder that found it.
        var disk = Path.Combine(_folder.FullName, "ro");
        Directory.CreateDirectory(disk);
        Assert.Equal(0, await MountAsync("-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", disk));
        try
        {
            var run = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--engine", "local", "-q", "--out", "ro/out"]);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("summits run: error: --out 'ro/out' cannot be written: no folder can be made in 'ro': Read-only file system (see 'summits run --help')", run.Error.TrimEnd());
        }
        finally
        {
            await MountAsync("-u", disk);
        }
    }

    /// <summary>Runs mount (or umount, with "-u" first), as these tests run as root.</summary>
    private static async Task<int> MountAsync(params string[] arguments)
    {
        var start = arguments[0] == "-u" ? new ProcessStartInfo("umount", arguments[1..]) : new ProcessStartInfo("mount", arguments);
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    [Fact]
    public async Task An_existing_file_named_as_the_output_folder_is_refused()
    {
        var file = Path.Combine(_folder.FullName, "out");
        File.WriteAllText(file, "mine");

        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["compare", Baseline, Baseline, "-o", "out"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits compare: error: -o 'out' cannot be written: it is a file; name a folder (see 'summits compare --help')", run.Error.TrimEnd());
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_symbolic_link_whose_target_is_gone_is_refused_as_an_output_file_and_nothing_is_made()
    {
        // dangling.yaml points into a folder that does not exist: writing through it would fail at the end of the
        // command (or make the target's file somewhere the user did not name), so it is refused before anything runs.
        var link = Path.Combine(_folder.FullName, "dangling.yaml");
        File.CreateSymbolicLink(link, "gone/nowhere.yaml");

        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", "dangling.yaml"]);
        var left = _folder.EnumerateFileSystemInfos().Select(e => e.Name).ToArray();
        // The fixture's clean-up (chattr -R) cannot read a dangling link's flags: the link goes first.
        File.Delete(link);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits generate: error: -o 'dangling.yaml' cannot be written: it is a symbolic link to 'gone/nowhere.yaml', which does not exist (see 'summits generate --help')", run.Error.TrimEnd());
        Assert.Equal(["dangling.yaml"], left);
    }

    [Fact]
    public async Task A_file_name_longer_than_255_bytes_is_refused_with_its_length()
    {
        // 130 × 'é' (2 bytes each in UTF-8) + ".yaml" (5 bytes) = 265 bytes, over the 255 a file name may take
        // (NAME_MAX), though only 135 characters: the folder's own try would pass, and the write fail at the end.
        var name = new string('é', 130) + ".yaml";

        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", name]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits generate: error: -o '{name}' cannot be written: its name takes 265 bytes, more than the 255 a file name may take (see 'summits generate --help')", run.Error.TrimEnd());
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task The_working_folder_is_refused_as_an_output_folder()
    {
        // The set would take the folder's place, leaving the shell that ran summits in a removed folder.
        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--out", "."]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits run: error: --out '.' cannot be written: it is the working folder or holds it, which the new output would replace; name a folder inside it, such as out (see 'summits run --help')", run.Error.TrimEnd());
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task A_write_that_fails_during_the_run_exits_3_on_one_line_and_keeps_the_previous_set()
    {
        var output = Path.Combine(_folder.FullName, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "timeline.jsonl"), "previous timeline\n");
        File.WriteAllText(Path.Combine(output, "state.json"), "{\"previous\": true}\n");
        // The previous set is a run's, as its manifest says: a file no set wrote would be refused before the run.
        File.WriteAllText(Path.Combine(output, ".summits-output"), "# summits\nrun\tsummits run -o\ttimeline.jsonl\tstate.json\n");

        // A file size limit of 32 KiB (ulimit -f 32; summits ignores SIGXFSZ itself, so the write fails with
        // EFBIG rather than the signal killing it with exit 153): the baseline's timeline.jsonl is about 40 KB, so its write fails after the check passed.
        var run = await UnderFileSizeLimitAsync(32, ["run", Baseline, "--engine", "local", "-q", "--out", output]);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"summits run: error: could not write '{output}': a file grew past what the file system or the process's file size limit (ulimit -f) allows; what was there before is unchanged", run.Error.TrimEnd());
        Assert.Equal("previous timeline\n", File.ReadAllText(Path.Combine(output, "timeline.jsonl")));
        Assert.Equal("{\"previous\": true}\n", File.ReadAllText(Path.Combine(output, "state.json")));
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public async Task A_world_file_that_fails_during_the_write_exits_3_and_keeps_the_previous_file()
    {
        var output = Path.Combine(_folder.FullName, "world.yaml");
        File.WriteAllText(output, "previous world\n");

        // 40 actors on 30 topics is well over 32 KiB of YAML (1 200 positions of a few lines each).
        var run = await UnderFileSizeLimitAsync(32, ["generate", "--actors", "40", "--topics", "30", "--seed", "1", "-o", output]);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"summits generate: error: could not write '{output}': a file grew past what the file system or the process's file size limit (ulimit -f) allows; what was there before is unchanged", run.Error.TrimEnd());
        Assert.Equal("previous world\n", File.ReadAllText(output));
        Assert.Equal(["world.yaml"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public async Task Under_diagnostic_verbosity_a_run_time_failure_also_prints_its_stack_trace()
    {
        var output = Path.Combine(_folder.FullName, "out");

        // -v diag alone: with -q (minimal) it would ask for two levels, which is refused before anything runs.
        var run = await UnderFileSizeLimitAsync(32, ["run", Baseline, "--engine", "local", "-v", "diag", "--out", output]);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"summits run: error: could not write '{output}': ", run.ErrorLines[0]);
        Assert.Contains(run.ErrorLines, line => line.StartsWith("at Summits.Scenarios.OutputSet.WriteAsync(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summits_starts_under_a_file_size_limit_of_one_MiB()
    {
        // ulimit -f 1024: with the runtime's W^X double mapping on, the runtime wrote its code through a file larger
        // than the limit and was killed before summits started (exit 137, "Failed to load System.Private.CoreLib.dll").
        // By hand: --version prints the version from the assembly, "0.1.0+" and the commit, and exits 0.
        var run = await UnderFileSizeLimitAsync(1024, ["--version"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0.1.0", run.Output);
        Assert.Equal("", run.Error);
    }

    /// <summary>Runs summits under bash with a file size limit of <paramref name="kib"/> KiB (SIGXFSZ left as the shell has it: summits must ignore it itself).</summary>
    private async Task<SummitsRun> UnderFileSizeLimitAsync(int kib, string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        // Nothing hidden: summits must start under the limit by itself (its runtimeconfig turns the runtime's W^X
        // double mapping off), so a W^X setting of the test runner's own is not passed on.
        foreach (var name in start.Environment.Keys.Where(k => k.EndsWith("EnableWriteXorExecute", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment.Remove("COLUMNS");
        foreach (var argument in (string[])["-c", $"ulimit -f {kib}; exec \"$0\" \"$@\"", SummitsProcess.DotnetHost(), SummitsProcess.Program, .. arguments])
            start.ArgumentList.Add(argument);
        return await SummitsProcess.WaitAsync(start, TimeSpan.FromMinutes(3), $"summits {string.Join(' ', arguments)} under ulimit -f {kib}");
    }
}
