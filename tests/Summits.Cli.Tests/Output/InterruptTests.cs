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
        // The 18-actor spatial-model run takes some seconds of advances in grains; its events stream to
        // standard output as each advance ends, so the first line says the run is under way.
        using var run = Start(["run", Scenario("bench", "soe-18-converge.yaml"), "--format", "json", "--out", output], []);
        var first = await run.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.NotNull(first);
        Assert.Equal(0, Kill(run.Id, SigInt));

        var (exit, error) = await EndAsync(run);
        Assert.Equal(130, exit);
        Assert.Equal("summits run: stopped before it finished", Said(error));
        Assert.Empty(_folder.EnumerateFileSystemInfos());
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
            ["results.json", "agreements.csv", "positions.csv", "sensitivity.csv"], "results.json" },
        { "summits whatif", ["whatif", Scenario("what-if", "baseline.yaml"), "--runs", "4", "--engine", "local", "-q", "--report", "out"],
            ["report.html", "report.md", "agreements.csv", "positions.csv", "sensitivity.csv"], "report.html" },
        { "summits seed", ["seed", "--world", Scenario("summits", "2017-11-06-abe-trump.yaml"), "-q", "--out", "out"], ["world.json", "positions.csv"], "world.json" },
        { "summits analyze", ["analyze", "empty.jsonl", "-q", "--out", "out"], ["topics.csv", "actors.csv"], "topics.csv" },
        { "summits bench", ["bench", "--quick", "--only", "9", "-q", "--out", "out"], ["bench.json", "bench.csv"], "bench.json" },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Ctrl_C_while_a_command_writes_its_output_set_stops_it_with_exit_130_and_leaves_the_previous_set(string command, string[] arguments, string[] names, string first)
    {
        var output = Path.Combine(_folder.FullName, "out");
        // The previous set: every file of the kind, each saying which it is, so that any file replaced or removed shows.
        Directory.CreateDirectory(output);
        foreach (var name in names)
            await File.WriteAllTextAsync(Path.Combine(output, name), $"previous {name}\n");
        var before = Contents(output);
        // An export with no spans: analyze reads it as a run with nothing in it, and still writes its two CSVs.
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "empty.jsonl"), "");

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
        // first branch (press-fta) is written and the second (offer-package) is starting its 100 samples.
        using var study = Start(["whatif", Scenario("what-if", "us-fta-press-or-package.yaml"), "--runs", "100", "--format", "csv", "-v", "quiet", "--out", output], []);
        var first = await study.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal("# branch press-fta", first);
        Assert.Equal(0, Kill(study.Id, SigInt));

        var (exit, error) = await EndAsync(study);
        Assert.Equal(130, exit);
        Assert.Equal("summits whatif: stopped before it finished", Said(error));
        // The first branch's study finished and its set is whole; of the second, stopped part-way, nothing is written.
        Assert.Equal(["press-fta"], new DirectoryInfo(output).EnumerateFileSystemInfos().Select(e => e.Name));
        Assert.Equal(["agreements.csv", "positions.csv", "results.json", "sensitivity.csv"], Contents(Path.Combine(output, "press-fta")).Keys);
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    /// <summary>Every command that writes one file, with the file: Ctrl-C comes once it is written whole beside its target.</summary>
    public static TheoryData<string, string[], string> FileWriters() => new()
    {
        { "summits generate", ["generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", "out.yaml"], "out.yaml" },
        { "summits import ktab", ["import", "ktab", Scenario("worlds", Path.Combine("ktab", "dummyData-a040.csv")), "-o", "out.yaml"], "out.yaml" },
        { "summits export ktab", ["export", "ktab", Scenario("worlds", "dummy-3dim.yaml"), "-o", "out.csv"], "out.csv" },
        { "summits seed draft", ["seed", "draft", Scenario("sources", "abe-trump-summit-2017-11-06.txt"), "-o", "out.yaml"], "out.yaml" },
    };

    [Theory]
    [MemberData(nameof(FileWriters))]
    public async Task Ctrl_C_while_a_command_writes_its_file_stops_it_with_exit_130_and_leaves_the_previous_file(string command, string[] arguments, string file)
    {
        var target = Path.Combine(_folder.FullName, file);
        await File.WriteAllTextAsync(target, "previous\n");

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
        Assert.Equal("previous\n", await File.ReadAllTextAsync(target));
        Assert.Equal([file], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
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

    /// <summary>
    /// Standard error without the warnings the silo logs when a loaded machine delays its timers
    /// (<c>summits: warning: Orleans…</c>), which say nothing of the interruption.
    /// </summary>
    private static string Said(string error) =>
        string.Join('\n', error.Split('\n').Where(line => !line.StartsWith("summits: warning: ", StringComparison.Ordinal))).Trim();

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
