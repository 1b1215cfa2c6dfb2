using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios.Tests;

public sealed class ExpectationOddsTests
{
    [Fact]
    public async Task A_study_says_how_often_each_expectation_held_not_only_all_of_them()
    {
        // B anywhere in [45, 55] with salience at most 0.6 has a window of at least 23 points, so A's proposal of 50 on t
        // is agreed in every run (as in StudyTests); nobody proposes on u, so no agreement on u ever exists. The first
        // expectation holds in all 200 runs, the second in none, and every expectation together in none: the share of
        // all of them (0) alone would not say which one failed. The steps are the second and third of the file
        // (step-2, step-3, their ids given by their place), their `- expect:` lines 8 and 10.
        var path = TempScenario.Write(TempScenario.World("50", "[45, 55]", "0.5", "[0.4, 0.6]"), """
            scenario: two-expectations
            world: world.yaml
            seed: 5

            steps:
              - id: ask
                propose: { from: A, to: [B], terms: { t: 50 } }
              - expect:
                  agreement: { topic: t }
              - expect:
                  agreement: { topic: u }
            """);
        var study = await WhatIfStudy.RunAsync(ScenarioFile.Load(path), new StudyOptions(200, 1, 4, Engine.Local), SampleRuns.Local);

        Assert.Equal(0, study.Expectations!.Count);
        var each = study.EachExpectation!.Value;
        Assert.Equal(2, each.Length);
        Assert.Equal(("step-2", 8, "agreement on t", 200, 200), (each[0].Step, each[0].Line, each[0].What, each[0].Held.Count, each[0].Held.Runs));
        Assert.Equal(("step-3", 10, "agreement on u", 0, 200), (each[1].Step, each[1].Line, each[1].What, each[1].Held.Count, each[1].Held.Runs));
    }

    [Fact]
    public async Task A_study_of_a_scenario_without_expectations_lists_none()
    {
        var path = TempScenario.Write(TempScenario.World("50", "[45, 55]", "0.5", "[0.4, 0.6]"), """
            scenario: no-expectations
            world: world.yaml
            seed: 5
            steps:
              - id: ask
                propose: { from: A, to: [B], terms: { t: 50 } }
            """);
        var study = await WhatIfStudy.RunAsync(ScenarioFile.Load(path), new StudyOptions(10, 1, 2, Engine.Local), SampleRuns.Local);

        Assert.Null(study.Expectations);
        Assert.Null(study.EachExpectation);
    }

    [Fact]
    public void Each_expectation_is_matched_to_its_event_by_step_and_order_and_one_with_no_event_did_not_hold()
    {
        // Two expect steps: "both" with two expectations, "last" with one: three entries in that order. The timeline
        // passes both's first, fails its second, and has no event for "last" (a run that never reached it): true, false,
        // false. An event of another step id, or one beyond a step's count, is not counted.
        var both = new ExpectStep("both", 3, "", [new AgreementExpectation("t", false, [], null, null), new AgreementExpectation("u", true, [], null, null)]);
        var last = new ExpectStep("last", 7, "", [new EventExpectation(new EventPattern(EventKind.AgreementStrained, null, null, null), false)]);
        var scenario = new Scenario("s", "", 1, ModelParameters.Default, [both, last]);
        ImmutableArray<TimelineEvent> timeline =
        [
            Event(1, EventKind.ExpectationPassed, "both"),
            Event(2, EventKind.ExpectationFailed, "both"),
            Event(3, EventKind.ExpectationPassed, "both"),
            Event(4, EventKind.ExpectationPassed, "other"),
        ];

        Assert.Equal(new[] { true, false, false }, SampleSummary.HeldOf(scenario, timeline).ToArray());
        Assert.Equal(["agreement on t", "no agreement on u", "no event agreement-strained"],
            [.. both.Expectations.Concat(last.Expectations).Select(ExpectationOdds.Words)]);
    }

    private static TimelineEvent Event(int seq, EventKind kind, string step) => new(seq, step, null, kind, null, null, null, null, step, null);
}
