namespace Summits.Cli.Tests;

/// <summary><c>summits migrate</c> run as a user runs it: the file rewritten, what changed printed, exit codes kept.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "summits-cli-tests", Guid.NewGuid().ToString("N"));

    public MigrateCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string FormatOneWorld() =>
        Write("w.yaml", "# a world\nworld: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5 }\n  - { id: B, name: B, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n");

    [Fact]
    public async Task A_format_1_world_is_rewritten_with_its_format_and_loads_without_a_note()
    {
        var world = FormatOneWorld();
        var migrate = await SummitsProcess.RunAsync("migrate", world);

        Assert.Equal(0, migrate.ExitCode);
        // 'format: 2' goes before the first key, 'world' on line 2, after the comment.
        Assert.Equal($"{world}: format 1 → 2\n  line 2: added 'format: 2'\n", migrate.Output.ReplaceLineEndings("\n"));
        Assert.StartsWith("# a world\nformat: 2\nworld: w\n", File.ReadAllText(world));

        var again = await SummitsProcess.RunAsync("migrate", world);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal($"{world}: already format 2; nothing to change\n", again.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Check_says_what_would_change_writes_nothing_and_exits_1()
    {
        var world = FormatOneWorld();
        var before = File.ReadAllText(world);
        var check = await SummitsProcess.RunAsync("migrate", "--check", world);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("(not written: --check)", check.Output);
        Assert.Equal(before, File.ReadAllText(world));
    }

    [Fact]
    public async Task A_format_1_scenario_runs_with_a_one_line_note_on_standard_error()
    {
        FormatOneWorld();
        var migrate = await SummitsProcess.RunAsync("migrate", Path.Combine(_folder, "w.yaml"));
        Assert.Equal(0, migrate.ExitCode);
        var scenario = Write("s.yaml", "scenario: s\nworld: w.yaml\nsteps:\n  - rounds: 1\n");
        var run = await SummitsProcess.RunAsync("run", scenario, "--engine", "local");
        Assert.Equal(0, run.ExitCode);
        var note = Assert.Single(run.Error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"note: {scenario} is format 1", note);
    }

    [Fact]
    public async Task A_file_that_is_neither_a_world_nor_a_scenario_exits_2_and_is_left_alone()
    {
        var other = Write("x.yaml", "title: nothing\n");
        var migrate = await SummitsProcess.RunAsync("migrate", other);
        Assert.Equal(2, migrate.ExitCode);
        Assert.StartsWith($"{other}:1:1: this is neither a world file", migrate.Error);
        Assert.Equal("title: nothing\n", File.ReadAllText(other));
    }
}
