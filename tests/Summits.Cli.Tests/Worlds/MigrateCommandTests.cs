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
        Assert.StartsWith($"summits run: note: {scenario} is format 1", note);
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

    private const string Briefing = "Opening\n\nAbe: We will talk about the plan.\n\nTrump: Good.\n";

    /// <summary>
    /// A format-1 world whose one position quotes Abe's own line (line 3 of the briefing) as a joint one, so that it
    /// is refused at that quote as it is and would be as migrated. Its strategy 'tit-for-tat' stands before the quote
    /// on the same line, so migrating it moves the quote 9 characters right ("relative-"), and 'format: 2' added
    /// above moves it one line down.
    /// </summary>
    private string MisquotingWorld() =>
        Write("w.yaml", "world: w\ntitle: W\nsource: briefing.txt\nactors:\n  - { id: A, name: A, speaker: Abe, capability: 0.5 }\n" +
            "  - { id: B, name: B, speaker: Trump, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\npositions:\n" +
            "  - { actor: A, topic: t, value: 60, salience: 0.5, strategy: tit-for-tat, speaker: both, kind: joint, quotes: [\"We will talk about the plan.\"] }\n");

    // On disk the quote stands on line 10 (world, title, source, actors, A, B, topics, t, positions, then A's
    // position); on that line "  - { actor: A, topic: t, value: 60, salience: 0.5, strategy: tit-for-tat, speaker:
    // both, kind: joint, quotes: [" is 112 characters, so its opening '"' is at column 113. In the migrated text it
    // would be line 11, column 122: the place the error must not give.
    [Fact]
    public async Task A_file_migrate_cannot_mend_is_refused_at_its_place_on_disk_and_left_alone()
    {
        Write("briefing.txt", Briefing);
        var world = MisquotingWorld();
        var before = File.ReadAllText(world);
        var migrate = await SummitsProcess.RunAsync("migrate", world);
        Assert.Equal(2, migrate.ExitCode);
        Assert.StartsWith($"{world}:10:113: this quote stands on line 3 of ", migrate.Error);
        Assert.Equal(before, File.ReadAllText(world));

        // Loaded as it is, the file is refused at the same place.
        var load = await SummitsProcess.RunAsync("run", "--world", world, "--engine", "local");
        Assert.Equal(2, load.ExitCode);
        Assert.Contains($"{world}:10:113: this quote stands on line 3 of ", load.Error);
    }

    // --check gives the refusal migrate would give, at the same place, with migrate's exit code 2 rather than the 1
    // of a file that merely needs migrating, and writes nothing.
    [Fact]
    public async Task Check_refuses_what_migrate_would_refuse_at_the_same_place_with_exit_code_2()
    {
        Write("briefing.txt", Briefing);
        var world = MisquotingWorld();
        var before = File.ReadAllText(world);
        var check = await SummitsProcess.RunAsync("migrate", "--check", world);
        Assert.Equal(2, check.ExitCode);
        Assert.StartsWith($"{world}:10:113: this quote stands on line 3 of ", check.Error);
        Assert.DoesNotContain("format 1 → 2", check.Output);
        Assert.Equal(before, File.ReadAllText(world));
    }

    // A format-1 world and its scenario checked together: the scenario is checked against the world as it stands,
    // which migrate would have rewritten first, so the pair only needs migrating (exit 1), as migrate rewrites both.
    [Fact]
    public async Task Check_of_a_world_and_its_scenario_together_says_both_need_migrating()
    {
        var world = FormatOneWorld();
        var scenario = Write("s.yaml", "scenario: s\nworld: w.yaml\nsteps:\n  - rounds: 1\n");
        var check = await SummitsProcess.RunAsync("migrate", "--check", scenario, world);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"{world}: format 1 → 2 (not written: --check)", check.Output);
        Assert.Contains($"{scenario}: format 1 → 2 (not written: --check)", check.Output);
    }
}
