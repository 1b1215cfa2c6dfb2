using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Standard error sent by the shell into a file that the command's own output set writes (<c>2&gt; X/state.json</c>
/// beside <c>-o X</c>) is refused as standard output sent there is: the set would replace the file, and with it the
/// lines the command says there (<c>wrote … to X</c>, a warning, an error). One line, exit 2, nothing written: the
/// file the shell made holds the refusal and nothing else is in the folder. Every command that sets standard output
/// against its files does the same for standard error; both streams sent into one file (<c>&gt; log 2&gt;&amp;1</c>)
/// add to it and are no mistake.
/// </summary>
public sealed class ErrorOverOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-error-over-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string Baseline = SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    /// <summary>
    /// Runs the command with standard error sent into <paramref name="set"/>/<paramref name="name"/>, a file of the set
    /// that <c>-o</c> writes into <paramref name="set"/>, and checks that it is refused with the line worked out from the
    /// names alone, that nothing is printed and that the folder holds only the file the shell made.
    /// </summary>
    private async Task Refused(string command, string set, string name, params string[] arguments)
    {
        Directory.CreateDirectory(Path.Combine(_folder, set));
        var file = Path.Combine(set, name);
        var run = await SummitsProcess.RunRedirectedAsync(_folder, $"2> {file}", arguments);

        Assert.True(run.ExitCode == 2, run.ToString() + File.ReadAllText(Path.Combine(_folder, file)));
        Assert.Equal("", run.Output);
        // The line names the file by its full path (as the shell opened it), the set's name for it, the option and the
        // set's folder, and what to do: as standard output's refusal says it, with "standard error".
        Assert.Equal($"summits {command}: error: standard error '{Path.Combine(_folder, file)}' is {name} in -o '{set}', a file that -o writes there; one would replace the other: send standard error to a file outside '{set}', or name another folder for -o (see 'summits {command} --help')\n",
            File.ReadAllText(Path.Combine(_folder, file)));
        Assert.Equal([name], Directory.GetFileSystemEntries(Path.Combine(_folder, set)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Run_with_standard_error_sent_into_its_state_json_is_refused()
    {
        // "summits run scenarios/what-if/baseline.yaml -q -o o9 2> o9/state.json": before, the run's state.json replaced
        // the file, exit 0, and the line "wrote … to o9" said on standard error was lost with it.
        await Refused("run", "o9", "state.json", "run", Baseline, "-q", "-o", "o9");
    }

    [Fact]
    public async Task Whatif_of_a_fork_compare_and_seed_refuse_standard_error_in_a_file_of_their_sets()
    {
        // A fork's study of each branch goes into a folder of its own in -o X: X/press-fta for the first branch of
        // us-fta-press-or-package.yaml, and results.json is a file of a study's set.
        await Refused("whatif", "X/press-fta", "results.json",
            "whatif", SeedFiles.File("scenarios", "what-if", "us-fta-press-or-package.yaml"), "--runs", "2", "--engine", "local", "-o", "X");
        // compare writes comparison.json, agreements.csv and positions.csv.
        await Refused("compare", "C", "agreements.csv", "compare", Baseline, Baseline, "--engine", "local", "-o", "C");
        // seed writes world.json and positions.csv.
        await Refused("seed", "S", "world.json", "seed", "-o", "S");
    }

    [Fact]
    public async Task Exercise_analyze_and_bench_refuse_standard_error_in_a_file_of_their_sets()
    {
        // exercise writes grading.csv with the answers; analyze topics.csv and actors.csv; bench bench.json and bench.csv.
        await Refused("exercise", "E", "grading.csv", "exercise", SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"),
            "--answers", SeedFiles.File("scenarios", "exercises", "answers", "trade-for-defence-jp.yaml"), "-o", "E", "--engine", "local");
        File.WriteAllText(Path.Combine(_folder, "t.jsonl"), "{}\n");
        await Refused("analyze", "A", "topics.csv", "analyze", "t.jsonl", "-o", "A");
        await Refused("bench", "B", "bench.csv", "bench", "--quick", "-o", "B");
    }

    [Fact]
    public async Task Both_streams_in_one_file_beside_the_set_are_kept()
    {
        // "> X/log 2>&1": the shell opens X/log once for both streams, each adds to it and neither replaces the other;
        // log is no name of the run's set, whose write keeps it. The run is made, and its line on standard error,
        // "wrote … to X" (-q keeps it: it says where files went), is in the log.
        Directory.CreateDirectory(Path.Combine(_folder, "X"));
        var run = await SummitsProcess.RunRedirectedAsync(_folder, "> X/log 2>&1", "run", Baseline, "--engine", "local", "-q", "-o", "X");

        Assert.True(run.ExitCode == 0, run.ToString() + File.ReadAllText(Path.Combine(_folder, "X", "log")));
        Assert.True(File.Exists(Path.Combine(_folder, "X", "state.json")));
        Assert.Contains("wrote ", File.ReadAllText(Path.Combine(_folder, "X", "log")), StringComparison.Ordinal);
    }
}
