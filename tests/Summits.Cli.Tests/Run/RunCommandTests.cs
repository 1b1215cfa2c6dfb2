using System.Text.Json;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary><c>summits run</c> as a user runs it: the built program in a process of its own.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string WhatIf(string name) => Path.Combine(SeedFiles.Root, "scenarios", "what-if", name);

    [Fact]
    public async Task Run_prints_the_timeline_and_writes_its_three_files_with_the_seed()
    {
        var output = Path.Combine(_folder, "out");
        var run = await SummitsProcess.RunAsync("run", WhatIf("trade-for-defense-package.yaml"), "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("agreement-made", run.Output);
        Assert.Contains("Expectations: 3 passed, 0 failed.", run.Output);

        var timeline = File.ReadAllLines(Path.Combine(output, "timeline.jsonl"));
        Assert.Contains(timeline, line => line.Contains("\"kind\":\"agreement-made\""));
        Assert.All(timeline, line => JsonDocument.Parse(line).Dispose());

        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "state.json")));
        Assert.Equal(11UL, state.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal("trade-for-defense-package", state.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(timeline.Length, state.RootElement.GetProperty("events").GetInt32());
        Assert.False(string.IsNullOrEmpty(state.RootElement.GetProperty("summits").GetString()));

        var csv = File.ReadAllLines(Path.Combine(output, "agreements.csv"));
        Assert.Equal("id,topic,value,parties,rule,status,cause", csv[0]);
        Assert.Contains(csv, line => line.StartsWith("package,trade-imbalance,50,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_seed_option_overrides_the_scenarios_and_format_json_prints_the_timeline_lines()
    {
        var output = Path.Combine(_folder, "seed5");
        var run = await SummitsProcess.RunAsync("run", WhatIf("baseline.yaml"), "--seed", "5", "--format", "json", "--engine", "local", "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "state.json")));
        Assert.Equal(5UL, state.RootElement.GetProperty("seed").GetUInt64());
        // Standard output holds the timeline and nothing else: the same lines as timeline.jsonl.
        Assert.Equal(File.ReadAllText(Path.Combine(output, "timeline.jsonl")), run.Output);
        Assert.Contains($"wrote timeline.jsonl, state.json and agreements.csv to {output}", run.Error);
    }

    [Fact]
    public async Task A_failed_expectation_exits_1_and_names_the_file_and_line()
    {
        var scenario = Path.Combine(_folder, "wrong.yaml");
        File.WriteAllText(scenario, $"""
            scenario: wrong
            world: {SeedFiles.World}
            steps:
              - expect:
                  agreement: {"{"} topic: bilateral-fta {"}"}
            """);
        var run = await SummitsProcess.RunAsync("run", scenario, "--engine", "local", "-q");

        Assert.Equal(1, run.ExitCode);
        // The expect step is on line 4, "  - expect:": its key starts at column 5.
        Assert.Contains($"FAILED {scenario}:4:5: expected an agreement on bilateral-fta", run.Output);
    }

    [Fact]
    public async Task A_failed_expectation_reads_the_same_under_quiet_and_quiet_prints_no_format_note()
    {
        // A format-1 scenario (no 'format: 2') whose one expectation fails: the seeded world holds no
        // agreement on bilateral-fta, and a run of no steps makes none.
        var scenario = Path.Combine(_folder, "class.yaml");
        File.WriteAllText(scenario, $"""
            scenario: class
            world: {SeedFiles.World}
            steps:
              - expect:
                  agreement: {"{"} topic: bilateral-fta {"}"}
            """);

        var normal = await SummitsProcess.RunAsync("run", scenario, "--engine", "local");
        var quiet = await SummitsProcess.RunAsync("run", scenario, "--engine", "local", "-v", "quiet");

        Assert.Equal(1, normal.ExitCode);
        Assert.Equal(1, quiet.ExitCode);
        // The expect step's key is on line 4, column 5. Normal mode lists it, indented, in the summary;
        // quiet says the same words on standard error, and only them: the format-1 note is not an error.
        var failed = $"FAILED {scenario}:4:5: expected an agreement on bilateral-fta";
        var line = Assert.Single(normal.Output.Split('\n'), l => l.Contains("FAILED", StringComparison.Ordinal));
        // (The summary wraps at 100 columns, so only the line's start is certain to stand on one line.)
        Assert.StartsWith($"  FAILED {scenario}:4:5: ", line);
        Assert.Contains($"note: {scenario} is format 1", normal.Error);
        Assert.Equal("", quiet.Output);
        Assert.StartsWith(failed, Assert.Single(quiet.ErrorLines));
        Assert.DoesNotContain("note:", quiet.Error);
    }

    [Fact]
    public async Task A_failed_expectation_on_the_grains_engine_logs_no_warning_on_standard_error()
    {
        // The same failing expectation as above, on the default engine (grains). The grain that sees it
        // fail logs it below Warning, so the stderr logger (Warning and above) says nothing: under -v quiet the
        // one line on standard error is the command's own FAILED line, as with --engine local.
        var scenario = Path.Combine(_folder, "grains.yaml");
        File.WriteAllText(scenario, $"""
            format: 2
            scenario: grains
            world: {SeedFiles.World}
            steps:
              - expect:
                  agreement: {"{"} topic: bilateral-fta {"}"}
            """);

        var run = await SummitsProcess.RunAsync("run", scenario, "-v", "quiet");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("warning", run.Error, StringComparison.OrdinalIgnoreCase);
        // With 'format: 2' on line 1 the expect step's key is on line 5, column 5.
        Assert.StartsWith($"FAILED {scenario}:5:5: expected an agreement on bilateral-fta", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_whatif_on_the_grains_engine_prints_nothing_on_standard_error_for_failed_expectations()
    {
        // us-fta-press-or-package fails one of its expectations in some runs (a branch that never makes
        // the package); a failed expectation is an outcome counted in the study, so -q leaves standard
        // error empty however many runs fail it.
        var run = await SummitsProcess.RunAsync("whatif", WhatIf("us-fta-press-or-package.yaml"), "--runs", "6", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_world_runs_without_a_scenario_until_it_converges()
    {
        var world = Path.Combine(SeedFiles.Root, "scenarios", "worlds", "dummy-3dim.yaml");
        var output = Path.Combine(_folder, "forecast");
        var run = await SummitsProcess.RunAsync("run", "--world", world, "--rounds", "40", "--engine", "local", "-q", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var kinds = File.ReadAllLines(Path.Combine(output, "timeline.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString())
            .ToArray();
        Assert.Contains("round", kinds);
        Assert.True(kinds.Count(k => k == "round") == 40 || kinds[^1] == "converged", "neither 40 rounds nor convergence");
    }

    [Fact]
    public async Task A_world_that_converges_early_says_in_its_summary_the_round_it_converged_in_of_the_rounds_asked()
    {
        // A at 50 and B at 45 on one topic, salience 0.5: each is inside the other's window, so they close on each
        // other round by round and agree within a few dozen rounds, long before the 200 asked for.
        var world = OneTopicWorld.Write(Path.Combine(_folder, "near.yaml"), "near", "Near", new("A", 0.5, 50), new("B", 0.5, 45));
        var output = Path.Combine(_folder, "near");

        var run = await SummitsProcess.RunAsync("run", "--world", world, "--rounds", "200", "--engine", "local", "-q", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        // The round it converged in, read from the timeline the run wrote rather than from the summary's code: the
        // last round any event carries (the 'converged' event is that round's last).
        var rounds = File.ReadAllLines(Path.Combine(output, "timeline.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("round", out _))
            .Select(e => e.GetProperty("round").GetInt32())
            .ToArray();
        var last = rounds.Max();
        Assert.True(last < 200, $"the run did not converge early: its last round is {last}");
        Assert.Contains($"Converged early: forecast stopped after round {last} of 200: every topic in play is settled.", run.Output);
    }

    [Fact]
    public async Task A_scenario_and_a_world_together_are_refused()
    {
        var run = await SummitsProcess.RunAsync("run", WhatIf("baseline.yaml"), "--world", SeedFiles.World);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not both", run.Error);
        Assert.Equal("", run.Output);
    }
}
