using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A path named on the command line that is no file to read (a folder, a device) is a mistake on the command line,
/// said as <c>summits COMMAND: error: …</c>, never as <c>PATH:1:1:</c>, a place in a file it is not; a folder is said
/// with the files in it that the command takes, so that the state.json a run's folder holds is named for compare.
/// A world that another file names and that holds no mapping is said at its own place and at the naming one.
/// </summary>
public sealed class CommandLineFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-command-line-file-").FullName;

    public CommandLineFileTests()
    {
        // The folder 'summits run -o runb' writes: its three files.
        Directory.CreateDirectory(Path.Combine(_folder, "runb"));
        foreach (var name in new[] { "timeline.jsonl", "state.json", "agreements.csv" })
            File.WriteAllText(Path.Combine(_folder, "runb", name), "");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<SummitsRun> Run(params string[] arguments) => SummitsProcess.RunInAsync(_folder, arguments);

    [Fact]
    public async Task Compare_on_the_folders_run_writes_names_their_state_json()
    {
        // The example: both sides the folder of a run. Its one YAML or JSON file is state.json, which compare takes.
        var run = await Run("compare", "runb", "runb");

        Assert.Equal((2, "", "summits compare: error: 'runb' is a folder, not a scenario file or state.json; the YAML or JSON files in it: runb/state.json (see 'summits compare --help')\n"),
            (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
    }

    public static TheoryData<string[], string> Folders() => new()
    {
        // runb holds agreements.csv, state.json and timeline.jsonl (the constructor), in that ordinal order; each
        // command lists those of the kinds it takes, or says it holds none.
        { ["run", "runb"], "summits run: error: 'runb' is a folder, not a scenario file; it holds no YAML file (see 'summits run --help')" },
        { ["run", "runb#press-fta"], "summits run: error: 'runb' is a folder, not a scenario file; it holds no YAML file (see 'summits run --help')" },
        { ["run", "--world", "runb"], "summits run: error: 'runb' is a folder, not a world file; it holds no YAML file (see 'summits run --help')" },
        { ["whatif", "runb"], "summits whatif: error: 'runb' is a folder, not a scenario file; it holds no YAML file (see 'summits whatif --help')" },
        { ["compare", "BASELINE", "runb/"], "summits compare: error: 'runb/' is a folder, not a scenario file or state.json; the YAML or JSON files in it: runb/state.json (see 'summits compare --help')" },
        { ["seed", "--world", "runb"], "summits seed: error: 'runb' is a folder, not a world file; it holds no YAML file (see 'summits seed --help')" },
        { ["export", "ktab", "runb"], "summits export ktab: error: 'runb' is a folder, not a world file; it holds no YAML file (see 'summits export ktab --help')" },
        { ["migrate", "runb"], "summits migrate: error: 'runb' is a folder, not a world or scenario file; it holds no YAML file (see 'summits migrate --help')" },
        { ["record", "runb"], "summits record: error: 'runb' is a folder, not a record file; it holds no YAML file (see 'summits record --help')" },
        { ["analyze", "runb"], "summits analyze: error: 'runb' is a folder, not a telemetry file; the JSONL files in it: runb/timeline.jsonl (see 'summits analyze --help')" },
        { ["import", "ktab", "runb"], "summits import ktab: error: 'runb' is a folder, not a KTAB table; the CSV files in it: runb/agreements.csv (see 'summits import ktab --help')" },
        // A readout may have any name, so every file is listed.
        { ["seed", "draft", "runb"], "summits seed draft: error: 'runb' is a folder, not a briefing file; the files in it: runb/agreements.csv, runb/state.json and runb/timeline.jsonl (see 'summits seed draft --help')" },
        { ["exercise", "runb"], "summits exercise: error: 'runb' is a folder, not an exercise file; it holds no YAML file (see 'summits exercise --help')" },
        { ["exercise", "EXERCISE", "--answers", "runb"], "summits exercise: error: 'runb' is a folder, not an answers file; it holds no YAML file (see 'summits exercise --help')" },
        // A device is said as what it is, on the command line too.
        { ["run", "/dev/zero"], "summits run: error: the scenario file '/dev/zero' is a character device, not a regular file; name a file on disk (see 'summits run --help')" },
        { ["analyze", "/dev/null"], "summits analyze: error: the telemetry file '/dev/null' is a character device, not a regular file; name a file on disk (see 'summits analyze --help')" },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task A_folder_or_device_on_the_command_line_is_a_command_line_error(string[] arguments, string expected)
    {
        var run = await Run([.. arguments.Select(a => a switch
        {
            "BASELINE" => SeedFiles.File("scenarios", "what-if", "baseline.yaml"),
            "EXERCISE" => SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"),
            _ => a,
        })]);

        Assert.Equal((2, "", expected + "\n"), (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task A_scenarios_world_that_holds_no_mapping_is_said_at_both_places()
    {
        // A world file that holds a list of two items, no mapping. The world line is line 3, and its value starts
        // after "world: ", at column 8.
        File.WriteAllText(Path.Combine(_folder, "list.yaml"), "- a\n- b\n");
        var scenario = Path.Combine(_folder, "on-list.yaml");
        File.WriteAllText(scenario, "format: 2\nscenario: list-world\nworld: list.yaml\nsteps:\n  - id: bargain\n    rounds: 1\n");

        var run = await Run("run", scenario, "--engine", "local", "-q");

        Assert.Equal((2, "", $"{Path.Combine(_folder, "list.yaml")}:1:1: the file holds a list of 2 items at its top; expected a mapping of keys to values, such as 'key: value'; this is the world file named at {scenario}:3:8\n"),
            (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task A_scenarios_empty_world_is_said_at_both_places()
    {
        // An empty world.yaml beside the scenario; the world line is line 3, its value at column 8.
        File.WriteAllText(Path.Combine(_folder, "empty.yaml"), "");
        var scenario = Path.Combine(_folder, "on-empty.yaml");
        File.WriteAllText(scenario, "format: 2\nscenario: on-empty\nworld: empty.yaml\nsteps:\n  - id: bargain\n    rounds: 1\n");

        var run = await Run("run", scenario, "--engine", "local", "-q");

        Assert.Equal((2, "", $"{Path.Combine(_folder, "empty.yaml")}:1:1: the file is empty (0 bytes); expected a mapping of keys to values, such as 'key: value'; this is the world file named at {scenario}:3:8\n"),
            (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
    }

    [Theory]
    // A world file of one comment: said to hold only a comment, at the '#' (1:1), not to be empty.
    [InlineData("# the world goes here\n", 1, 1, "the file holds only a comment; expected a mapping of keys to values, such as 'key: value', after it")]
    // Blank lines, then two comments, the first indented by two spaces: at the first comment, line 2, column 3.
    [InlineData("\n  # one\n\n# two", 2, 3, "the file holds only comments (2 lines) and blank lines; expected a mapping of keys to values, such as 'key: value', after them")]
    // Only blank lines, spaces in one of them: nothing to point at but the start. Three lines: the text ends in a line
    // end, which opens no fourth.
    [InlineData("\n   \n\n", 1, 1, "the file holds only 3 blank lines; expected a mapping of keys to values, such as 'key: value'")]
    public void A_world_of_comments_or_blank_lines_is_said_to_hold_them_not_to_be_empty(string text, int line, int column, string problem)
    {
        var world = Path.Combine(_folder, "comments.yaml");
        File.WriteAllText(world, text);

        var error = Assert.Throws<InputException>(() => WorldFile.Load(world));

        Assert.Equal($"{world}:{line}:{column}: {problem}", error.Message);
    }

    [Fact]
    public void A_world_named_on_the_command_line_that_holds_no_mapping_is_said_at_its_own_place_alone()
    {
        // Named by no other file, there is no second place to say.
        var world = Path.Combine(_folder, "list.yaml");
        File.WriteAllText(world, "- a\n- b\n");

        var error = Assert.Throws<InputException>(() => WorldFile.Load(world));

        Assert.Equal($"{world}:1:1: the file holds a list of 2 items at its top; expected a mapping of keys to values, such as 'key: value'", error.Message);
    }

    [Theory]
    // A bare '---' at the end (a leading one or not), several, one followed by a comment or by the end marker '...':
    // each trailing document holds nothing, and the file is its first document.
    [InlineData("a: 1\n---\n")]
    [InlineData("---\na: 1\n---\n")]
    [InlineData("a: 1\n---")]
    [InlineData("a: 1\n---\n---\n")]
    [InlineData("a: 1\n---\n# nothing more\n")]
    [InlineData("a: 1\n---\n...\n")]
    public void An_empty_trailing_document_is_let_through(string text)
    {
        var root = YamlDocument.LoadMapping("t.yaml", text);

        Assert.Equal(["a"], root.Children.Keys.Select(k => k.ToString()));
    }

    [Theory]
    // A second document with anything in it is refused at its '---': line 2 in each but the third, where the first
    // trailing '---' is empty and the second (line 3) starts the content.
    [InlineData("a: 1\n---\nb: 2\n", 2)]
    [InlineData("a: 1\n--- ''\n", 2)]
    [InlineData("a: 1\n---\n---\nb: 2\n", 3)]
    [InlineData("a: 1\n--- ~\n", 2)]
    [InlineData("a: 1\n---\n- x\n", 2)]
    public void A_second_document_with_content_is_still_refused(string text, int line)
    {
        var error = Assert.Throws<InputException>(() => YamlDocument.LoadMapping("t.yaml", text));

        Assert.Equal($"t.yaml:{line}:1: a second YAML document starts here; a Summits file holds one document: remove this '---' and what follows it, or move that into a file of its own", error.Message);
    }
}
