using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// No command's output takes the place of a file the same command reads, nor of another of its own outputs: an output
/// file (<c>-o FILE</c>, <c>--telemetry FILE</c>) that is an input, by any name of it (another spelling, a symbolic
/// link, a hard link), an output folder (<c>-o DIR</c>, <c>--report DIR</c>) holding an input under a name its set
/// writes, two sets in one folder that share a name, and a file (<c>--telemetry</c>, standard output sent into a file)
/// that is a file of a set or the folder it needs, are refused in one line,
/// <c>summits COMMAND: error: … (see 'summits COMMAND --help')</c>, exit 2, with nothing written and nothing printed on
/// standard output.
/// </summary>
public sealed class OutputOverInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-over-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Every entry under the folder with its bytes, to show that a refused command changed nothing.</summary>
    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f)));

    private async Task Refused(string expected, params string[] arguments)
    {
        var before = Snapshot();
        var entries = Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var run = await SummitsProcess.RunInAsync(_folder, arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(expected + "\n", run.Error);
        Assert.Equal("", run.Output);
        Assert.Equal(before, Snapshot());
        Assert.Equal(entries, Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList());
    }

    private string Copy(string from, string name)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(from, path);
        return path;
    }

    private const string DraftHint = "writing the draft there would replace it: name another file (see 'summits seed draft --help')";

    [Fact]
    public async Task Seed_draft_onto_its_own_readout_is_refused()
    {
        // Before, the draft replaced the readout it was drawn from, exit 0, and its 'source:' then named itself.
        Copy(SeedFiles.Source, "src.txt");
        await Refused($"summits seed draft: error: -o names the input file 'src.txt' itself; {DraftHint}", "seed", "draft", "src.txt", "-o", "src.txt");
    }

    [Fact]
    public async Task Seed_draft_onto_another_name_of_its_readout_is_refused()
    {
        var source = Copy(SeedFiles.Source, "src.txt");
        // Another spelling of the same path, through ./ and a full path with ../: the file's device and inode are one.
        await Refused($"summits seed draft: error: -o './src.txt' names the input file 'src.txt' itself; {DraftHint}", "seed", "draft", "src.txt", "-o", "./src.txt");
        var roundabout = Path.Combine(_folder, "..", Path.GetFileName(_folder), "src.txt");
        await Refused($"summits seed draft: error: --output '{roundabout}' names the input file 'src.txt' itself; {DraftHint}", "seed", "draft", "src.txt", "--output", roundabout);
        // A symbolic link to it: the write would follow the link and replace the readout.
        File.CreateSymbolicLink(Path.Combine(_folder, "link.txt"), source);
        await Refused($"summits seed draft: error: -o 'link.txt' names the input file 'src.txt' itself; {DraftHint}", "seed", "draft", "src.txt", "-o", "link.txt");
        // A hard link in a folder of its own: one file under two names.
        Directory.CreateDirectory(Path.Combine(_folder, "other"));
        Assert.Equal(0, Link(source, Path.Combine(_folder, "other", "hard.txt")));
        await Refused($"summits seed draft: error: -o 'other/hard.txt' names the input file 'src.txt' itself; {DraftHint}", "seed", "draft", "src.txt", "-o", "other/hard.txt");
    }

    [Fact]
    public async Task Import_ktab_onto_its_own_table_is_refused()
    {
        // Before, the KTAB table was replaced by the world's YAML: "wrote k.csv: 26 actors, 1 topic, 26 positions", exit 0.
        Copy(SeedFiles.File("scenarios", "worlds", "ktab", "SOE-Policy.csv"), "k.csv");
        Copy(SeedFiles.File("scenarios", "worlds", "ktab", "SOE-Competitive.csv"), "c.csv");
        // The second of two tables is an input as much as the first.
        await Refused("summits import ktab: error: -o names the input file 'c.csv' itself; writing the world file there would replace it: name another file (see 'summits import ktab --help')",
            "import", "ktab", "k.csv", "c.csv", "-o", "c.csv");
    }

    [Fact]
    public async Task Export_ktab_onto_the_world_or_its_source_text_is_refused()
    {
        var (world, _) = BriefingFolder("brief", "readout.txt");
        await Refused("summits export ktab: error: -o names the input file 'brief/world.yaml' itself; writing the KTAB table there would replace it: name another file (see 'summits export ktab --help')",
            "export", "ktab", "brief/world.yaml", "-o", "brief/world.yaml");
        // The source text is read too: every quote of the world is checked against it as the world loads.
        await Refused($"summits export ktab: error: -o 'brief/readout.txt' names the input file '{Path.Combine(_folder, "brief", "readout.txt")}' itself; writing the KTAB table there would replace it: name another file (see 'summits export ktab --help')",
            "export", "ktab", world, "-o", "brief/readout.txt");
    }

    /// <summary>
    /// A folder holding the seeded world as world.yaml, its readout under <paramref name="sourceName"/> (the world's
    /// 'source:' changed to name it), and the baseline scenario as scenario.yaml on that world.
    /// </summary>
    private (string World, string Scenario) BriefingFolder(string folder, string sourceName)
    {
        Directory.CreateDirectory(Path.Combine(_folder, folder));
        Copy(SeedFiles.Source, Path.Combine(folder, sourceName));
        var world = Path.Combine(_folder, folder, "world.yaml");
        File.WriteAllText(world, File.ReadAllText(SeedFiles.World).Replace("source: ../sources/abe-trump-summit-2017-11-06.txt", $"source: {sourceName}"));
        var scenario = Path.Combine(_folder, folder, "scenario.yaml");
        File.WriteAllText(scenario, File.ReadAllText(SeedFiles.File("scenarios", "what-if", "baseline.yaml")).Replace("world: ../summits/2017-11-06-abe-trump.yaml", "world: world.yaml"));
        return (world, scenario);
    }

    // A readout kept as Markdown, report.md, beside its world: a report written into that folder would replace it, as
    // report.md is one of the files of a report's set (run, whatif and compare alike).
    private const string ReportHint = "a file that this output replaces there (or removes); name another folder, or move the input out of it";

    [Fact]
    public async Task Run_with_a_report_over_the_world_s_readout_is_refused_before_it_runs()
    {
        BriefingFolder("brief", "report.md");
        await Refused($"summits run: error: --report 'brief' holds the input file '{Path.Combine(_folder, "brief", "report.md")}' as report.md, {ReportHint} (see 'summits run --help')",
            "run", "brief/scenario.yaml", "--engine", "local", "--report", "brief");
    }

    [Fact]
    public async Task Whatif_with_a_report_over_the_world_s_readout_is_refused_before_it_runs()
    {
        BriefingFolder("brief", "report.md");
        await Refused($"summits whatif: error: --report 'brief' holds the input file '{Path.Combine(_folder, "brief", "report.md")}' as report.md, {ReportHint} (see 'summits whatif --help')",
            "whatif", "brief/scenario.yaml", "--runs", "2", "--engine", "local", "--report", "brief");
    }

    [Fact]
    public async Task Compare_with_a_report_over_a_side_s_readout_is_refused_before_it_runs()
    {
        BriefingFolder("brief", "report.md");
        var baseline = SeedFiles.File("scenarios", "what-if", "baseline.yaml");
        await Refused($"summits compare: error: --report 'brief' holds the input file '{Path.Combine(_folder, "brief", "report.md")}' as report.md, {ReportHint} (see 'summits compare --help')",
            "compare", baseline, "brief/scenario.yaml", "--engine", "local", "--report", "brief");
    }

    [Fact]
    public async Task A_world_run_whose_world_is_a_file_of_the_output_set_is_refused()
    {
        // JSON is YAML, so a world may be kept as state.json; -o writes a run's own state.json into that folder.
        Directory.CreateDirectory(Path.Combine(_folder, "w"));
        File.WriteAllText(Path.Combine(_folder, "w", "state.json"), File.ReadAllText(SeedFiles.World).Replace("source: ../sources/abe-trump-summit-2017-11-06.txt", "source: ../readout.txt"));
        Copy(SeedFiles.Source, "readout.txt");
        await Refused($"summits run: error: -o 'w' holds the input file 'w/state.json' as state.json, {ReportHint} (see 'summits run --help')",
            "run", "--world", "w/state.json", "--rounds", "1", "--engine", "local", "-o", "w");
    }

    [Fact]
    public async Task Run_telemetry_onto_the_scenario_is_refused()
    {
        var (_, scenario) = BriefingFolder("brief", "readout.txt");
        await Refused($"summits run: error: --telemetry names the input file '{scenario}' itself; writing the telemetry there would replace it: name another file (see 'summits run --help')",
            "run", scenario, "--engine", "local", "--telemetry", scenario);
    }

    [Fact]
    public async Task Exercise_graded_into_the_folder_of_its_answers_is_refused()
    {
        // The set of -o holds answers.yaml; graded from a complete answers file, the new set has no answers.yaml, so
        // before, the write removed the very answers it had just graded.
        Copy(SeedFiles.File("scenarios", "exercises", "answers", "trade-for-defence-jp.yaml"), Path.Combine("ex", "answers.yaml"));
        await Refused($"summits exercise: error: -o 'ex' holds the input file 'ex/answers.yaml' as answers.yaml, {ReportHint} (see 'summits exercise --help')",
            "exercise", SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"), "--answers", "ex/answers.yaml", "-o", "ex", "--engine", "local");
    }

    [Fact]
    public async Task Analyze_into_the_folder_of_its_telemetry_under_a_CSV_s_name_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "t"));
        File.WriteAllText(Path.Combine(_folder, "t", "topics.csv"), "{}\n");
        await Refused($"summits analyze: error: -o 't' holds the input file 't/topics.csv' as topics.csv, {ReportHint} (see 'summits analyze --help')",
            "analyze", "t/topics.csv", "-o", "t");
    }

    [Fact]
    public async Task A_new_file_beside_the_input_is_written()
    {
        // The refusal is of the input's own file only: a draft written beside it is made as before.
        Copy(SeedFiles.Source, "src.txt");
        var run = await SummitsProcess.RunInAsync(_folder, ["seed", "draft", "src.txt", "-o", "src.yaml", "-q"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("# A draft world drawn from src.txt", File.ReadAllText(Path.Combine(_folder, "src.yaml")));
        Assert.Equal(File.ReadAllText(SeedFiles.Source), File.ReadAllText(Path.Combine(_folder, "src.txt")));
    }

    private static readonly string Baseline = SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    // What one output would do to the other: the remedy that ends a clash of two folders.
    private const string TwoFolders = "one would replace the other: name two different folders";

    [Fact]
    public async Task Run_with_its_output_and_its_report_in_one_folder_is_refused_before_it_runs()
    {
        // The baseline is a bargaining run: -o writes timeline.jsonl, state.json and agreements.csv; --report writes
        // report.html, report.md, agreements.csv and trajectories.csv. Both write agreements.csv (before, the report's
        // replaced the run's, exit 0); the spatial-model CSVs, which both kinds may hold, neither writes. Also spelled ./X/.
        await Refused($"summits run: error: -o 'X' and --report 'X' are one folder, and both write agreements.csv there; {TwoFolders} (see 'summits run --help')",
            "run", Baseline, "--engine", "local", "-o", "X", "--report", "X");
        await Refused($"summits run: error: --output 'X' and --report './X/' are one folder, and both write agreements.csv there; {TwoFolders} (see 'summits run --help')",
            "run", Baseline, "--engine", "local", "--output", "X", "--report", "./X/");
    }

    [Fact]
    public async Task Run_telemetry_into_a_file_of_its_output_or_onto_its_folder_is_refused()
    {
        // timeline.jsonl is a file of -o's set, which the set's write replaced after the telemetry was written.
        await Refused("summits run: error: --telemetry 'X/timeline.jsonl' is timeline.jsonl in -o 'X', a file that -o writes there; one would replace the other: name a --telemetry file outside 'X', or name another folder for -o (see 'summits run --help')",
            "run", Baseline, "--engine", "local", "-o", "X", "--telemetry", "X/timeline.jsonl");
        // A telemetry file named as the folder -o writes into: one path cannot be both.
        await Refused("summits run: error: --telemetry 'X' is the folder that -o 'X' writes into; the file would stand where the folder must: name another --telemetry file (see 'summits run --help')",
            "run", Baseline, "--engine", "local", "-o", "X", "--telemetry", "X");
    }

    [Fact]
    public async Task Whatif_and_compare_with_output_and_report_in_one_folder_are_refused()
    {
        // whatif: results.json, agreements.csv, positions.csv, sensitivity.csv against report.html, report.md,
        // agreements.csv, positions.csv, sensitivity.csv: three in common.
        await Refused($"summits whatif: error: -o 'X' and --report 'X' are one folder, and both write agreements.csv, positions.csv and sensitivity.csv there; {TwoFolders} (see 'summits whatif --help')",
            "whatif", Baseline, "--runs", "2", "--engine", "local", "-o", "X", "--report", "X");
        // compare: comparison.json, agreements.csv, positions.csv against report.html, report.md, agreements.csv,
        // positions.csv: two in common.
        await Refused($"summits compare: error: -o 'X' and --report 'X' are one folder, and both write agreements.csv and positions.csv there; {TwoFolders} (see 'summits compare --help')",
            "compare", Baseline, Baseline, "--engine", "local", "-o", "X", "--report", "X");
        // A side that runs spatial-model turns (a scenario of model: smp) or holds them (a state.json with a forecast)
        // makes both sets write forecasts.csv as well: three in common.
        File.WriteAllText(Path.Combine(_folder, "smp.yaml"),
            $"format: 2\nscenario: smp\nworld: {SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml")}\nmodel: smp\nsteps:\n  - id: converge\n    rounds: 5\n");
        await Refused($"summits compare: error: -o 'X' and --report 'X' are one folder, and both write agreements.csv, positions.csv and forecasts.csv there; {TwoFolders} (see 'summits compare --help')",
            "compare", Baseline, "smp.yaml", "--engine", "local", "-o", "X", "--report", "X");
        File.WriteAllText(Path.Combine(_folder, "state.json"),
            """{"summits":"0.1.0","scenario":"s","about":"","world":"w","seed":0,"parameters":{},"events":0,"failures":0,"positions":[],"agreements":[],"analysis":[],"bargaining":[],"forecast":{"t":50}}""");
        await Refused($"summits compare: error: -o 'X' and --report 'X' are one folder, and both write agreements.csv, positions.csv and forecasts.csv there; {TwoFolders} (see 'summits compare --help')",
            "compare", "state.json", "state.json", "-o", "X", "--report", "X");
    }

    [Fact]
    public async Task Seed_telemetry_into_a_file_of_its_output_is_refused()
    {
        // seed's -o writes world.json and positions.csv.
        await Refused("summits seed: error: --telemetry 'X/world.json' is world.json in -o 'X', a file that -o writes there; one would replace the other: name a --telemetry file outside 'X', or name another folder for -o (see 'summits seed --help')",
            "seed", "-o", "X", "--telemetry", "X/world.json");
    }

    [Fact]
    public async Task What_a_command_prints_sent_into_a_file_of_its_output_is_refused()
    {
        // "summits run … -o X > X/state.json": the shell makes X/state.json (empty) before the run starts; the run's set
        // would then put its own state.json in its place, and the timeline printed into the replaced file would be
        // lost. The file the shell made is all there is afterwards.
        Directory.CreateDirectory(Path.Combine(_folder, "X"));
        var stateJson = Path.Combine(_folder, "X", "state.json");
        var run = await SummitsProcess.RunIntoFileAsync(_folder, "X/state.json", "run", Baseline, "--engine", "local", "--format", "json", "-o", "X");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"summits run: error: standard output '{stateJson}' is state.json in -o 'X', a file that -o writes there; one would replace the other: send standard output to a file outside 'X', or name another folder for -o (see 'summits run --help')\n", run.Error);
        Assert.Equal(["state.json"], Directory.GetFileSystemEntries(Path.Combine(_folder, "X")).Select(Path.GetFileName));
        Assert.Equal("", File.ReadAllText(stateJson));
        // The same for bench, whose figures printed as CSV would go into the bench.csv of its own -o set.
        var bench = await SummitsProcess.RunIntoFileAsync(_folder, "X/bench.csv", "bench", "--quick", "--format", "csv", "-o", "X");
        Assert.True(bench.ExitCode == 2, bench.ToString());
        Assert.StartsWith($"summits bench: error: standard output '{Path.Combine(_folder, "X", "bench.csv")}' is bench.csv in -o 'X'", bench.Error, StringComparison.Ordinal);
        // Sent beside the set, under a name it does not write, it is kept by the set's write: the run is made. The empty
        // state.json the shell made above goes first: no set wrote it, so the run would be refused for it (the user's file).
        File.Delete(stateJson);
        File.Delete(Path.Combine(_folder, "X", "bench.csv"));
        var beside = await SummitsProcess.RunIntoFileAsync(_folder, "X/printed.json", "run", Baseline, "--engine", "local", "--format", "json", "-q", "-o", "X");
        Assert.True(beside.ExitCode == 0, beside.ToString());
        Assert.True(File.Exists(Path.Combine(_folder, "X", "timeline.jsonl")));
        Assert.NotEqual("", File.ReadAllText(Path.Combine(_folder, "X", "printed.json")));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string existing,
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string link);
}
