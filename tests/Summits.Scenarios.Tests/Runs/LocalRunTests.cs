using Summits.Model;

namespace Summits.Scenarios.Tests;

public sealed class LocalRunTests
{
    public static TheoryData<string> Scenarios() => [.. Repository.WhatIfScenarios().Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_shipped_scenario_meets_its_expectations(string file)
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Repository.File("scenarios", "what-if", file)));
        var failed = run.Timeline.Where(e => e.Kind == EventKind.ExpectationFailed).Select(e => e.Why);
        Assert.Empty(failed);
        Assert.Equal(0, run.Failures);
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.ExpectationPassed);
    }

    [Fact]
    public async Task The_same_scenario_and_seed_give_byte_identical_files()
    {
        var path = Repository.File("scenarios", "what-if", "baseline.yaml");
        var first = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        var second = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        Assert.Equal(RunFiles.Timeline(first), RunFiles.Timeline(second));
        Assert.Equal(RunFiles.State(first), RunFiles.State(second));
        Assert.Equal(RunFiles.AgreementsCsv(first), RunFiles.AgreementsCsv(second));
    }

    [Fact]
    public async Task Another_seed_changes_who_opens_the_rounds_and_is_written_into_the_state()
    {
        var path = Repository.File("scenarios", "what-if", "baseline.yaml");
        var seeded = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        var other = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path, seedOverride: 99));
        Assert.NotEqual(RunFiles.Timeline(seeded), RunFiles.Timeline(other));
        Assert.Contains("\"seed\": 2017", RunFiles.State(seeded));
        Assert.Contains("\"seed\": 99", RunFiles.State(other));
    }

    [Fact]
    public async Task Every_move_and_status_change_names_its_cause()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Repository.File("scenarios", "what-if", "okinawa-realignment-friction.yaml")));
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
        var dir = Directory.CreateTempSubdirectory("summits-").FullName;
        var path = Path.Combine(dir, "wrong.yaml");
        File.WriteAllText(path, $"""
            scenario: wrong
            world: {Repository.File("scenarios", "summits", "2017-11-06-abe-trump.yaml")}
            steps:
              - expect:
                  agreement: {"{"} topic: bilateral-fta {"}"}
            """);
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        Assert.Equal(1, run.Failures);
        var failure = Assert.Single(run.Timeline, e => e.Kind == EventKind.ExpectationFailed);
        Assert.StartsWith("line 4:", failure.Why);
    }

    [Fact]
    public async Task An_open_proposal_with_a_deadline_is_renewed_each_round_until_it_expires()
    {
        var dir = Directory.CreateTempSubdirectory("summits-").FullName;
        var path = Path.Combine(dir, "deadline.yaml");
        File.WriteAllText(path, $"""
            scenario: deadline
            world: {Repository.File("scenarios", "summits", "2017-11-06-abe-trump.yaml")}
            steps:
              - id: ask
                propose: {"{"} from: US, to: [JP], terms: {"{"} bilateral-fta: 80 {"}"}, deadline: 2 {"}"}
              - rounds: 3
                topics: [tpp-11]
            """);
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Proposal && e.Cause == "ask~1");
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Proposal && e.Cause == "ask~2");
        Assert.DoesNotContain(run.Timeline, e => e.Cause == "ask~3");
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.ProposalExpired && e.Cause == "ask");
    }

    [Fact]
    public async Task Scripted_answers_replace_the_models_own()
    {
        var dir = Directory.CreateTempSubdirectory("summits-").FullName;
        var path = Path.Combine(dir, "scripted.yaml");
        File.WriteAllText(path, $"""
            scenario: scripted
            world: {Repository.File("scenarios", "summits", "2017-11-06-abe-trump.yaml")}
            steps:
              - respond: {"{"} actor: JP, to: ask, answer: accept, because: the class voted for it {"}"}
              - id: ask
                propose: {"{"} from: US, to: [JP], terms: {"{"} bilateral-fta: 80 {"}"} {"}"}
              - expect:
                  agreement: {"{"} topic: bilateral-fta, parties: [JP, US], value: 80 {"}"}
            """);
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        Assert.Equal(0, run.Failures);
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Accept && e.Why!.Contains("the class voted for it"));
    }
}
