using Summits.Tests;
using static Summits.Cli.Tests.ShippedFileLists;

namespace Summits.Cli.Tests;

/// <summary>
/// A path such as <c>scenarios/exercises/trade-for-defence.yaml</c>, typed in a folder that holds no <c>scenarios/</c>
/// (as the installed tool is run), is read from the shipped folder beside the program, and everything that names the
/// file says it as it was typed: an error's FILE:LINE:COLUMN, a branch's refusal, the grading's answers column, the
/// files a misspelt name could mean. Where a test says so, each run is made twice, from an empty folder and from the
/// program's own folder, where the same path names the file here as it does at the repository's root, and the two must
/// say the same, byte for byte.
/// </summary>
public sealed class BesideTheProgramTests : IDisposable
{
    /// <summary>The folder each run starts in: empty, so no scenarios/ here, and the shipped one beside the program is read.</summary>
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-beside-").FullName;

    /// <summary>A folder of the test's own beside the program, for files that name other files; made by the tests that need it.</summary>
    private readonly string _beside = $"beside-{Guid.NewGuid():N}";

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        var beside = Path.Combine(AppContext.BaseDirectory, _beside);
        if (Directory.Exists(beside))
            Directory.Delete(beside, recursive: true);
    }

    /// <summary>
    /// Runs the program from the empty folder and from its own folder, asserts that both say the same (exit code, standard
    /// output and standard error), and returns the run from the empty folder.
    /// </summary>
    private async Task<SummitsRun> RunBothAsync(params string[] arguments)
    {
        var elsewhere = await SummitsProcess.RunInAsync(_folder, arguments);
        var here = await SummitsProcess.RunInAsync(AppContext.BaseDirectory, arguments);
        Assert.Equal(here.ToString(), elsewhere.ToString());
        return elsewhere;
    }

    // The grading's second column is the answers file as typed: the shipped one by its path under scenarios/, not the
    // program's folder joined to it, and a file of the user's own (a copy of it here) by its own name. The rows are
    // those of the sample's play, worked in ExercisePlayTests: procurement at 80 is 0.2 of the way, 2 points; trade at 55
    // none, 0; the trade-deal prediction 5; procurement-end |65 − 60.9942| = 4.0058, no full step of 5, 10; total 17. The
    // last working holds a comma, so it is quoted (RFC 4180). -o writes the same rows into grading.csv after a UTF-8
    // byte order mark, and says where on standard error.
    [Theory]
    [InlineData("scenarios/exercises/answers/trade-for-defence-jp.yaml")]
    [InlineData("mine.yaml")]
    public async Task The_grading_names_the_answers_file_as_typed_wherever_it_was_read_from(string answers)
    {
        File.Copy(SeedFiles.File("scenarios", "exercises", "answers", "trade-for-defence-jp.yaml"), Path.Combine(_folder, "mine.yaml"));
        string[] play = ["exercise", "scenarios/exercises/trade-for-defence.yaml", "--answers", answers, "--engine", "local"];
        var grading = string.Join("", new[]
        {
            "exercise,answers,role,kind,item,points,working",
            $"trade-for-defence,{answers},JP,agreement,r3-JP-1/defense-procurement,2,defense-procurement agreed at 80: (80 − 85) / (60 − 85) = 0.2 of the way from your reservation value to your start; 0.2 × 10 × priority 1 = 2",
            $"trade-for-defence,{answers},JP,agreement,r3-JP-1/trade-imbalance,0,trade-imbalance agreed at 55: (55 − 55) / (25 − 55) = 0 of the way from your reservation value to your start; 0 × 10 × priority 2 = 0",
            $"trade-for-defence,{answers},JP,prediction,trade-deal,5,'yes' is what the simulation did: 5",
            $"trade-for-defence,{answers},JP,prediction,procurement-end,10,\"|65 − 60.9942| = 4.0058, 0 full step(s) of 5: 10 − 0 = 10\"",
            $"trade-for-defence,{answers},JP,total,,17,",
        }.Select(line => line + "\n"));

        var printed = await SummitsProcess.RunInAsync(_folder, [.. play, "--format", "csv"]);
        var written = await SummitsProcess.RunInAsync(_folder, [.. play, "--format", "csv", "-o", "g1"]);

        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Equal(grading, printed.Output);
        Assert.Equal("", printed.Error);
        Assert.True(written.ExitCode == 0, written.ToString());
        // Decoded as bytes, so that the byte order mark is kept as U+FEFF (File.ReadAllText would drop it).
        Assert.Equal("\uFEFF" + grading, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(_folder, "g1", "grading.csv"))));
        Assert.Equal("wrote grading.csv to g1\n", written.Error);
    }

    // A shipped file of another kind is refused at its place, said as typed, both where the kind is named and in the
    // command that takes it (FileKind.UseOf). The places, counted in the files:
    // baseline.yaml's lines 1 to 17 are comments, so its mapping, where its kind is said, starts at 18:1;
    // trade-for-defence.yaml's lines 1 to 5 are, so 6:1; bilateral-fta-us.yaml's line 3 is 'answers: bilateral-fta',
    // whose value starts at column 10. A branch's refusal names the scenario as typed: baseline has no fork;
    // us-fta-press-or-package forks into press-fta then offer-package, in the file's order.
    [Theory]
    [InlineData("summits classroom: error: scenarios/what-if/baseline.yaml:18:1: this is a scenario file, not an exercise file; summits run scenarios/what-if/baseline.yaml runs it",
        "classroom", "scenarios/what-if/baseline.yaml")]
    [InlineData("scenarios/exercises/trade-for-defence.yaml:6:1: this is an exercise file, not a scenario file; summits exercise scenarios/exercises/trade-for-defence.yaml plays it",
        "run", "scenarios/exercises/trade-for-defence.yaml", "--engine", "local")]
    [InlineData("scenarios/what-if/baseline.yaml:18:1: this is a scenario file, not a record file; summits run scenarios/what-if/baseline.yaml runs it",
        "record", "scenarios/what-if/baseline.yaml")]
    [InlineData("scenarios/what-if/baseline.yaml:18:1: this is a scenario file, not an exercise file; summits run scenarios/what-if/baseline.yaml runs it",
        "exercise", "scenarios/what-if/baseline.yaml", "--answers", "scenarios/exercises/answers/trade-for-defence-jp.yaml")]
    [InlineData("scenarios/exercises/answers/bilateral-fta-us.yaml:3:10: these answers are to the exercise 'bilateral-fta', not 'trade-for-defence'",
        "exercise", "scenarios/exercises/trade-for-defence.yaml", "--answers", "scenarios/exercises/answers/bilateral-fta-us.yaml", "--engine", "local")]
    [InlineData("summits run: error: scenarios/what-if/baseline.yaml has no fork, so no branch 'nobranch'; run it without --branch or '#nobranch' (see 'summits run --help')",
        "run", "scenarios/what-if/baseline.yaml#nobranch", "--engine", "local")]
    [InlineData("summits whatif: error: no branch 'nope' in the fork of scenarios/what-if/us-fta-press-or-package.yaml; its branches are press-fta and offer-package (see 'summits whatif --help')",
        "whatif", "scenarios/what-if/us-fta-press-or-package.yaml", "--branch", "nope", "--engine", "local")]
    public async Task A_mistake_in_a_shipped_file_names_it_as_typed(string line, params string[] arguments)
    {
        var run = await RunBothAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(line + "\n", run.Error);
    }

    // A name that is not there, whose folder is the shipped one, is set against that folder's files, closest first, as it
    // is where that folder is here: trade-for-defense.yaml is 1 edit from trade-for-defence.yaml (s → c), 12 from
    // north-korea-line.yaml and 14 from bilateral-fta.yaml (Levenshtein, counted by program), and none of their names
    // holds 'trade-for-defense'; abe.yaml stands for 2017-11-06-abe-trump.yaml, which holds 'abe'; after.yaml for
    // after-the-summit.yaml; abe.txt for the one .txt file in scenarios/sources (readouts/ is a folder). A shipped folder
    // named where a file is expected is said to be one, with its YAML files in ordinal order, which are the shipped
    // scenarios (ShippedFileLists).
    [Theory]
    [InlineData("summits exercise: error: no such file: scenarios/exercises/trade-for-defense.yaml; the YAML files there, closest first: "
        + "scenarios/exercises/trade-for-defence.yaml, scenarios/exercises/north-korea-line.yaml and scenarios/exercises/bilateral-fta.yaml (see 'summits exercise --help')",
        "exercise", "scenarios/exercises/trade-for-defense.yaml")]
    [InlineData("summits run: error: no such file: scenarios/summits/abe.yaml; the YAML files there, closest first: scenarios/summits/2017-11-06-abe-trump.yaml (see 'summits run --help')",
        "run", "--world", "scenarios/summits/abe.yaml")]
    [InlineData("summits record: error: no such file: scenarios/record/after.yaml; the YAML files there, closest first: scenarios/record/after-the-summit.yaml (see 'summits record --help')",
        "record", "scenarios/record/after.yaml")]
    [InlineData("summits seed draft: error: no such file: scenarios/sources/abe.txt; the .txt files there, closest first: scenarios/sources/abe-trump-summit-2017-11-06.txt (see 'summits seed draft --help')",
        "seed", "draft", "scenarios/sources/abe.txt")]
    [InlineData("summits run: error: 'scenarios/what-if' is a folder, not a scenario file; the YAML files in it: " + ShippedScenarios + " (see 'summits run --help')",
        "run", "scenarios/what-if")]
    public async Task A_name_not_in_a_shipped_folder_is_set_against_its_files_as_in_the_repository(string line, params string[] arguments)
    {
        var run = await RunBothAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(line + "\n", run.Error);
    }

    // migrate reads the shipped scenario where the other commands do: line 18 of baseline.yaml is 'format: 2', so there is
    // nothing to change, said with the file as typed.
    [Fact]
    public async Task Migrate_reads_a_shipped_file_and_says_it_as_typed()
    {
        var run = await RunBothAsync("migrate", "scenarios/what-if/baseline.yaml", "--check");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("scenarios/what-if/baseline.yaml: already format 2; nothing to change\n", run.Output);
        Assert.Equal("", run.Error);
    }

    // import ktab reads a shipped table where the other commands do; the world it prints is the one it prints from the
    // program's folder (RunBothAsync), and like every world file starts with its format.
    [Fact]
    public async Task Import_ktab_reads_a_shipped_table()
    {
        var run = await RunBothAsync("import", "ktab", "scenarios/worlds/ktab/dummyData_3Dim.csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("format: 2\n", run.Output, StringComparison.Ordinal);
    }

    // seed draft reads a shipped readout where the other commands do. The draft's 'source' is what its loader follows
    // from the draft's folder, so it leads to the file read: from this folder to the readout beside the program.
    [Fact]
    public async Task Seed_draft_reads_a_shipped_readout_and_its_draft_leads_to_it()
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["seed", "draft", "scenarios/sources/readouts/uk-pm-biden-2024-07-10.txt", "-o", "draft.yaml", "-v", "quiet"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var source = Path.GetRelativePath(_folder, Path.Combine(AppContext.BaseDirectory, "scenarios", "sources", "readouts", "uk-pm-biden-2024-07-10.txt"));
        Assert.Contains($"\nsource: {source}\n", await File.ReadAllTextAsync(Path.Combine(_folder, "draft.yaml")), StringComparison.Ordinal);
    }

    // A file beside the program names another beside it (a scenario its world): that one is said by its path from the
    // program's folder, as from a folder that holds both. broken.yaml names 'world: world.yaml' on line 3, whose value
    // starts at column 8; world.yaml's 'format: 3' has its value at line 1, column 9, and format 3 is newer than the
    // format 2 this Summits reads.
    [Fact]
    public async Task A_file_named_by_a_file_beside_the_program_is_said_from_there()
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, _beside)).FullName;
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), "format: 2\nscenario: broken\nworld: world.yaml\nsteps:\n  - rounds: 1\n");
        File.WriteAllText(Path.Combine(folder, "world.yaml"), "format: 3\nworld: w\n");

        var run = await RunBothAsync("run", $"{_beside}/broken.yaml", "--engine", "local");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{_beside}/world.yaml:1:9: this world is written in format 3, newer than this Summits reads (format 2); use a newer Summits; "
            + $"in world world.yaml (from scenario {_beside}/broken.yaml:3:8)\n", run.Error);
    }

    // A failed expectation and the format-1 note name a scenario read from beside the program as typed. wrong.yaml has no
    // 'format', so it is format 1; its expect step is on line 4, "  - expect:", whose key starts at column 5; the seeded
    // world holds no agreement on bilateral-fta and a run of no steps makes none, so the expectation fails (exit 1).
    // -v quiet says the failure alone on standard error; the normal level adds the note, which names the file twice.
    [Fact]
    public async Task A_failed_expectation_and_the_format_note_name_a_scenario_beside_the_program_as_typed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, _beside)).FullName;
        File.WriteAllText(Path.Combine(folder, "wrong.yaml"),
            "scenario: wrong\nworld: ../scenarios/summits/2017-11-06-abe-trump.yaml\nsteps:\n  - expect:\n      agreement: { topic: bilateral-fta }\n");
        var scenario = $"{_beside}/wrong.yaml";

        var quiet = await RunBothAsync("run", scenario, "--engine", "local", "-v", "quiet");
        var normal = await RunBothAsync("run", scenario, "--engine", "local", "--format", "json");

        Assert.Equal(1, quiet.ExitCode);
        Assert.Equal($"FAILED {scenario}:4:5: expected an agreement on bilateral-fta: no such agreement on bilateral-fta\n", quiet.Error);
        Assert.Equal(1, normal.ExitCode);
        Assert.Contains($"note: {scenario} is format 1 (it has no 'format: 2');", normal.Error, StringComparison.Ordinal);
        Assert.Contains($"'summits migrate {scenario}' marks it format 2", normal.Error, StringComparison.Ordinal);
    }
}
