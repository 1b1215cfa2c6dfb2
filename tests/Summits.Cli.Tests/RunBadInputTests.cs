namespace Summits.Cli.Tests;

/// <summary><c>summits run</c> on bad input: exit code 2, one line on standard error, nothing printed, nothing written.</summary>
public sealed class RunBadInputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "summits-cli-tests", Guid.NewGuid().ToString("N"));

    public RunBadInputTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Runs <c>summits ARGUMENTS --out FOLDER</c> and expects it refused: exit code 2, exactly <paramref name="error"/>
    /// on standard error, nothing on standard output, and no output folder.
    /// </summary>
    private async Task Refused(string error, params string[] arguments)
    {
        var output = Path.Combine(_folder, "out");
        var run = await SummitsProcess.RunAsync([.. arguments, "--out", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error + "\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(output));
    }

    private static string SeedWorld()
    {
        var world = Path.Combine(AppContext.BaseDirectory, "scenarios", "summits", "2017-11-06-abe-trump.yaml");
        Assert.True(File.Exists(world), $"the seeded world is shipped beside the program: {world}");
        return world;
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("86401")]
    public async Task A_call_timeout_that_is_not_a_whole_number_of_seconds_from_1_to_a_day_is_refused_before_the_run(string value)
    {
        // 0 s would time out every call; 86401 s is one more than a day (24 · 3600 = 86400), the largest allowed.
        var scenario = Path.Combine(Summits.Tests.SeedFiles.Root, "scenarios", "what-if", "baseline.yaml");
        var output = Path.Combine(_folder, "out");
        var run = await SummitsProcess.RunInAsync(_folder, ["run", scenario, "--out", output], new Dictionary<string, string> { ["SUMMITS_CALL_TIMEOUT"] = value });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits run: error: Summits:CallTimeout is '{value}' (from environment variable SUMMITS_CALL_TIMEOUT); expected how many seconds a grain call may take before it is asked again: a whole number from 1 to 86400\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_bad_scenario_exits_2_with_one_line_and_writes_no_output_folder()
    {
        var scenario = Path.Combine(_folder, "bad.yaml");
        const string step = "  - propose: { from: JP, to: XX, terms: { tpp-11: 50 } }";
        await File.WriteAllTextAsync(scenario, $"scenario: bad\nworld: '{SeedWorld()}'\nsteps:\n{step}\n");
        var column = step.IndexOf("XX", StringComparison.Ordinal) + 1;

        await Refused($"{scenario}:4:{column}: unknown actor 'XX'; known actors: JP, US, CN and KP", "run", scenario);
    }

    [Fact]
    public async Task A_scenario_name_that_cannot_key_a_grain_is_refused_by_whatif_before_any_run()
    {
        // A '/' would split the grain key {world}/{id} in the wrong place: the name is bad input, on line 1
        // at the value's column (after "scenario: ", 11th character).
        var scenario = Path.Combine(_folder, "table.yaml");
        await File.WriteAllTextAsync(scenario, $"scenario: class/table-1\nworld: '{SeedWorld()}'\nsteps:\n  - rounds: 1\n");

        await Refused($"{scenario}:1:11: 'scenario' must be ASCII letters, digits, '-' or '_', starting with a letter or digit, at most 64 characters (no spaces or '/'), not 'class/table-1'",
            "whatif", scenario, "--runs", "2");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("whatif")]
    public async Task A_scenario_name_longer_than_64_characters_is_refused_before_any_run_and_64_is_taken(string command)
    {
        // 65 characters: one more than WorldKey allows; the value starts at column 11 of line 1 (after "scenario: ").
        var tooLong = new string('a', 65);
        var scenario = Path.Combine(_folder, "long.yaml");
        await File.WriteAllTextAsync(scenario, $"scenario: {tooLong}\nworld: '{SeedWorld()}'\nsteps:\n  - rounds: 1\n");
        string[] arguments = command == "run" ? [command, scenario, "-q"] : [command, scenario, "--runs", "2", "-q"];

        await Refused($"{scenario}:1:11: 'scenario' must be ASCII letters, digits, '-' or '_', starting with a letter or digit, at most 64 characters (no spaces or '/'), not '{tooLong}'",
            arguments);

        // 64 characters, the most allowed, runs.
        await File.WriteAllTextAsync(scenario, $"scenario: {new string('a', 64)}\nworld: '{SeedWorld()}'\nsteps:\n  - rounds: 1\n");
        Assert.Equal(0, (await SummitsProcess.RunAsync(arguments)).ExitCode);
    }

    [Fact]
    public async Task A_bad_seed_exits_2_with_one_line_and_writes_no_output_folder()
    {
        var scenario = Path.Combine(_folder, "good.yaml");
        await File.WriteAllTextAsync(scenario, $"scenario: good\nworld: '{SeedWorld()}'\nsteps:\n  - rounds: 1\n");

        await Refused($"summits run: error: --seed must be a whole number from 0 to {ulong.MaxValue}, not -1 (see 'summits run --help')", "run", scenario, "--seed", "-1");
    }

    [Fact]
    public async Task A_missing_scenario_file_exits_2_with_one_line()
    {
        var scenario = Path.Combine(_folder, "absent.yaml");

        // The folder it names holds no YAML file, so the line names the seven shipped scenarios (ShippedFileLists).
        await Refused($"summits run: error: no such file: {scenario}; the shipped scenario files: {ShippedFileLists.ShippedScenarios} (see 'summits run --help')", "run", scenario);
    }

    [Fact]
    public async Task Twenty_thousand_nested_mappings_exit_2_with_one_line_and_no_stack_overflow()
    {
        // Line 3 is "steps: {a: {a: ...": the top-level mapping is level 1 and the k-th '{' is level k + 1,
        // so the 64th '{' is the first past the bound of 64 levels, at column 8 + 4 * 63 = 260.
        var scenario = Path.Combine(_folder, "deep.yaml");
        var deep = string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000);
        await File.WriteAllTextAsync(scenario, $"scenario: deep\nworld: '{SeedWorld()}'\nsteps: {deep}\n");

        var run = await SummitsProcess.RunAsync("run", scenario);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{scenario}:3:260: the values nest more than 64 levels deep here; a Summits file needs only a few levels of mappings and lists\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_scenario_naming_dev_zero_as_its_world_exits_2_at_the_world_line()
    {
        var scenario = Path.Combine(_folder, "zero.yaml");
        await File.WriteAllTextAsync(scenario, "scenario: zero\nworld: /dev/zero\nsteps:\n  - rounds: 1\n");

        var run = await SummitsProcess.RunAsync("run", scenario);

        // Line 2 is "world: /dev/zero": the value starts at column 8.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{scenario}:2:8: the world file '/dev/zero' is a character device, not a regular file; name a file on disk\n",
            run.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("run", "0")]
    [InlineData("run", "1001")]
    [InlineData("whatif", "0")]
    [InlineData("whatif", "1001")]
    public async Task A_checkpoint_interval_outside_1_to_1000_is_refused_in_one_line(string command, string every)
    {
        var scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "what-if", "baseline.yaml");

        string[] arguments = command == "run" ? [command, scenario] : [command, scenario, "--runs", "2"];

        await Refused($"summits {command}: error: --checkpoint-every must be a whole number from 1 to 1000, not {every} (see 'summits {command} --help')",
            [.. arguments, "--checkpoint-every", every]);
    }

    [Fact]
    public async Task A_checkpoint_interval_that_is_not_a_number_is_refused_in_one_line()
    {
        var scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "what-if", "baseline.yaml");
        var output = Path.Combine(_folder, "out");

        var run = await SummitsProcess.RunAsync(["run", scenario, "--checkpoint-every", "three", "--out", output]);

        // The same words as a number out of range (1 to 1000, README), the word quoted as written.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits run: error: --checkpoint-every must be a whole number from 1 to 1000, not 'three' (see 'summits run --help')\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("whatif")]
    public async Task A_checkpoint_interval_with_the_local_engine_is_refused(string command)
    {
        // The local engine keeps no storage, so an interval would be ignored in silence.
        var scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "what-if", "baseline.yaml");
        var output = Path.Combine(_folder, "out");

        var run = await SummitsProcess.RunAsync([command, scenario, "--engine", "local", "--checkpoint-every", "3", "--out", output]);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--checkpoint-every applies only to", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_run_in_grains_checkpointed_every_3_advances_writes_the_local_engines_bytes()
    {
        // The okinawa scenario has several advances; with a checkpoint every 3 the grains keep up to 3 in memory, and
        // timeline.jsonl and state.json are the pure model's, byte for byte.
        var scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "what-if", "okinawa-realignment-friction.yaml");
        var grains = Path.Combine(_folder, "grains");
        var local = Path.Combine(_folder, "local");

        var inGrains = await SummitsProcess.RunAsync(["run", scenario, "-q", "--checkpoint-every", "3", "--engine", "grains", "--out", grains]);
        var inProcess = await SummitsProcess.RunAsync(["run", scenario, "-q", "--engine", "local", "--out", local]);

        Assert.Equal(inProcess.ExitCode, inGrains.ExitCode);
        foreach (var file in new[] { "timeline.jsonl", "state.json", "agreements.csv" })
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(local, file)), await File.ReadAllTextAsync(Path.Combine(grains, file)));
    }
}
