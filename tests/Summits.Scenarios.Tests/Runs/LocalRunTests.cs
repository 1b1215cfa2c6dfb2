using Summits.Model;
using Summits.Tests;

namespace Summits.Scenarios.Tests;

public sealed class LocalRunTests : IDisposable
{
    private readonly ScenarioFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Runs, in the pure model, a scenario of these <paramref name="steps"/> on the seeded world (steps: is its third line).</summary>
    private Task<RunResult> RunSteps(string steps) => ScenarioRun.LocallyAsync(ScenarioFile.Load(_folder.Write("steps:\n" + steps).File));

    /// <summary>Every shipped scenario, and every branch of a forked one as <c>file#branch</c>.</summary>
    public static TheoryData<string> Scenarios() =>
        [.. RepoFiles.WhatIfScenarios().Select(p => Path.Combine(RepoFiles.Root, p)).SelectMany(p => ScenarioFile.Load(p).Fork is { } fork
            ? fork.Names.Select(name => $"{Path.GetFileName(p)}#{name}")
            : [Path.GetFileName(p)])];

    internal static LoadedScenario Load(string entry)
    {
        var (file, branch) = BranchChoice.Split(entry);
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", file));
        return branch is null ? loaded : loaded.Branch(branch) ?? throw new InvalidOperationException($"{file} has no branch {branch}");
    }

    [Fact]
    public async Task A_position_a_shock_adds_starts_in_state_json_at_the_value_it_was_added_at()
    {
        // china-role-shift.yaml: the world (2017-11-06-abe-trump.yaml) gives CN no position on china-role; the
        // trade-dispute shock adds it with `to: 90`, so its position-added event reads after 90 and its start is 90,
        // not where the rounds leave it (about 89.11, the scenario's comment: "China, at 89.11").
        var run = await ScenarioRun.LocallyAsync(Load("china-role-shift.yaml"));
        Assert.DoesNotContain(run.Start.Positions, p => p is { Actor: "CN", Topic: "china-role" });
        var added = Assert.Single(run.Timeline, e => e is { Kind: EventKind.PositionAdded, Actor: "CN", Topic: "china-role" });
        Assert.Equal(90, added.After);
        var cn = Assert.Single(StateDocument.Of(run).Positions, p => p is { Actor: "CN", Topic: "china-role" });
        Assert.Equal(90, cn.Start);
        Assert.Equal(89.11, cn.Value, 0.01);
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(StateDocument.Of(run), SummitsJson.Options))!;
        var entry = json["positions"]!.AsArray().Single(p => (string?)p!["actor"] == "CN" && (string?)p!["topic"] == "china-role")!;
        Assert.Equal(90, (double)entry["start"]!);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_shipped_scenario_meets_its_expectations(string entry)
    {
        var loaded = Load(entry);
        var run = await ScenarioRun.LocallyAsync(loaded);
        var failed = run.Timeline.Where(e => e.Kind == EventKind.ExpectationFailed).Select(e => e.Why);
        Assert.Empty(failed);
        Assert.Equal(0, run.Failures);
        var checkedLines = run.Timeline.Where(e => e.Kind == EventKind.ExpectationPassed).Select(e => e.Why!.Split(':')[0]).Distinct().Count();
        Assert.Equal(loaded.Scenario.Steps.OfType<ExpectStep>().Count(), checkedLines);
    }

    [Fact]
    public void A_forked_scenario_has_each_of_its_branches_run()
    {
        var entries = ((IEnumerable<object[]>)Scenarios()).Select(row => (string)row[0]).ToArray();
        Assert.Contains("us-fta-press-or-package.yaml#press-fta", entries);
        Assert.Contains("us-fta-press-or-package.yaml#offer-package", entries);
        Assert.DoesNotContain("us-fta-press-or-package.yaml", entries);
    }

    // A branch's expectation made wrong must fail the run of that branch: the branch's steps, not only
    // the shared opening, are what runs.
    [Fact]
    public async Task A_wrong_expectation_in_a_branch_fails_that_branch()
    {
        var path = SeedFiles.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var text = File.ReadAllText(path).Replace("terms: { bilateral-fta: 35, defense-procurement: 75 }", "terms: { bilateral-fta: 36, defense-procurement: 75 }");
        var copy = _folder.WriteRaw(text.Replace("world: ../summits/", $"world: {SeedFiles.File("scenarios", "summits")}/"), "fork.yaml").File;
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(copy).Branch("offer-package")!);
        Assert.Equal(1, run.Failures);
    }

    [Fact]
    public async Task The_same_scenario_and_seed_give_byte_identical_files()
    {
        var path = SeedFiles.File("scenarios", "what-if", "baseline.yaml");
        var first = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        var second = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        Assert.Equal(RunFiles.Timeline(first), RunFiles.Timeline(second));
        Assert.Equal(RunFiles.State(first), RunFiles.State(second));
        Assert.Equal(RunFiles.AgreementsCsv(first), RunFiles.AgreementsCsv(second));
    }

    [Fact]
    public async Task Another_seed_changes_who_opens_the_rounds_and_is_written_into_the_state()
    {
        var path = SeedFiles.File("scenarios", "what-if", "baseline.yaml");
        var seeded = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        var other = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path, seedOverride: 99));
        Assert.NotEqual(RunFiles.Timeline(seeded), RunFiles.Timeline(other));
        Assert.Contains("\"seed\": 2017", RunFiles.State(seeded));
        Assert.Contains("\"seed\": 99", RunFiles.State(other));
    }

    [Fact]
    public async Task Every_move_and_status_change_names_its_cause()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "okinawa-realignment-friction.yaml")));
        var steps = run.Scenario.Steps.Select(s => s.Id).ToHashSet();
        foreach (var e in run.Timeline)
        {
            Assert.False(string.IsNullOrEmpty(e.Cause));
            Assert.Contains(e.Step, steps);
        }
        Assert.Equal(Enumerable.Range(1, run.Timeline.Length), run.Timeline.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_failed_expectation_is_counted_and_reported_with_its_line()
    {
        var run = await RunSteps("  - expect:\n      agreement: { topic: bilateral-fta }\n");
        Assert.Equal(1, run.Failures);
        var failure = Assert.Single(run.Timeline, e => e.Kind == EventKind.ExpectationFailed);
        Assert.StartsWith("line 4:", failure.Why);
    }

    [Fact]
    public async Task An_open_proposal_with_a_deadline_is_renewed_each_round_until_it_expires()
    {
        var run = await RunSteps("""
              - id: ask
                propose: { from: US, to: [JP], terms: { bilateral-fta: 80 }, deadline: 2 }
              - rounds: 3
                topics: [tpp-11]

            """);
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Proposal && e.Cause == "ask~1");
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Proposal && e.Cause == "ask~2");
        Assert.DoesNotContain(run.Timeline, e => e.Cause == "ask~3");
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.ProposalExpired && e.Cause == "ask");
    }

    [Fact]
    public async Task Scripted_answers_replace_the_models_own()
    {
        var run = await RunSteps("""
              - respond: { actor: JP, to: ask, answer: accept, because: the class voted for it }
              - id: ask
                propose: { from: US, to: [JP], terms: { bilateral-fta: 80 } }
              - expect:
                  agreement: { topic: bilateral-fta, parties: [JP, US], value: 80 }

            """);
        Assert.Equal(0, run.Failures);
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Accept && e.Why!.Contains("the class voted for it"));
    }
}
