using System.Collections.Immutable;
using Summits.Model;
using Summits.Tests;

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
    public async Task Each_expectation_carries_its_step_s_because_text()
    {
        // scenarios/what-if/us-presses-bilateral-fta.yaml's three expect steps (step-4, step-5, step-6) each give a
        // `because:`; the texts below are copied by hand from the file's lines 46, 49 and 52.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(20, 42, 2, Engine.Local), SampleRuns.Local);

        Assert.Equal(
            [
                ("step-4", "80 lies beyond Japan's reservation value 36.25, so it is worth less to Japan than no deal (its BATNA)."),
                ("step-5", "every US offer pulls Japan a little toward it, even when Japan refuses."),
                ("step-6", "the parties' reservation values on the FTA (36.25 and 61.5 at the start, 38.915 and 60.5715 in their last round offers) never meet, and procurement cannot pay for the gap."),
            ],
            study.EachExpectation!.Value.Select(e => (e.Step, e.Because)));
    }

    [Fact]
    public async Task Every_expectation_of_a_step_shares_its_because_and_a_step_without_one_gives_empty_text()
    {
        // step-2 holds two expectations (an agreement and an event) under one `because:`, so both carry its text as
        // written after the key; step-3 gives none, so its expectation's text is empty.
        var path = TempScenario.Write(TempScenario.World("50", "[45, 55]", "0.5", "[0.4, 0.6]"), """
            scenario: shared-because
            world: world.yaml
            seed: 5

            steps:
              - id: ask
                propose: { from: A, to: [B], terms: { t: 50 } }
              - expect:
                  agreement: { topic: t }
                  event: { kind: agreement-made, topic: t }
                  because: 50 lies inside B's window.
              - expect:
                  agreement: { topic: u, absent: true }
            """);
        var study = await WhatIfStudy.RunAsync(ScenarioFile.Load(path), new StudyOptions(10, 1, 2, Engine.Local), SampleRuns.Local);

        Assert.Equal(
            [("step-2", "50 lies inside B's window."), ("step-2", "50 lies inside B's window."), ("step-3", "")],
            study.EachExpectation!.Value.Select(e => (e.Step, e.Because)));
    }

    [Fact]
    public async Task A_because_written_as_a_yaml_block_reads_as_one_line()
    {
        // By hand: the block "the gap\n  is too wide.\n" (YAML keeps its line breaks and a last one) joined by single
        // spaces and trimmed is "the gap is too wide."; the same text the run's expectation event carries after "because ".
        var path = TempScenario.Write(TempScenario.World("50", "[45, 55]", "0.5", "[0.4, 0.6]"), """
            scenario: block-because
            world: world.yaml
            seed: 5

            steps:
              - expect:
                  agreement: { topic: u, absent: true }
                  because: |
                    the gap
                      is too wide.
            """);
        var loaded = ScenarioFile.Load(path);
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(4, 1, 2, Engine.Local), SampleRuns.Local);
        var run = await ScenarioRun.LocallyAsync(loaded);

        Assert.Equal("the gap is too wide.", Assert.Single(study.EachExpectation!.Value).Because);
        Assert.EndsWith("; because the gap is too wide.", Assert.Single(run.Timeline, e => e.Kind == EventKind.ExpectationPassed).Why);
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

    [Fact]
    public void One_index_of_a_study_s_expectations_serves_every_sample_s_run()
    {
        // The steps of the test above, indexed once; two runs' timelines read through it. The first passes "last" and
        // fails both of "both": false, false, true. The second passes both of "both" and has no event for "last": true,
        // true, false. Each run's answer is its own, whatever run the index read before.
        var both = new ExpectStep("both", 3, "", [new AgreementExpectation("t", false, [], null, null), new AgreementExpectation("u", true, [], null, null)]);
        var last = new ExpectStep("last", 7, "", [new EventExpectation(new EventPattern(EventKind.AgreementStrained, null, null, null), false)]);
        var index = new ExpectationIndex(new Scenario("s", "", 1, ModelParameters.Default, [both, last]));

        Assert.Equal(3, index.Count);
        Assert.Equal(new[] { false, false, true }, index.Held([Event(1, EventKind.ExpectationFailed, "both"), Event(2, EventKind.ExpectationFailed, "both"), Event(3, EventKind.ExpectationPassed, "last")]).ToArray());
        Assert.Equal(new[] { true, true, false }, index.Held([Event(1, EventKind.ExpectationPassed, "both"), Event(2, EventKind.ExpectationPassed, "both")]).ToArray());
    }

    [Fact]
    public void An_index_tells_an_expectation_with_no_event_from_one_that_failed()
    {
        // The steps of the tests above. One run fails the first of "both" and passes "last", with no event for the
        // second of "both": false, null, true, where Held says false, false, true (no event does not hold).
        var both = new ExpectStep("both", 3, "", [new AgreementExpectation("t", false, [], null, null), new AgreementExpectation("u", true, [], null, null)]);
        var last = new ExpectStep("last", 7, "", [new EventExpectation(new EventPattern(EventKind.AgreementStrained, null, null, null), false)]);
        var index = new ExpectationIndex(new Scenario("s", "", 1, ModelParameters.Default, [both, last]));
        ImmutableArray<TimelineEvent> timeline = [Event(1, EventKind.ExpectationFailed, "both"), Event(2, EventKind.ExpectationPassed, "last")];

        Assert.Equal(new bool?[] { false, null, true }, index.Results(timeline).ToArray());
        Assert.Equal(new[] { false, false, true }, index.Held(timeline).ToArray());
    }

    [Fact]
    public void An_expectations_words_carry_all_it_asks_so_two_on_one_topic_read_apart()
    {
        // Two expectations on north-korea in one scenario, one for JP and US holding, one that no agreement binds KP: the
        // words keep their parties, value and status apart ("agreement on north-korea" twice would read as one that
        // both held and did not). A position's direction and target, an event's actor and cause, an order's events.
        Expectation[] expectations =
        [
            new AgreementExpectation("north-korea", false, ["JP", "US"], Interval.Point(93), AgreementStatus.Holding),
            new AgreementExpectation("north-korea", true, ["KP"], null, null),
            new AgreementExpectation("usfj-realignment", false, [], new Interval(50, 60), AgreementStatus.Breached),
            new PositionExpectation("JP", "bilateral-fta", null, Direction.Toward, null, "US"),
            new PositionExpectation("JP", "tpp-11", new Interval(10, 20), null, null, null),
            new EventExpectation(new EventPattern(EventKind.Reject, "JP", null, "fta-ask"), true),
            new OrderExpectation([new EventPattern(EventKind.Reject, "JP", null, null), new EventPattern(EventKind.AgreementMade, null, "t", null)]),
        ];

        Assert.Equal(
            [
                "agreement on north-korea between JP and US, at 93, holding",
                "no agreement on north-korea binding KP",
                "agreement on usfj-realignment, in [50, 60], breached",
                "position JP bilateral-fta moved toward US",
                "position JP tpp-11 in [10, 20]",
                "event reject by JP from fta-ask",
                "order: reject by JP, then agreement-made on t",
            ],
            expectations.Select(ExpectationOdds.Words));
    }

    private static TimelineEvent Event(int seq, EventKind kind, string step) => new(seq, step, null, kind, null, null, null, null, step, null);
}
