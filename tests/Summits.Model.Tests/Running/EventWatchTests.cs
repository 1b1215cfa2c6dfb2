using Summits.Model;

namespace Summits.Model.Tests;

public sealed class EventWatchTests
{
    private static readonly EventPattern AnyRound = new(EventKind.Round, null, null, null);
    private static readonly EventPattern JapanRejects = new(EventKind.Reject, "JP", null, null);

    private static TimelineEvent Event(int seq, EventKind kind, string? actor = null) =>
        new(seq, "s", null, kind, actor, null, null, null, "c", null);

    private static Scenario Expecting(params Expectation[] expectations) =>
        LocalRun.Scenario(ModelParameters.Default, new RoundsStep("talks", 1, 3, [], AgreementRule.Unanimity, null),
            new ExpectStep("check", 2, "", [.. expectations]));

    [Fact]
    public void Only_event_and_order_expectations_of_steps_still_to_run_are_watched()
    {
        var scenario = Expecting(new AgreementExpectation("t", true, [], null, null), new EventExpectation(AnyRound, true), new OrderExpectation([AnyRound, JapanRejects]));
        // Step 1 (the expect step) holds them at indexes 1 and 2; the agreement expectation at 0 needs no watch.
        Assert.Equal([(1, 1), (1, 2)], EventWatch.For(scenario, 0).Select(w => (w.Step, w.Expectation)));
        Assert.Empty(EventWatch.For(scenario, 2));
    }

    [Fact]
    public void An_order_is_matched_pattern_by_pattern_each_by_a_later_event_than_the_last()
    {
        var scenario = Expecting(new OrderExpectation([AnyRound, AnyRound, JapanRejects]));
        var watch = Assert.Single(EventWatch.For(scenario, 0));
        // Event 1 is a round: the first pattern matches, and the same event cannot match the second too.
        watch.See(scenario, Event(1, EventKind.Round));
        Assert.Equal((1, 1), (watch.Matched, watch.LastSeq));
        // Japan's rejection at 2 comes before the second round, so the third pattern is not yet awaited.
        watch.See(scenario, Event(2, EventKind.Reject, "JP"));
        Assert.Equal((1, 1), (watch.Matched, watch.LastSeq));
        watch.See(scenario, Event(3, EventKind.Round));
        watch.See(scenario, Event(4, EventKind.Reject, "US"));
        Assert.Equal((2, 3), (watch.Matched, watch.LastSeq));
        watch.See(scenario, Event(5, EventKind.Reject, "JP"));
        Assert.Equal((3, 5), (watch.Matched, watch.LastSeq));
        // Once every pattern has matched, later events change nothing.
        watch.See(scenario, Event(6, EventKind.Round));
        Assert.Equal((3, 5), (watch.Matched, watch.LastSeq));
    }

    [Fact]
    public void An_event_expectation_keeps_its_first_match()
    {
        var scenario = Expecting(new EventExpectation(JapanRejects, false));
        var watch = Assert.Single(EventWatch.For(scenario, 0));
        watch.See(scenario, Event(1, EventKind.Reject, "US"));
        Assert.Equal(0, watch.Matched);
        watch.See(scenario, Event(2, EventKind.Reject, "JP"));
        watch.See(scenario, Event(3, EventKind.Reject, "JP"));
        Assert.Equal((1, 2), (watch.Matched, watch.LastSeq));
    }
}
