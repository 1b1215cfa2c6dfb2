using Summits.Tests;

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

    // A file that does not exist has no text to point into, so the place is line 1, column 1, and each
    // loader names the kind of file it expected. The path is as given, relative to the working folder.
    [Theory]
    [InlineData("absent.yaml:1:1: no such world file", "seed", "--world", "absent.yaml")]
    [InlineData("absent.txt:1:1: no such briefing file", "seed", "draft", "absent.txt")]
    [InlineData("absent.yaml:1:1: no such scenario file", "run", "absent.yaml")]
    [InlineData("absent.yaml:1:1: no such scenario file", "whatif", "absent.yaml")]
    [InlineData("absent.yaml:1:1: no such scenario file", "compare", "absent.yaml", "other.yaml")]
    [InlineData("absent.json:1:1: no such state file", "compare", "absent.json", "other.yaml")]
    [InlineData("absent.yaml:1:1: no such world file", "export", "ktab", "absent.yaml")]
    [InlineData("absent.csv:1:1: no such table file", "import", "ktab", "absent.csv")]
    [InlineData("absent.yaml:1:1: no such record file", "record", "absent.yaml")]
    [InlineData("absent.jsonl:1:1: no such file; expected a telemetry file written by 'summits ... --telemetry FILE.jsonl'", "analyze", "absent.jsonl")]
    [InlineData("absent.yaml:1:1: no such exercise file", "exercise", "absent.yaml", "--answers", "answers.yaml")]
    public async Task A_missing_input_file_is_one_line_naming_it_with_exit_code_2(string line, params string[] arguments)
    {
        var run = await SummitsProcess.RunInAsync(_folder, arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal(line + "\n", run.Error);
    }

    [Fact]
    public async Task A_missing_answers_file_is_one_line_naming_it_with_exit_code_2()
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["exercise", SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"), "--answers", "absent.yaml"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal("absent.yaml:1:1: no such answers file\n", run.Error);
    }

    // migrate names the full path it looked for: the working folder joined with the name given.
    [Fact]
    public async Task A_missing_file_to_migrate_names_where_it_was_looked_for()
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["migrate", "absent.yaml"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal($"absent.yaml:1:1: the world or scenario file 'absent.yaml' does not exist (looked for {Path.Combine(_folder, "absent.yaml")})\n", run.Error);
    }

    // A mistake in a file is the user's, not the program's: -v diag adds the time and memory line that
    // ends every command under it, and no stack trace.
    [Fact]
    public async Task Under_diagnostic_verbosity_a_mistake_in_a_file_has_no_stack_trace()
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["run", "absent.yaml", "-v", "diag"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("absent.yaml:1:1: no such scenario file", lines[0]);
        Assert.Matches(@"^summits run: exit 2 after \d+\.\d\d s; peak working set \d+ MB", lines[1]);
    }
}
