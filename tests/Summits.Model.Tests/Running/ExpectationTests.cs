using System.Collections.Immutable;
using Summits.Model;
using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

/// <summary>
/// An expect step checks agreements, positions and events and says in its event what it found, worded for a
/// reader who sees only the timeline; a failed expectation counts once.
/// </summary>
public sealed class ExpectationTests
{
    // A at 40 and B at 60 on t, salience 1: windows of 5 points, so no influence moves either (damping 1 − 1 = 0)
    // and B's no deal is 55. Topic u has no holder and no agreement; C holds no position at all.
    private static World Pair() =>
        World([Actor("A"), Actor("B"), Actor("C")], [Topic("t"), Topic("u")], [Position("A", "t", 40, 1), Position("B", "t", 60, 1)]);

    // A proposes 57 on t to B with no deadline (τ = 1): B takes what beats its no deal, 57 lies inside its window
    // around 60, so B accepts. Events: 1 the proposal, 2 B's acceptance, 3 the agreement p1 at 57 between A and B.
    private static readonly ProposeStep Offer = new("p1", 1, "A", ["B"], [new Term("t", 57)], AgreementRule.Unanimity, null);

    // B's position is thrown to 100: 43 points from the agreed 57, more than BreachFactor 2 × its 5-point window.
    private static readonly ShockStep Jolt = new("jolt", 3, "B turns", [new ShockChange(ShockTarget.Position, "B", "t", null, 100, null, null)]);

    private static async Task<(ImmutableArray<TimelineEvent> Timeline, int Failures)> Run(params Step[] steps)
    {
        var scenario = LocalRun.Scenario(ModelParameters.Default, steps);
        var world = Pair();
        var state = RunState.Begin(scenario, world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        return (timeline, state.Failures);
    }

    private static async Task<(bool Passed, string Why)> Check(Expectation expectation, bool jolted = false, string because = "")
    {
        Step[] steps = jolted
            ? [Offer, new ExpectStep("x", 2, "", []), Jolt, new ExpectStep("check", 4, because, [expectation])]
            : [Offer, new ExpectStep("check", 2, because, [expectation])];
        var (timeline, failures) = await Run(steps);
        var e = Assert.Single(timeline, e => e.Step == "check");
        Assert.Equal(e.Kind == EventKind.ExpectationFailed ? 1 : 0, failures);
        return (e.Kind == EventKind.ExpectationPassed, e.Why!);
    }

    public static TheoryData<Expectation, bool, bool, string> Agreements() => new()
    {
        // p1 is the one agreement on t: at 57, holding, its parties the proposer then the recipient.
        { new AgreementExpectation("t", false, ["A", "B"], new Interval(55, 60), null), false, true,
            "line 2: expected an agreement on t between A and B in [55, 60]: p1 at 57 (holding, A+B)" },
        { new AgreementExpectation("t", false, [], null, AgreementStatus.Holding), false, true,
            "line 2: expected an agreement on t, holding: p1 at 57 (holding, A+B)" },
        // 57 is outside [0, 10]: none matches, and the one on the topic is named, still in force.
        { new AgreementExpectation("t", false, [], new Interval(0, 10), null), false, false,
            "line 2: expected an agreement on t in [0, 10]: none that matches on t; on the topic: p1 at 57 (holding, A+B)" },
        // A party the agreement does not have: none matches either.
        { new AgreementExpectation("t", false, ["C"], null, null), false, false,
            "line 2: expected an agreement on t between C: none that matches on t; on the topic: p1 at 57 (holding, A+B)" },
        // A status asked for by name is named in the answer.
        { new AgreementExpectation("t", false, [], null, AgreementStatus.Breached), false, false,
            "line 2: expected an agreement on t, breached: none breached on t; on the topic: p1 at 57 (holding, A+B)" },
        { new AgreementExpectation("u", true, [], null, null), false, true, "line 2: expected no agreement on u: no such agreement on u" },
        { new AgreementExpectation("u", false, [], null, null), false, false, "line 2: expected an agreement on u: no such agreement on u" },
        { new AgreementExpectation("t", true, [], null, null), false, false, "line 2: expected no agreement on t: p1 at 57 (holding, A+B)" },
        // After the jolt p1 is breached: nothing on t is in force any more, and the breached one is named.
        { new AgreementExpectation("t", false, [], null, null), true, false,
            "line 4: expected an agreement on t: none in force on t; on the topic: p1 at 57 (breached, A+B)" },
        { new AgreementExpectation("t", true, [], null, null), true, true,
            "line 4: expected no agreement on t: none in force on t; on the topic: p1 at 57 (breached, A+B)" },
        { new AgreementExpectation("t", false, [], null, AgreementStatus.Breached), true, true,
            "line 4: expected an agreement on t, breached: p1 at 57 (breached, A+B)" },
    };

    [Theory]
    [MemberData(nameof(Agreements))]
    public async Task An_agreement_expectation_names_what_it_found(Expectation expectation, bool jolted, bool passed, string why) =>
        Assert.Equal((passed, why), await Check(expectation, jolted));

    public static TheoryData<Expectation, bool, bool, string> Positions() => new()
    {
        // Before the jolt B is at 60, where it started.
        { new PositionExpectation("B", "t", new Interval(50, 70), null, null, null), false, true, "line 2: B on t at 60" },
        { new PositionExpectation("B", "t", new Interval(0, 10), null, null, null), false, false, "line 2: expected B on t in [0, 10], found 60" },
        { new PositionExpectation("A", "u", null, null, null, null), false, false, "line 2: A holds no position on u" },
        { new PositionExpectation("B", "t", null, Direction.Unchanged, null, null), false, true, "line 2: expected B on t to stay where it was: 60 → 60" },
        // Not moving is neither toward 0 nor away from A.
        { new PositionExpectation("B", "t", null, Direction.Toward, 0, null), false, false, "line 2: expected B on t to move toward 0: 60 → 60" },
        { new PositionExpectation("B", "t", null, Direction.Away, null, "A"), false, false, "line 2: expected B on t to move away from A: 60 → 60" },
        // Not moving is not toward 12.3456 either (|60 − 12.3456| is not less than itself); the target is written to
        // four decimals, as every figure on the 0–100 scale is: 12.3456 whole.
        { new PositionExpectation("B", "t", null, Direction.Toward, 12.3456, null), false, false, "line 2: expected B on t to move toward 12.3456: 60 → 60" },
        // After the jolt B is at 100: 60 from A's 40 where it was 20 (away from A), 0 from 100 where it was 40
        // (toward 100), and 100 from 0 where it was 60 (away from 0, not toward it).
        { new PositionExpectation("B", "t", null, Direction.Away, null, "A"), true, true, "line 4: expected B on t to move away from A: 60 → 100" },
        { new PositionExpectation("B", "t", null, Direction.Toward, 100, null), true, true, "line 4: expected B on t to move toward 100: 60 → 100" },
        { new PositionExpectation("B", "t", null, Direction.Toward, 0, null), true, false, "line 4: expected B on t to move toward 0: 60 → 100" },
        { new PositionExpectation("B", "t", null, Direction.Away, 0, null), true, true, "line 4: expected B on t to move away from 0: 60 → 100" },
        { new PositionExpectation("B", "t", null, Direction.Unchanged, null, null), true, false, "line 4: expected B on t to stay where it was: 60 → 100" },
        // Toward an actor with no position on t, or toward nothing: there is no target to come nearer to.
        { new PositionExpectation("B", "t", null, Direction.Toward, null, "C"), true, false, "line 4: expected B on t to move toward C: 60 → 100" },
        { new PositionExpectation("B", "t", null, Direction.Away, null, null), true, false, "line 4: expected B on t to move away from ?: 60 → 100" },
        // In range and moved as asked: the range is checked first, then the direction is what the line says.
        { new PositionExpectation("B", "t", new Interval(90, 100), Direction.Away, null, "A"), true, true, "line 4: expected B on t to move away from A: 60 → 100" },
    };

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task A_position_expectation_compares_where_the_actor_is_with_where_it_started(Expectation expectation, bool jolted, bool passed, string why) =>
        Assert.Equal((passed, why), await Check(expectation, jolted));

    public static TheoryData<Expectation, bool, string> Events() => new()
    {
        // Event 1 is A's proposal p1, event 2 B's acceptance; nobody rejects.
        { new EventExpectation(new EventPattern(EventKind.Accept, "B", null, "p1"), true), true, "line 2: accept by B from p1 happened (event 2)" },
        { new EventExpectation(new EventPattern(EventKind.Reject, "B", "t", null), true), false, "line 2: expected reject by B on t, which did not happen" },
        { new EventExpectation(new EventPattern(EventKind.Reject, null, null, null), false), true, "line 2: reject did not happen, as expected" },
        { new EventExpectation(new EventPattern(EventKind.AgreementMade, null, "t", null), false), false, "line 2: expected no agreement-made on t, but it happened (event 3)" },
        { new OrderExpectation([new EventPattern(EventKind.Proposal, "A", null, null), new EventPattern(EventKind.Accept, "B", null, null)]), true, "line 2: 2 events happened in order" },
        // The acceptance (event 2) matches first; no proposal comes after it.
        { new OrderExpectation([new EventPattern(EventKind.Accept, null, null, null), new EventPattern(EventKind.Proposal, null, null, null)]), false,
            "line 2: expected proposal after event 2, found none" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task An_event_expectation_names_the_event_that_matched(Expectation expectation, bool passed, string why) =>
        Assert.Equal((passed, why), await Check(expectation));

    [Fact]
    public async Task The_reason_follows_the_finding_and_each_failure_counts_once()
    {
        var (timeline, failures) = await Run(Offer, new ExpectStep("check", 2, "B takes what beats no deal",
        [
            new AgreementExpectation("t", false, [], null, null),
            new AgreementExpectation("u", false, [], null, null),
            new PositionExpectation("A", "u", null, null, null, null),
        ]));
        var checks = timeline.Where(e => e.Step == "check").ToArray();
        Assert.Equal(
        [
            (EventKind.ExpectationPassed, "t", "line 2: expected an agreement on t: p1 at 57 (holding, A+B); because B takes what beats no deal"),
            (EventKind.ExpectationFailed, "u", "line 2: expected an agreement on u: no such agreement on u; because B takes what beats no deal"),
            (EventKind.ExpectationFailed, "u", "line 2: A holds no position on u; because B takes what beats no deal"),
        ], checks.Select(e => (e.Kind, e.Topic, e.Why)));
        Assert.Equal(2, failures);
    }

    [Fact]
    public async Task A_jolt_past_twice_the_window_breaches_the_agreement_as_the_shock_s_event()
    {
        var (timeline, _) = await Run(Offer, Jolt);
        // 3 events of the offer, then the shock, B's move from 60 to 100 and the breach, caused by the shock.
        var after = timeline.Skip(3).ToArray();
        Assert.Equal([EventKind.Shock, EventKind.Move, EventKind.AgreementBreached], after.Select(e => e.Kind));
        Assert.Equal(("jolt", "B turns"), (after[0].Cause, after[0].Why));
        Assert.Equal(("B", "t", 60.0, 100.0, "jolt"), (after[1].Actor, after[1].Topic, after[1].Before!.Value, after[1].After!.Value, after[1].Cause));
        Assert.Equal(("B", "t", "jolt"), (after[2].Actor, after[2].Topic, after[2].Cause));
        Assert.StartsWith("p1: ", after[2].Why);
    }

    /// <summary>An expectation of a kind the runner does not know, as a later kind would be to an older runner.</summary>
    private sealed record UnknownExpectation : Expectation;

    // An expectation the runner cannot check fails, and says so, on no topic.
    [Fact]
    public async Task An_expectation_of_an_unknown_kind_fails_and_says_so()
    {
        var (timeline, failures) = await Run(Offer, new ExpectStep("check", 2, "", [new UnknownExpectation()]));
        var e = Assert.Single(timeline, e => e.Step == "check");
        Assert.Equal((EventKind.ExpectationFailed, (string?)null, "line 2: unknown expectation"), (e.Kind, e.Topic, e.Why));
        Assert.Equal(1, failures);
    }

    // Once an expect step is checked, the run keeps no watch for it: a run's state holds only the watches of the
    // expectations still to come (here the second expect step's, step 2).
    [Fact]
    public async Task A_checked_step_s_watches_are_forgotten()
    {
        var world = Pair();
        var watchAccept = new EventExpectation(new EventPattern(EventKind.Accept, null, null, null), true);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            Offer, new ExpectStep("first", 2, "", [watchAccept]), new ExpectStep("second", 3, "", [watchAccept])), world);
        var runner = new ScenarioRunner(new LocalWorld(world), state);
        await runner.AdvanceAsync();
        await runner.AdvanceAsync();
        Assert.Equal([2], state.Watches!.Select(w => w.Step));
    }

    // Two agreements on t, neither in [90, 100]: g1 at 50, superseded, and g2 at 55, holding. One is still in force,
    // so the answer is "none that matches" (not "none in force"), and both are named, in the table's order, apart.
    [Fact]
    public async Task An_agreement_expectation_names_every_agreement_on_the_topic()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", 40, 1), Position("B", "t", 60, 1)],
            [Agreement("g1", "t", 50, "A", "B") with { Status = AgreementStatus.Superseded }, Agreement("g2", "t", 55, "A", "B")]);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            new ExpectStep("check", 1, "", [new AgreementExpectation("t", false, [], new Interval(90, 100), null)])), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        Assert.Equal("line 1: expected an agreement on t in [90, 100]: none that matches on t; on the topic: g1 at 50 (superseded, A+B); g2 at 55 (holding, A+B)",
            Assert.Single(timeline).Why);
    }
}
