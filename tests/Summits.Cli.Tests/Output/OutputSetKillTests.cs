using System.Diagnostics;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>
/// A run killed while it writes its output set leaves the previous set whole, byte for byte; the next run that
/// completes leaves the new set and no folder of its own or of the killed run beside it.
/// </summary>
public sealed class OutputSetKillTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-kill-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Baseline => Path.Combine(AppContext.BaseDirectory, "scenarios", "what-if", "baseline.yaml");

    [Fact]
    public async Task A_kill_during_the_output_write_leaves_the_previous_set_intact()
    {
        var output = Path.Combine(_folder.FullName, "out");
        // The previous set: seed 1, so that its timeline differs from the default seed's that the killed run writes.
        var previous = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--engine", "local", "-q", "--seed", "1", "--out", output]);
        Assert.Equal(0, previous.ExitCode);
        File.WriteAllText(Path.Combine(output, "notes.md"), "my notes\n");
        var before = Contents(output);
        Assert.Equal([OutputSet.ManifestName, "agreements.csv", "notes.md", "state.json", "timeline.jsonl"], before.Keys);

        // Each file of the set is followed by a pause of ten minutes: the run is killed in the first one, after
        // timeline.jsonl and before state.json, when the folder it writes holds one new file.
        using (var killed = Start(["run", Baseline, "--engine", "local", "-q", "--out", output], new() { [OutputSet.DelayVariable] = "600000" }))
        {
            var staging = await NewSetAsync(killed, "timeline.jsonl");
            killed.Kill();
            await killed.WaitForExitAsync();
            Assert.True(File.Exists(Path.Combine(staging, "timeline.jsonl")), "the killed run had begun its set");
        }

        Assert.Equal(before, Contents(output));

        var next = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--engine", "local", "-q", "--out", output]);
        Assert.Equal(0, next.ExitCode);
        var after = Contents(output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.NotEqual(before["timeline.jsonl"], after["timeline.jsonl"]);
        // The user's notes are no part of a run's set, so they stay.
        Assert.Equal("my notes\n"u8.ToArray(), after["notes.md"]);
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Theory]
    [InlineData("written")]
    [InlineData("folder")]
    [InlineData("moved")]
    [InlineData("exchanged")]
    public Task A_kill_at_any_step_of_the_write_loses_none_of_the_users_folders_and_the_next_write_is_whole(string step) =>
        KillAtStepThenWriteAgainAsync(step, []);

    /// <summary>
    /// The same, where the folders cannot be exchanged in one step and are swapped by renames: strace makes every
    /// <c>renameat2</c> call fail with ENOSYS, as on a kernel or file system without <c>RENAME_EXCHANGE</c>, both
    /// for the killed write and for the next one, which finds what the killed one left. At <c>aside</c> no folder
    /// has the target's name (the previous set is <c>….old</c>); at <c>replaced</c> the new set has it and the
    /// previous one is still <c>….old</c>.
    /// </summary>
    [Theory]
    [InlineData("written")]
    [InlineData("moved")]
    [InlineData("aside")]
    [InlineData("replaced")]
    [InlineData("exchanged")]
    public async Task Without_the_one_step_exchange_a_kill_at_any_step_loses_none_of_the_users_folders_and_the_next_write_is_whole(string step)
    {
        var trace = Path.Combine(Path.GetTempPath(), $"summits-strace-{Guid.NewGuid():N}.txt");
        try
        {
            string[] strace = [Strace, "-f", "--seccomp-bpf", "-qq", "-o", trace, "-e", "trace=renameat2", "-e", "inject=renameat2:error=ENOSYS"];
            await KillAtStepThenWriteAgainAsync(step, strace);
            // The exchange was tried and refused, so the renames did the work (the last write's trace).
            var calls = File.ReadAllLines(trace).Where(line => line.Contains("RENAME_EXCHANGE", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(calls);
            Assert.All(calls, call => Assert.EndsWith("= -1 ENOSYS (Function not implemented) (INJECTED)", call));
        }
        finally
        {
            File.Delete(trace);
        }
    }

    /// <summary>
    /// Without the exchange, a failure of the rename that puts the new set in the target's place (after the target
    /// was renamed aside) puts the previous set back: the write fails with exit 3 and the folder is as it was.
    /// strace fails the fourth <c>rename</c> of the run with EIO: the first two move the user's folders
    /// <c>branch</c> and <c>mine</c> into the new set, the third renames the target aside, the fourth is the one.
    /// </summary>
    [Fact]
    public async Task Without_the_one_step_exchange_a_failed_rename_into_place_leaves_the_previous_set_as_it_was()
    {
        var output = Path.Combine(_folder.FullName, "out");
        Assert.Equal(0, (await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--engine", "local", "-q", "--seed", "1", "--out", output])).ExitCode);
        File.WriteAllText(Path.Combine(output, "notes.md"), "my notes\n");
        Directory.CreateDirectory(Path.Combine(output, "branch"));
        File.WriteAllText(Path.Combine(output, "branch", "timeline.jsonl"), "a branch's timeline\n");
        Directory.CreateDirectory(Path.Combine(output, "mine"));
        File.WriteAllText(Path.Combine(output, "mine", "data.txt"), "kept\n");
        var before = Contents(output);

        var trace = Path.Combine(Path.GetTempPath(), $"summits-strace-{Guid.NewGuid():N}.txt");
        string[] strace = [Strace, "-f", "--seccomp-bpf", "-qq", "-o", trace, "-e", "trace=rename,renameat2",
            "-e", "inject=renameat2:error=ENOSYS", "-e", "inject=rename:error=EIO:when=4"];
        using var failed = Start(strace, ["run", Baseline, "--engine", "local", "-q", "--out", output], []);
        var error = failed.StandardError.ReadToEndAsync();
        await failed.StandardOutput.ReadToEndAsync();
        await failed.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var calls = File.ReadAllLines(trace);
        File.Delete(trace);

        // The rename that failed is the one that puts the new set in the target's place, after the target was renamed aside.
        var refused = Assert.Single(calls, call => call.EndsWith("(INJECTED)", StringComparison.Ordinal) && call.Contains(" rename(", StringComparison.Ordinal));
        Assert.Matches($@" rename\(""{System.Text.RegularExpressions.Regex.Escape(_folder.FullName)}/\.out\.summits-new-[^""]+"", ""{System.Text.RegularExpressions.Regex.Escape(output)}""\) = -1 EIO", refused);

        // An output that cannot be written is exit 3, with the previous set kept.
        Assert.True(failed.ExitCode == 3, $"exit {failed.ExitCode}: {await error}");
        Assert.Contains("Input/output error", await error);
        Assert.Equal(before, Contents(output));
        Assert.Equal(["branch", "mine"], Directory.EnumerateDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("a branch's timeline\n", File.ReadAllText(Path.Combine(output, "branch", "timeline.jsonl")));
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(output, "mine", "data.txt")));
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    /// <summary>Waits (at most a minute) until no process named in a <c>.out.summits-new-PID-…</c> folder beside the target runs.</summary>
    private async Task WritersGoneAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (_folder.EnumerateDirectories(".out.summits-new-*")
               .Select(d => d.Name.Split('-')[2])
               .Any(pid => Directory.Exists($"/proc/{pid}")))
            await Task.Delay(50, limit.Token);
    }

    private static string Strace =>
        File.Exists("/usr/bin/strace") ? "/usr/bin/strace" : throw new InvalidOperationException("these tests need Debian's strace: bash tests/run installs it");

    /// <summary>
    /// Writes a set with seed 1 into <c>out</c>, adds the user's file and folders, kills a run (started through
    /// <paramref name="prefix"/>, a program that starts it, or none) paused at <paramref name="step"/> of its write,
    /// then writes again through the same prefix: the set must be a clean run's, byte for byte, with all the user's
    /// things and nothing left beside it.
    /// </summary>
    private async Task KillAtStepThenWriteAgainAsync(string step, string[] prefix)
    {
        var output = Path.Combine(_folder.FullName, "out");
        var clean = Path.Combine(_folder.FullName, "clean");
        // The set a run with the default seed writes, into a folder of its own: what the last write must leave.
        Assert.Equal(0, (await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--engine", "local", "-q", "--out", clean])).ExitCode);
        Assert.Equal(0, (await SummitsProcess.RunInAsync(_folder.FullName, ["run", Baseline, "--engine", "local", "-q", "--seed", "1", "--out", output])).ExitCode);
        // The user's own things in the output folder: a file, and two folders (one nested) that the write moves.
        File.WriteAllText(Path.Combine(output, "notes.md"), "my notes\n");
        Directory.CreateDirectory(Path.Combine(output, "branch"));
        File.WriteAllText(Path.Combine(output, "branch", "timeline.jsonl"), "a branch's timeline\n");
        Directory.CreateDirectory(Path.Combine(output, "mine", "deep"));
        File.WriteAllText(Path.Combine(output, "mine", "deep", "data.txt"), "kept\n");

        using (var killed = Start(prefix, ["run", Baseline, "--engine", "local", "-q", "--out", output], new() { [OutputSet.PauseVariable] = step }))
        {
            // The writer says where it pauses on standard error, then sleeps; SIGKILL ends it there (and the program
            // that started it, if any).
            var said = await killed.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.Equal($"summits: output paused at {step}", said);
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
        }
        // Started through another program, the writer is that program's child, not this test's: it may still be
        // dying (or unreaped) when the program has exited. The next write clears only what writers that are gone
        // left, so wait until the process named in the left folders has gone.
        await WritersGoneAsync();
        // Between the kill and the next write, the user's folders are in the target or in a folder the killed writer left beside it.
        var everywhere = _folder.EnumerateDirectories("*", SearchOption.AllDirectories).Select(d => d.Name).ToList();
        Assert.Contains("branch", everywhere);
        Assert.Contains("deep", everywhere);

        using (var next = Start(prefix, ["run", Baseline, "--engine", "local", "-q", "--out", output], []))
        {
            var error = next.StandardError.ReadToEndAsync();
            await next.StandardOutput.ReadToEndAsync();
            await next.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(next.ExitCode == 0, $"the next write exited {next.ExitCode}: {await error}");
        }

        // The set is the clean run's, byte for byte, and the user's file and folders are all there with their files.
        var after = Contents(output);
        Assert.Equal([OutputSet.ManifestName, "agreements.csv", "notes.md", "state.json", "timeline.jsonl"], after.Keys);
        foreach (var (name, bytes) in Contents(clean))
            Assert.Equal(bytes, after[name]);
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(output, "notes.md")));
        Assert.Equal(["branch", "mine"], Directory.EnumerateDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("a branch's timeline\n", File.ReadAllText(Path.Combine(output, "branch", "timeline.jsonl")));
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(output, "mine", "deep", "data.txt")));
        // Nothing of the killed writer is left beside the target.
        Assert.Equal(["clean", "out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>Every file of the folder with its bytes, by name in ordinal order.</summary>
    private static SortedDictionary<string, byte[]> Contents(string folder) =>
        new(Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>Waits until the new folder the run writes beside the target holds <paramref name="file"/>; returns that folder.</summary>
    private async Task<string> NewSetAsync(Process process, string file)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var staging = _folder.EnumerateDirectories(".out.summits-new-*").FirstOrDefault();
            if (staging is not null && File.Exists(Path.Combine(staging.FullName, file)))
            {
                // The pause after the file starts once it is written whole; give the write a moment to finish.
                await Task.Delay(200, guard.Token);
                return staging.FullName;
            }
            if (process.HasExited)
                Assert.Fail($"the run exited ({process.ExitCode}) before it wrote {file}: {await process.StandardError.ReadToEndAsync()}");
            await Task.Delay(20, guard.Token);
        }
    }

    private Process Start(string[] arguments, Dictionary<string, string> environment) => Start([], arguments, environment);

    /// <summary>Starts <c>summits</c> with <paramref name="arguments"/>, through <paramref name="prefix"/> (a program and its arguments) when it is not empty.</summary>
    private Process Start(string[] prefix, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(prefix.Length > 0 ? prefix[0] : SummitsProcess.DotnetHost())
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        if (prefix.Length > 0)
        {
            foreach (var argument in prefix[1..])
                start.ArgumentList.Add(argument);
            start.ArgumentList.Add(SummitsProcess.DotnetHost());
        }
        start.ArgumentList.Add(SummitsProcess.Program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
