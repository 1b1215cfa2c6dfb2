using System.Diagnostics;
using System.Runtime.InteropServices;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>
/// Ctrl-C (SIGINT, sent as a real signal to a real process) stops a command, whether it is running (a run's steps,
/// a study's samples) or writing its output set: exit code 130, one line that says so, and the previous output set
/// as it was. Every command that writes a set is tried while it writes.
/// </summary>
public sealed class InterruptTests : IDisposable
{
    private const int SigInt = 2;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-interrupt-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Scenario(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "scenarios", folder, file);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task Ctrl_C_while_a_run_advances_stops_it_with_exit_130_and_writes_nothing()
    {
        var output = Path.Combine(_folder.FullName, "out");
        // The 18-actor spatial-model run streams its 28,719 events to standard output as JSON lines as each advance ends
        // (6.6 MB: summits run soe-18-converge.yaml --format json | wc -c), so the first line says the run is under way.
        // The test reads no more than that line, so the run cannot end before the signal: once the pipe's buffer (64 KiB
        // by default, at most 1 MiB, /proc/sys/fs/pipe-max-size) is full, its next write waits for a reader.
        using var run = Start(["run", Scenario("bench", "soe-18-converge.yaml"), "--format", "json", "--out", output], []);
        var first = await run.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.NotNull(first);
        Assert.Equal(0, Kill(run.Id, SigInt));

        var (exit, error) = await EndAsync(run);
        Assert.Equal(130, exit);
        Assert.Equal("summits run: stopped before it finished", Said(error));
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Theory]
    [InlineData("local")]
    [InlineData("grains")]
    public async Task Ctrl_C_while_a_large_run_works_out_its_summary_stops_it_with_exit_130_no_summary_and_nothing_written(string engine)
    {
        // A generated world of 200 actors and 50 topics, one round: the round makes agreements, and the summary's
        // reference points for them (every topic's weighted mean, median and Nash point among 200 holders) take
        // several seconds, more than the timeline table printed before them. Ctrl-C comes as soon as the table's
        // header line arrives, while the summary is being worked out: the run must stop there, print no summary
        // ("Positions that moved" is its first line), say one line, and write no output folder.
        var generated = await SummitsProcess.RunInAsync(_folder.FullName, ["generate", "--actors", "200", "--topics", "50", "--seed", "1", "-o", "big.yaml"]);
        Assert.Equal(0, generated.ExitCode);
        var output = Path.Combine(_folder.FullName, "out");
        using var run = Start(["run", "--world", "big.yaml", "--rounds", "1", "--engine", engine, "-o", output], []);
        var printed = new System.Text.StringBuilder();
        string? line;
        do
        {
            line = await run.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
            printed.Append(line).Append('\n');
        }
        while (line is not null && !line.StartsWith("step ", StringComparison.Ordinal));
        Assert.NotNull(line);
        Assert.Equal(0, Kill(run.Id, SigInt));

        var error = run.StandardError.ReadToEndAsync();
        printed.Append(await run.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1)));
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(130, run.ExitCode);
        Assert.Equal("summits run: stopped before it finished", Said(await error));
        Assert.DoesNotContain("Positions that moved", printed.ToString(), StringComparison.Ordinal);
        Assert.Equal(["big.yaml"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public async Task Ctrl_C_while_a_run_writes_its_output_set_stops_it_with_exit_130_and_leaves_the_previous_set()
    {
        var output = Path.Combine(_folder.FullName, "out");
        var previous = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Scenario("what-if", "baseline.yaml"), "--engine", "local", "-q", "--seed", "1", "--out", output]);
        Assert.Equal(0, previous.ExitCode);
        var before = Contents(output);

        // Each file of the set is followed by a pause of ten minutes: Ctrl-C comes in the first, after
        // timeline.jsonl and before state.json.
        using var run = Start(["run", Scenario("what-if", "baseline.yaml"), "--engine", "local", "-q", "--out", output],
            new() { [OutputSet.DelayVariable] = "600000" });
        await NewSetAsync(run, "timeline.jsonl");
        Assert.Equal(0, Kill(run.Id, SigInt));

        var (exit, error) = await EndAsync(run);
        Assert.Equal(130, exit);
        Assert.Equal("summits run: stopped before it finished", Said(error));
        Assert.Equal(before, Contents(output));
        // The half-written set is gone with the run: only the previous set's folder is left.
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public async Task Ctrl_C_once_the_output_set_is_in_place_says_the_run_finished_and_where_its_output_is_with_exit_130()
    {
        var output = Path.Combine(_folder.FullName, "out");
        var previous = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Scenario("what-if", "baseline.yaml"), "--engine", "local", "-q", "--seed", "1", "--out", output]);
        Assert.Equal(0, previous.ExitCode);
        var before = Contents(output);

        // The writer pauses once the new set has taken the previous one's place (and says so), until Ctrl-C.
        // -v quiet: nothing on standard error but errors and the pause, so that the line Ctrl-C leads to is alone.
        using var run = Start(["run", Scenario("what-if", "baseline.yaml"), "--engine", "local", "-v", "quiet", "--out", output],
            new() { [OutputSet.PauseVariable] = "exchanged" });
        Assert.Equal("summits: output paused at exchanged", await run.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal(0, Kill(run.Id, SigInt));

        var (exit, error) = await EndAsync(run);
        // 130, as for any Ctrl-C (README, exit codes), but the line says that nothing was left undone.
        Assert.Equal(130, exit);
        Assert.Equal($"summits run: interrupted after it finished; its output was written to {output}", Said(error));
        // The new set (the default seed's, not seed 1's) is whole in place, and nothing is left beside it.
        var after = Contents(output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.NotEqual(before["timeline.jsonl"], after["timeline.jsonl"]);
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public async Task Ctrl_C_once_a_study_s_output_set_is_in_place_says_the_study_finished_and_where_its_output_is_with_exit_130()
    {
        var output = Path.Combine(_folder.FullName, "out");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "results.json"), "previous results.json\n");
        await ManifestAsync(output, "whatif", ["results.json"]);
        // The writer pauses once the new set has taken the previous one's place (and says so), until Ctrl-C; -v quiet
        // leaves the line Ctrl-C leads to alone on standard error.
        using var study = Start(["whatif", Scenario("what-if", "baseline.yaml"), "--runs", "4", "--engine", "local", "-v", "quiet", "--out", output],
            new() { [OutputSet.PauseVariable] = "exchanged" });
        Assert.Equal("summits: output paused at exchanged", await study.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal(0, Kill(study.Id, SigInt));

        var (exit, error) = await EndAsync(study);
        Assert.Equal(130, exit);
        Assert.Equal($"summits whatif: interrupted after it finished; its output was written to {output}", Said(error));
        var after = Contents(output);
        Assert.Equal([OutputSet.ManifestName, "agreements.csv", "expectations.csv", "positions.csv", "results.json", "samples.csv", "sensitivity.csv"], after.Keys.Order(StringComparer.Ordinal));
        Assert.NotEqual("previous results.json\n", System.Text.Encoding.UTF8.GetString(after["results.json"]));
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public async Task Ctrl_C_after_one_branch_s_output_set_is_in_place_says_which_branch_was_written_with_exit_130()
    {
        var output = Path.Combine(_folder.FullName, "out");
        // The scenario forks into two branches, studied in turn, each written to a folder of its own under out, where
        // a previous study left both; the writer pauses once, when the first branch's set (press-fta, the fork's
        // first) has taken its place. Ctrl-C then stops the study before the second branch: what was written is the
        // first branch's folder alone, and the second's previous set is as it was.
        foreach (var branch in (string[])["press-fta", "offer-package"])
        {
            Directory.CreateDirectory(Path.Combine(output, branch));
            await File.WriteAllTextAsync(Path.Combine(output, branch, "results.json"), "previous results.json\n");
            await ManifestAsync(Path.Combine(output, branch), "whatif", ["results.json"]);
        }
        var package = Contents(Path.Combine(output, "offer-package"));
        using var study = Start(["whatif", Scenario("what-if", "us-fta-press-or-package.yaml"), "--runs", "4", "--engine", "local", "-v", "quiet", "--out", output],
            new() { [OutputSet.PauseVariable] = "exchanged" });
        Assert.Equal("summits: output paused at exchanged", await study.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal(0, Kill(study.Id, SigInt));

        var (exit, error) = await EndAsync(study);
        Assert.Equal(130, exit);
        Assert.Equal($"summits whatif: stopped before it finished; what it wrote before is in {Path.Combine(output, "press-fta")}", Said(error));
        // The study's six files and the manifest naming them.
        Assert.Equal(7, Contents(Path.Combine(output, "press-fta")).Count);
        Assert.Equal(package, Contents(Path.Combine(output, "offer-package")));
    }

    /// <summary>
    /// Every command that writes an output set, with the set's file names and the first file it writes: Ctrl-C
    /// comes after that file. The inputs are the smallest that reach the write (the local engine where a command
    /// takes one, a few samples, an empty telemetry export).
    /// </summary>
    public static TheoryData<string, string[], string[], string> Writers() => new()
    {
        { "summits run", ["run", Scenario("what-if", "baseline.yaml"), "--engine", "local", "-q", "--report", "out"], ["report.html", "report.md", "agreements.csv", "trajectories.csv"], "report.html" },
        { "summits compare", ["compare", Scenario("what-if", "baseline.yaml"), Scenario("what-if", "trade-for-defense-package.yaml"), "--engine", "local", "-q", "--out", "out"],
            ["comparison.json", "agreements.csv", "positions.csv"], "comparison.json" },
        { "summits compare", ["compare", Scenario("what-if", "baseline.yaml"), Scenario("what-if", "trade-for-defense-package.yaml"), "--engine", "local", "-q", "--report", "out"],
            ["report.html", "report.md", "agreements.csv", "positions.csv"], "report.html" },
        { "summits whatif", ["whatif", Scenario("what-if", "baseline.yaml"), "--runs", "4", "--engine", "local", "-q", "--out", "out"],
            ["results.json", "agreements.csv", "positions.csv", "sensitivity.csv", "expectations.csv", "samples.csv"], "results.json" },
        { "summits whatif", ["whatif", Scenario("what-if", "baseline.yaml"), "--runs", "4", "--engine", "local", "-q", "--report", "out"],
            ["report.html", "report.md", "agreements.csv", "positions.csv", "sensitivity.csv"], "report.html" },
        { "summits seed", ["seed", "--world", Scenario("summits", "2017-11-06-abe-trump.yaml"), "-q", "--out", "out"], ["world.json", "positions.csv"], "world.json" },
        { "summits analyze", ["analyze", "empty.jsonl", "-q", "--out", "out"], ["topics.csv", "actors.csv"], "topics.csv" },
        { "summits bench", ["bench", "--quick", "--only", "9", "-q", "--out", "out"], ["bench.json", "bench.csv"], "bench.json" },
        // The exercise's roles are JP and US: a set may hold answers-JP.yaml and answers-US.yaml (two players at the
        // keyboard) or answers.yaml (one), and grading.csv; played with --answers, it writes grading.csv alone.
        { "summits exercise", ["exercise", Scenario("exercises", "trade-for-defence.yaml"), "--answers", Scenario(Path.Combine("exercises", "answers"), "trade-for-defence-jp.yaml"), "--engine", "local", "-o", "out"],
            ["grading.csv", "answers.yaml", "answers-JP.yaml", "answers-US.yaml"], "grading.csv" },
    };

    /// <summary>
    /// Writes the manifest of a previous set made by hand in <paramref name="folder"/>: one line of the kind
    /// <paramref name="id"/> naming <paramref name="files"/>, as a write of the set records them. Without it the files
    /// would be taken for the user's, and the command refused before it ran.
    /// </summary>
    private static Task ManifestAsync(string folder, string id, string[] files) =>
        File.WriteAllTextAsync(Path.Combine(folder, OutputSet.ManifestName), $"# summits\n{id}\tsummits {id}\t{string.Join('\t', files)}\n");

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Ctrl_C_while_a_command_writes_its_output_set_stops_it_with_exit_130_and_leaves_the_previous_set(string command, string[] arguments, string[] names, string first)
    {
        var output = Path.Combine(_folder.FullName, "out");
        // The previous set: every file of the kind, each saying which it is, so that any file replaced or removed shows.
        Directory.CreateDirectory(output);
        foreach (var name in names)
            await File.WriteAllTextAsync(Path.Combine(output, name), $"previous {name}\n");
        // The kind's id in the manifest is the command's name, with "-report" for a --report set (whatif-report).
        await ManifestAsync(output, command["summits ".Length..] + (arguments.Contains("--report") ? "-report" : ""), names);
        var before = Contents(output);
        // An export of a run's one step and nothing else: analyze reads it as a run with nothing counted in it, and
        // still writes its two CSVs.
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "empty.jsonl"),
            """{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"t1","spanId":"s1","name":"summits.step","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]}""" + "\n");

        // Each file of the set is followed by a pause of ten minutes: Ctrl-C comes in the first.
        using var process = Start(arguments, new() { [OutputSet.DelayVariable] = "600000" });
        await NewSetAsync(process, first);
        Assert.Equal(0, Kill(process.Id, SigInt));

        var (exit, error) = await EndAsync(process);
        Assert.Equal(130, exit);
        Assert.Equal($"{command}: stopped before it finished", Said(error));
        Assert.Equal(before, Contents(output));
        // The half-written set is gone: the previous set's folder is the only one left.
        Assert.Equal(["out"], _folder.EnumerateDirectories().Select(d => d.Name));
    }

    [Fact]
    public async Task Ctrl_C_while_a_study_runs_its_samples_in_grains_stops_it_with_exit_130_and_writes_nothing_of_it()
    {
        var output = Path.Combine(_folder.FullName, "out");
        // A study of a fork runs its branches one after the other, each a Monte Carlo of its own in grains, and
        // prints each branch's CSVs as soon as its study ends (-v quiet: nothing else but errors): the first line on standard output says that the
        // first branch (press-fta) is written and the second (offer-package) is starting its 1,000 samples, which take
        // seconds even on an idle machine (100 could all run before the Ctrl-C that follows the line had landed).
        using var study = Start(["whatif", Scenario("what-if", "us-fta-press-or-package.yaml"), "--runs", "1000", "--format", "csv", "-v", "quiet", "--out", output], []);
        var first = await study.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal("# branch press-fta", first);
        Assert.Equal(0, Kill(study.Id, SigInt));

        var (exit, error) = await EndAsync(study);
        Assert.Equal(130, exit);
        // The line names what was written before Ctrl-C: the first branch's folder.
        Assert.Equal($"summits whatif: stopped before it finished; what it wrote before is in {Path.Combine(output, "press-fta")}", Said(error));
        // The first branch's study finished and its set is whole; of the second, stopped part-way, nothing is written.
        Assert.Equal(["press-fta"], new DirectoryInfo(output).EnumerateFileSystemInfos().Select(e => e.Name));
        Assert.Equal([OutputSet.ManifestName, "agreements.csv", "expectations.csv", "positions.csv", "results.json", "samples.csv", "sensitivity.csv"], Contents(Path.Combine(output, "press-fta")).Keys);
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    /// <summary>A world in format 1 (no <c>format:</c> line), which <c>summits migrate</c> rewrites in place.</summary>
    private const string FormatOneWorld =
        "# a world\nworld: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5 }\n  - { id: B, name: B, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n";

    /// <summary>
    /// Every command that writes one file, with the file and what it held before: Ctrl-C comes once the new file is
    /// written whole beside its target. <c>summits migrate</c> rewrites its input, so what was there is a format-1 world.
    /// </summary>
    public static TheoryData<string, string[], string, string> FileWriters() => new()
    {
        { "summits generate", ["generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", "out.yaml"], "out.yaml", "previous\n" },
        { "summits import ktab", ["import", "ktab", Scenario("worlds", Path.Combine("ktab", "dummyData-a040.csv")), "-o", "out.yaml"], "out.yaml", "previous\n" },
        { "summits export ktab", ["export", "ktab", Scenario("worlds", "dummy-3dim.yaml"), "-o", "out.csv"], "out.csv", "previous\n" },
        { "summits seed draft", ["seed", "draft", Scenario("sources", "abe-trump-summit-2017-11-06.txt"), "-o", "out.yaml"], "out.yaml", "previous\n" },
        { "summits migrate", ["migrate", "w.yaml"], "w.yaml", FormatOneWorld },
    };

    [Theory]
    [MemberData(nameof(FileWriters))]
    public async Task Ctrl_C_while_a_command_writes_its_file_stops_it_with_exit_130_and_leaves_the_previous_file(string command, string[] arguments, string file, string previous)
    {
        var target = Path.Combine(_folder.FullName, file);
        await File.WriteAllTextAsync(target, previous);

        // Once the new file is written beside the target, a pause of ten minutes before it takes the target's place.
        using var process = Start(arguments, new() { [OutputSet.DelayVariable] = "600000" });
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            while (!_folder.EnumerateFiles($".{file}.summits-new-*").Any())
            {
                if (process.HasExited)
                    Assert.Fail($"{command} exited ({process.ExitCode}) before it wrote {file}: {await process.StandardError.ReadToEndAsync()}");
                await Task.Delay(20, guard.Token);
            }
        }
        // The file appears when it is opened; give the write a moment to finish and the pause to begin.
        await Task.Delay(500);
        Assert.Equal(0, Kill(process.Id, SigInt));

        var (exit, error) = await EndAsync(process);
        Assert.Equal(130, exit);
        // seed draft names the briefing's lines it did not draft before it writes; the interruption is the last line.
        Assert.Equal($"{command}: stopped before it finished", Said(error).Split('\n')[^1]);
        Assert.Single(error.Split('\n'), line => line.Contains("stopped", StringComparison.Ordinal));
        Assert.Equal(previous, await File.ReadAllTextAsync(target));
        Assert.Equal([file], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public async Task Ctrl_C_while_compare_runs_its_scenarios_in_grains_stops_it_with_exit_130_and_leaves_the_previous_set()
    {
        var output = Path.Combine(_folder.FullName, "out");
        string[] names = ["comparison.json", "agreements.csv", "positions.csv"];
        Directory.CreateDirectory(output);
        foreach (var name in names)
            await File.WriteAllTextAsync(Path.Combine(output, name), $"previous {name}\n");
        await ManifestAsync(output, "compare", names);
        var before = Contents(output);

        // A generated world of 200 actors and 50 topics bargaining for 30 rounds, twice: about 40 s of processor time
        // on a quiet machine, of which the start (the runtime, the silo, loading the world) takes under 2 s, as a
        // compare of two short scenarios shows (2.8 s in all). The command prints nothing until both runs end, so its
        // processor time says where it is: from 4 s on it is in the runs, however loaded the machine, with some 35 s
        // of runs still to go. (The 18-actor run, even written at every advance, ends in about a second since the
        // embedded silo keeps its storage in memory: a fast machine had finished both runs before 4 s.)
        var generated = await SummitsProcess.RunInAsync(_folder.FullName, ["generate", "--actors", "200", "--topics", "50", "--seed", "1", "-o", "big.yaml"]);
        Assert.Equal(0, generated.ExitCode);
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "bargain.yaml"),
            "format: 2\nscenario: big-bargain\nabout: The generated world bargaining.\nworld: big.yaml\nseed: 1\nsteps:\n  - id: bargain\n    rounds: 30\n");
        var scenario = Path.Combine(_folder.FullName, "bargain.yaml");
        using var compare = Start(["compare", scenario, scenario, "-q", "--out", output], []);
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            while (ProcessorSeconds(compare.Id) < 4)
            {
                if (compare.HasExited)
                    Assert.Fail($"compare exited ({compare.ExitCode}) before its runs were under way: {await compare.StandardError.ReadToEndAsync()}");
                await Task.Delay(50, guard.Token);
            }
        }
        Assert.Equal(0, Kill(compare.Id, SigInt));

        var (exit, error) = await EndAsync(compare);
        Assert.Equal(130, exit);
        Assert.Equal("summits compare: stopped before it finished", Said(error));
        Assert.Equal(before, Contents(output));
        // No new set was begun: beside the test's own world and scenario, the previous set's folder is the only entry.
        Assert.Equal(["bargain.yaml", "big.yaml", "out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name).Order());
    }

    /// <summary>
    /// The processor time a process has used, user and system, from <c>/proc/PID/stat</c> (fields 14 and 15, after
    /// the command name in parentheses, in clock ticks of 1/100 s, the kernel's <c>USER_HZ</c> on Linux).
    /// </summary>
    private static double ProcessorSeconds(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return 0;
        }
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the name, the state is field 3: utime (14) and stime (15) are the 12th and 13th from there.
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    [Fact]
    public async Task Ctrl_C_while_bench_measures_a_figure_stops_it_with_exit_130_at_once()
    {
        // The 160-actor table takes seconds to converge even on a quiet machine, far more than the bench
        // needs to stop; "measuring ktab-160" on standard error says that it has begun.
        using var bench = Start(["bench", "--only", "ktab-160", "--out", "out"], []);
        string? line;
        do
            line = await bench.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
        while (line is not null && !line.StartsWith("measuring ktab-160", StringComparison.Ordinal));
        Assert.NotNull(line);
        Assert.Equal(0, Kill(bench.Id, SigInt));

        var (exit, error) = await EndAsync(bench);
        Assert.Equal(130, exit);
        // Within the 30 s that System.CommandLine gives a command before it ends the process with 130 and no line.
        Assert.Equal("summits bench: stopped before it finished", Said(error));
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Ctrl_C_while_a_run_exports_to_a_telemetry_file_leaves_the_previous_file_and_says_where_the_runs_lines_are()
    {
        // The 18-actor spatial-model run in grains, as in the first test (held up by the pipe its events fill), exporting
        // to run.jsonl, which holds the previous run's telemetry (here one line of the test's). Ctrl-C once the first advance is out: the file
        // keeps its line, and the interrupted run's export requests are whole lines of run.jsonl.partial.
        var file = Path.Combine(_folder.FullName, "run.jsonl");
        File.WriteAllText(file, "{\"previous\":true}\n");
        using var run = Start(["run", Scenario("bench", "soe-18-converge.yaml"), "--format", "json", "--telemetry", file], []);
        Assert.NotNull(await run.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal(0, Kill(run.Id, SigInt));

        var (exit, error) = await EndAsync(run);
        Assert.Equal(130, exit);
        Assert.Equal("{\"previous\":true}\n", File.ReadAllText(file));
        var partial = File.ReadAllLines(file + ".partial");
        Assert.NotEmpty(partial);
        foreach (var line in partial)
            Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(line).RootElement.ValueKind);
        Assert.Equal(
            $"summits run: the command did not finish, so its telemetry ({partial.Length} export request{(partial.Length == 1 ? "" : "s")}) is in {file}.partial; {file} is as it was\n" +
            "summits run: stopped before it finished",
            Said(error));
    }

    /// <summary>
    /// Standard error without the silo's and the retries' warning lines (<c>summits: warning: …</c>, <c>summits run: warning: …</c>): a grain's call cut short by the
    /// interruption may say so, which is not what these tests are about.
    /// </summary>
    private static string Said(string error) =>
        string.Join('\n', error.Split('\n').Where(line => !System.Text.RegularExpressions.Regex.IsMatch(line, "^summits( [a-z]+)*: warning: "))).Trim();

    /// <summary>Waits for the process to end (it must within a minute of the signal); its exit code and standard error.</summary>
    private static async Task<(int Exit, string Error)> EndAsync(Process process)
    {
        var error = process.StandardError.ReadToEndAsync();
        var drained = process.StandardOutput.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the run did not stop within a minute of Ctrl-C");
        }
        await drained;
        return (process.ExitCode, await error);
    }

    /// <summary>Every file of the folder with its bytes, by name in ordinal order.</summary>
    private static SortedDictionary<string, byte[]> Contents(string folder) =>
        new(Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>Waits until the new folder the run writes beside the target holds <paramref name="file"/>.</summary>
    private async Task NewSetAsync(Process process, string file)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var staging = _folder.EnumerateDirectories(".out.summits-new-*").FirstOrDefault();
            if (staging is not null && File.Exists(Path.Combine(staging.FullName, file)))
            {
                // The pause after the file starts once it is written whole; give the write a moment to finish.
                await Task.Delay(200, guard.Token);
                return;
            }
            if (process.HasExited)
                Assert.Fail($"the run exited ({process.ExitCode}) before it wrote {file}: {await process.StandardError.ReadToEndAsync()}");
            await Task.Delay(20, guard.Token);
        }
    }

    /// <summary>
    /// Starts the program with SIGINT at its default action: a process started from a shell's background job
    /// inherits SIGINT ignored, and would never see the signal (<c>env --default-signal</c>, coreutils).
    /// </summary>
    private Process Start(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(SummitsProcess.DotnetHost());
        start.ArgumentList.Add(SummitsProcess.Program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
