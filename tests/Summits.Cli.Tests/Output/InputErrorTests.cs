using Summits.Tests;
using static Summits.Cli.Tests.ShippedFileLists;

namespace Summits.Cli.Tests;

/// <summary>
/// Every command that reads a file a person wrote says a mistake in it the same way: one line on standard
/// error with the file's place and the problem, nothing on standard output, exit code 2; and no stack trace,
/// even under <c>-v diag</c>.
/// </summary>
public sealed class InputErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-input-error-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A file named on the command line that does not exist is a mistake in an argument, said as every other one
    // (README, "A mistake in an argument"): summits COMMAND: error: no such file: PATH, with the path as given,
    // the pointer to the command's help, and exit code 2; and it is said before anything runs. The path of a
    // branch, FILE#BRANCH, is the part before the '#'. The folder here holds nothing, so the line names the files
    // shipped of the argument's kind (ShippedFileLists), none for a kind none is shipped of: a telemetry file, a file
    // to migrate. compare's sides take scenarios or a state.json, and the scenarios are what ship.
    [Theory]
    [InlineData("summits seed", "absent.yaml", "; the shipped world files: " + ShippedWorlds, "seed", "--world", "absent.yaml")]
    [InlineData("summits seed draft", "absent.txt", "; the shipped briefings: " + ShippedBriefings, "seed", "draft", "absent.txt")]
    [InlineData("summits run", "absent.yaml", "; the shipped scenario files: " + ShippedScenarios, "run", "absent.yaml")]
    [InlineData("summits run", "absent.yaml#press-fta", "; the shipped scenario files: " + ShippedScenarios, "run", "absent.yaml#press-fta")]
    [InlineData("summits run", "absent.yaml", "; the shipped world files: " + ShippedWorlds, "run", "--world", "absent.yaml")]
    [InlineData("summits whatif", "absent.yaml", "; the shipped scenario files: " + ShippedScenarios, "whatif", "absent.yaml")]
    [InlineData("summits compare", "absent.yaml", "; the shipped scenario files: " + ShippedScenarios, "compare", "absent.yaml", "other.yaml")]
    [InlineData("summits compare", "absent.json", "; the shipped scenario files: " + ShippedScenarios, "compare", "absent.json", "other.yaml")]
    [InlineData("summits export ktab", "absent.yaml", "; the shipped world files: " + ShippedWorlds, "export", "ktab", "absent.yaml")]
    [InlineData("summits import ktab", "absent.csv", "; the shipped KTAB tables: " + ShippedKtabTables, "import", "ktab", "absent.csv")]
    [InlineData("summits record", "absent.yaml", "; the shipped record files: " + ShippedRecords, "record", "absent.yaml")]
    [InlineData("summits analyze", "absent.jsonl", "", "analyze", "absent.jsonl")]
    [InlineData("summits migrate", "absent.yaml", "", "migrate", "absent.yaml")]
    [InlineData("summits exercise", "absent.yaml", "; the shipped exercise files: " + ShippedExercises, "exercise", "absent.yaml", "--answers", "answers.yaml")]
    public async Task A_missing_input_file_is_an_argument_error_naming_it_with_exit_code_2(string command, string path, string shipped, params string[] arguments)
    {
        var run = await SummitsProcess.RunInAsync(_folder, arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal($"{command}: error: no such file: {path}{shipped} (see '{command} --help')\n", run.Error);
    }

    // A file named in a folder that is not there either ("sub/" under the empty folder here): the line says the folder
    // is missing, then names the files shipped of the argument's kind, as a missing file in an empty folder does (the
    // theory above); nothing after the folder for a kind none is shipped of. Every command that reads a file is here.
    [Theory]
    [InlineData("summits seed", "sub/absent.yaml", "; the shipped world files: " + ShippedWorlds, "seed", "--world", "sub/absent.yaml")]
    [InlineData("summits seed draft", "sub/absent.txt", "; the shipped briefings: " + ShippedBriefings, "seed", "draft", "sub/absent.txt")]
    [InlineData("summits run", "sub/absent.yaml", "; the shipped scenario files: " + ShippedScenarios, "run", "sub/absent.yaml")]
    [InlineData("summits run", "sub/absent.yaml#press-fta", "; the shipped scenario files: " + ShippedScenarios, "run", "sub/absent.yaml#press-fta")]
    [InlineData("summits run", "sub/absent.yaml", "; the shipped world files: " + ShippedWorlds, "run", "--world", "sub/absent.yaml")]
    [InlineData("summits whatif", "sub/absent.yaml", "; the shipped scenario files: " + ShippedScenarios, "whatif", "sub/absent.yaml")]
    [InlineData("summits compare", "sub/absent.json", "; the shipped scenario files: " + ShippedScenarios, "compare", "sub/absent.json", "other.yaml")]
    [InlineData("summits export ktab", "sub/absent.yaml", "; the shipped world files: " + ShippedWorlds, "export", "ktab", "sub/absent.yaml")]
    [InlineData("summits import ktab", "sub/absent.csv", "; the shipped KTAB tables: " + ShippedKtabTables, "import", "ktab", "sub/absent.csv")]
    [InlineData("summits record", "sub/absent.yaml", "; the shipped record files: " + ShippedRecords, "record", "sub/absent.yaml")]
    [InlineData("summits analyze", "sub/absent.jsonl", "", "analyze", "sub/absent.jsonl")]
    [InlineData("summits migrate", "sub/absent.yaml", "", "migrate", "sub/absent.yaml")]
    [InlineData("summits exercise", "sub/absent.yaml", "; the shipped exercise files: " + ShippedExercises, "exercise", "sub/absent.yaml", "--answers", "answers.yaml")]
    [InlineData("summits classroom", "sub/absent.yaml", "; the shipped exercise files: " + ShippedExercises, "classroom", "sub/absent.yaml")]
    public async Task A_missing_input_file_in_a_missing_folder_says_so_and_names_the_shipped_files(string command, string path, string shipped, params string[] arguments)
    {
        var run = await SummitsProcess.RunInAsync(_folder, arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal($"{command}: error: no such file: {path}; the folder 'sub/' does not exist either{shipped} (see '{command} --help')\n", run.Error);
    }

    // A run's timeline.jsonl named as a side of compare was read as YAML ("this is not valid YAML: did not find expected
    // <document end>"); it is refused at its first line as what compare does not read, with what it reads, and the
    // state.json beside it is named, since that is the file of the run compare takes. Nothing is read from either file.
    [Fact]
    public async Task A_timeline_given_to_compare_says_what_compare_reads()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "out"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "out", "timeline.jsonl"), "{\"round\":1}\n{\"round\":2}\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "out", "state.json"), "{}\n");
        var run = await SummitsProcess.RunInAsync(_folder, ["compare", "out/timeline.jsonl", "out/state.json"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal("out/timeline.jsonl:1:1: compare reads a scenario file (.yaml or .yml, or FILE#BRANCH) or the state.json that 'summits run --out' writes, "
            + "not a .jsonl file; out/state.json is beside it\n", run.Error);
    }

    // With files of the same kind in the folder it names, the line says what could have been meant, closest first.
    [Fact]
    public async Task A_missing_scenario_names_the_YAML_files_in_its_folder_closest_first()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "what-if"));
        foreach (var file in new[] { "okinawa.yaml", "okinawa-friction.yaml", "okinawa-fiction.yaml", "readme.md" })
            await File.WriteAllTextAsync(Path.Combine(_folder, "what-if", file), "x: 1\n");
        var run = await SummitsProcess.RunInAsync(_folder, ["run", "what-if/okinawa-frction.yaml"]);

        // By hand, edits from "okinawa-frction.yaml": okinawa-friction.yaml 1 (insert i), okinawa-fiction.yaml 1 (r for
        // i), a tie kept in ordinal order (fi before fr); okinawa.yaml 8 (delete "-frction"); readme.md is not YAML.
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal("summits run: error: no such file: what-if/okinawa-frction.yaml; the YAML files there, closest first: what-if/okinawa-fiction.yaml, what-if/okinawa-friction.yaml and what-if/okinawa.yaml (see 'summits run --help')\n", run.Error);
    }

    // A name the typed stem stands for comes before the rest, whatever the edits: "nk" is the initials of
    // north-korea-line, and "abe" starts abe-trump. By hand, edits (OSA) from "nk.yaml": bilateral-fta.yaml 13 (no n or k
    // in "bilateral-fta": 2 substitutions and 11 insertions), north-korea-line.yaml 14 (n and k kept, 14 insertions),
    // trade-for-defence.yaml 16 (n kept, k substituted, 15 insertions); so by edits alone bilateral-fta came first.
    // From "abe.yaml": other.yml 5 (a→o, b→t, insert h, keep e, insert r, delete the a of "yaml"), abe-trump.yaml 6
    // (insert "-trump"); so by edits alone other.yml came first.
    [Theory]
    [InlineData("exercises/nk.yaml", "exercises", new[] { "bilateral-fta.yaml", "north-korea-line.yaml", "trade-for-defence.yaml" },
        "exercises/north-korea-line.yaml, exercises/bilateral-fta.yaml and exercises/trade-for-defence.yaml")]
    [InlineData("summits/abe.yaml", "summits", new[] { "other.yml", "abe-trump.yaml" }, "summits/abe-trump.yaml and summits/other.yml")]
    public async Task A_missing_file_names_first_the_files_its_stem_stands_for(string typed, string folder, string[] files, string expected)
    {
        Directory.CreateDirectory(Path.Combine(_folder, folder));
        foreach (var file in files)
            await File.WriteAllTextAsync(Path.Combine(_folder, folder, file), "x: 1\n");
        var run = await SummitsProcess.RunInAsync(_folder, ["run", typed]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"summits run: error: no such file: {typed}; the YAML files there, closest first: {expected} (see 'summits run --help')\n", run.Error);
    }

    // analyze reads its telemetry files itself: one that is missing when it is read is said with the telemetry
    // files of its folder, closest first, as every other command says a missing file. By hand, edits from
    // "run-telemtry.jsonl": run-telemetry.jsonl 1 (insert e), a.jsonl 12 (delete "run-telemtry", insert a: 11 + 1,
    // or substitute one and delete 11); notes.txt is not telemetry.
    [Fact]
    public void Analyze_of_a_missing_telemetry_file_names_those_in_its_folder_closest_first()
    {
        foreach (var file in new[] { "a.jsonl", "run-telemetry.jsonl", "notes.txt" })
            File.WriteAllText(Path.Combine(_folder, file), "");
        var missing = Path.Combine(_folder, "run-telemtry.jsonl");

        var error = Assert.Throws<Summits.Scenarios.InputException>(() => Summits.Cli.Commands.AnalyzeCommand.Run([missing], null, TextWriter.Null, TextWriter.Null));

        Assert.Equal($"no such file; expected a telemetry file written by 'summits ... --telemetry FILE.jsonl'; the .jsonl files there, closest first: {Path.Combine(_folder, "run-telemetry.jsonl")} and {Path.Combine(_folder, "a.jsonl")}", error.Problem);
    }

    [Fact]
    public async Task A_missing_answers_file_is_an_argument_error_naming_it_with_exit_code_2()
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["exercise", SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"), "--answers", "absent.yaml"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal("summits exercise: error: no such file: absent.yaml (see 'summits exercise --help')\n", run.Error);
    }

    // A mistake in a file is the user's, not the program's: -v diag adds the time and memory line that
    // ends every command under it, and no stack trace.
    [Fact]
    public async Task Under_diagnostic_verbosity_a_mistake_in_a_file_has_no_stack_trace()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.yaml"), "format: 2\nscenario: bad\nsteps: 3\n");
        var run = await SummitsProcess.RunInAsync(_folder, ["run", "bad.yaml", "-v", "diag"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("bad.yaml:", lines[0]);
        Assert.Matches(@"^summits run: exit 2 after \d+\.\d\d s; peak working set \d+ MiB", lines[1]);
    }
}
