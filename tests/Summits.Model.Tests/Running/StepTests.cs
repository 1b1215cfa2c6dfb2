using System.Collections.Immutable;
using Summits.Model;
using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

/// <summary>
/// What the runner does with each kind of step besides rounds and expectations: a proposal with a deadline is
/// renewed each round until it expires, a scripted answer for a rounds step answers its round offers, and a shock
/// changes the actor the rest of the run sees.
/// </summary>
public sealed class StepTests
{
    // A at 40 and B at 60 on t, salience 1 (windows of 5: A's no deal 45, B's 55; no influence moves them); C holds
    // no position. Topic u has no holder, so rounds on u alone offer nothing.
    private static World Trio() =>
        World([Actor("A"), Actor("B"), Actor("C")], [Topic("t"), Topic("u")], [Position("A", "t", 40, 1), Position("B", "t", 60, 1)]);

    private static async Task<(ImmutableArray<TimelineEvent> Timeline, RunState State)> Run(params Step[] steps)
    {
        var world = Trio();
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default, steps), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        return (timeline, state);
    }

    [Fact]
    public async Task A_proposal_with_a_deadline_is_renewed_each_round_at_that_round_s_time_and_expires_after_its_last()
    {
        // A offers 45 on t with a deadline of 2 rounds, then two rounds run on u alone (no offers there).
        var (timeline, state) = await Run(
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 45)], AgreementRule.Unanimity, 2),
            new RoundsStep("r", 2, 2, ["u"], AgreementRule.Unanimity));
        // B, linear with reservation 55, answers each time with its own offer at τ, 60 + τ·(55 − 60), which is
        // better for it than 45 (so it never accepts): at τ = 0 (the proposal itself) 60, in round 1 of 2
        // (τ = 0.5) 57.5, in round 2 (τ = 1) 55. After round 2 both rounds of the deadline are used: the proposal
        // expires, nothing is open any more, and the step ends as settled.
        var proposals = timeline.Where(e => e.Kind == EventKind.Proposal).Select(e => (e.Cause, e.Why)).ToArray();
        Assert.Equal([("p1", "proposal to B under unanimity"), ("p1~1", "renewed proposal to B under unanimity"), ("p1~2", "renewed proposal to B under unanimity")], proposals);
        var answers = timeline.Where(e => e.Actor == "B" && e.Kind is EventKind.Accept or EventKind.Reject or EventKind.Counter).ToArray();
        Assert.DoesNotContain(answers, e => e.Kind == EventKind.Accept);
        Assert.Equal([60.0, 57.5, 55.0], answers.Select(e => Assert.Single(e.Terms!.Value).Value));
        var expired = Assert.Single(timeline, e => e.Kind == EventKind.ProposalExpired);
        Assert.Equal(("A", "t", "p1", "its deadline passed without agreement", 2), (expired.Actor, expired.Topic, expired.Cause, expired.Why, expired.Round));
        var end = timeline[^1];
        Assert.Equal((EventKind.Converged, "every topic in play is settled"), (end.Kind, end.Why));
        Assert.Empty(state.Open);
    }

    [Fact]
    public async Task A_proposal_with_a_deadline_opens_at_the_time_its_step_says_and_is_renewed_at_its_round_s()
    {
        // As above, but the proposal opens a quarter of the way through (an exercise's round that comes after offers
        // at τ = 0.25) with a deadline of 1. B answers with its own offer 60 + τ·(55 − 60): at τ = 0.25 (the proposal)
        // 58.75, not 60; in round 1 of 2 (τ = 0.5, the renewal p1~1) 57.5. Its reason says the time it judged at.
        var (timeline, _) = await Run(
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 45)], AgreementRule.Unanimity, 1, Opens: 0.25),
            new RoundsStep("r", 2, 2, ["u"], AgreementRule.Unanimity));
        var answers = timeline.Where(e => e.Actor == "B" && e.Kind is EventKind.Accept or EventKind.Reject or EventKind.Counter).ToArray();
        Assert.Equal([58.75, 57.5], answers.Select(e => Assert.Single(e.Terms!.Value).Value));
        Assert.Contains(" at τ 0.25: ", answers[0].Why, StringComparison.Ordinal);
        Assert.Contains(" at τ 0.5: ", answers[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proposal_accepted_on_renewal_is_no_longer_open()
    {
        // A offers 55 with a deadline of 3. At τ = 0 B's own offer is 60, better for it than 55: no. In round 1
        // of 2 (τ = 0.5) B's own offer is 57.5: still no. In round 2 (τ = 1) B's own offer is its reservation 55,
        // and 55 is as good: B accepts the renewal p1~2, which makes the agreement, and the proposal it renews
        // is no longer open, so it never expires.
        var (timeline, state) = await Run(
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 55)], AgreementRule.Unanimity, 3),
            new RoundsStep("r", 2, 2, ["u"], AgreementRule.Unanimity));
        var made = Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade);
        Assert.Equal(("p1~2", 2), (made.Cause, made.Round));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.ProposalExpired);
        Assert.Empty(state.Open);
    }

    [Fact]
    public async Task A_scripted_answer_for_a_rounds_step_answers_its_round_offers()
    {
        // B is told to accept the offers of step r. A opens: at τ = 1/10 its linear offer is 40 + 0.1·(45 − 40) =
        // 40.5, which B on its own would refuse (its no deal is 55); scripted, it accepts, at 40.5 as offered.
        var (timeline, _) = await Run(
            new RespondStep("say", 1, "B", "r", new ScriptedAnswer(Response.Accept, [], "told to")),
            new RoundsStep("r", 2, 10, [], AgreementRule.Unanimity, "A"));
        var accept = Assert.Single(timeline, e => e.Kind == EventKind.Accept);
        Assert.Equal(("B", "r.r1.t"), (accept.Actor, accept.Cause));
        Assert.StartsWith("scripted: told to (model: ", accept.Why);
        var made = Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade);
        Assert.Equal(40.5, Assert.Single(made.Terms!.Value).Value, 9);
        Assert.Equal("accepted by A and B under unanimity", made.Why);
        Assert.Equal((EventKind.Converged, "every topic in play is settled"), (timeline[^1].Kind, timeline[^1].Why));
    }

    [Fact]
    public async Task A_shock_changes_the_actor_the_rest_of_the_run_sees()
    {
        var world = Trio();
        var local = new LocalWorld(world);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default, [new ShockStep("s", 1, "a new government",
        [
            new ShockChange(ShockTarget.Capability, "A", null, null, 0.9, null, null),
            new ShockChange(ShockTarget.Affinity, "A", null, "B", null, -0.25, null),
            new ShockChange(ShockTarget.Position, "C", "t", null, 50, null, 0.5),
        ])]), world);
        var timeline = await new ScenarioRunner(local, state).RunToEndAsync();
        // Capability 0.5 → 0.9; affinity toward B 0 − 0.25 = −0.25; C, with no position on t, takes one at 50.
        // The country holds the actor, and the world read back from the countries shows it.
        var a = local.Snapshot().Actors.Single(x => x.Id == "A");
        Assert.Equal(0.9, a.Capability);
        Assert.Equal(-0.25, a.Affinity["B"]);
        Assert.Equal(50, state.Start["C/t"]);
        Assert.Equal(
        [
            (EventKind.Shock, null, null, null, null, "a new government"),
            (EventKind.CapabilityChanged, "A", null, 0.5, 0.9, "a new government"),
            (EventKind.AffinityChanged, "A", null, 0.0, -0.25, "toward B"),
            (EventKind.PositionAdded, "C", "t", null, 50.0, "a new government"),
        ], timeline.Select(e => (e.Kind, e.Actor, e.Topic, e.Before, e.After, e.Why)));
        Assert.All(timeline, e => Assert.Equal("s", e.Cause));
    }

    [Fact]
    public async Task A_run_weighs_votes_with_the_capability_its_country_holds()
    {
        // A and C at 40, B at 60 on t (salience 1, windows of 5). A proposes 40 to B and C under weighted majority:
        // C accepts (40 is its own position), B rejects (its no deal is 55). With the seeded capabilities A 0.2,
        // B 0.5, C 0.2, A and C hold 0.4 of 0.9, not more than half (0.45): no agreement. B's capability is changed
        // to 0.3 at its country before the run begins; the country is the one owner of the value, so the run weighs
        // with it: A and C hold 0.4 of 0.2 + 0.3 + 0.2 = 0.7, more than half (0.35), and the agreement is made.
        var world = World([Actor("A", 0.2), Actor("B", 0.5), Actor("C", 0.2)], [Topic("t")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 1), Position("C", "t", 40, 1)]);
        var local = new LocalWorld(world);
        await local.Country("B").Shock("before", new ShockChange(ShockTarget.Capability, "B", null, null, 0.3, null, null), "before", [], ModelParameters.Default);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            [new ProposeStep("p", 1, "A", ["B", "C"], [new Term("t", 40)], new AgreementRule(AgreementRuleKind.WeightedMajority), null)]), world);
        var timeline = await new ScenarioRunner(local, state).RunToEndAsync();
        Assert.Equal([EventKind.Proposal, EventKind.Reject, EventKind.Accept, EventKind.AgreementMade],
            timeline.Select(e => e.Kind).Where(k => k != EventKind.Move));
        Assert.Equal("accepted by A and C under weighted-majority", Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade).Why);
    }

    [Fact]
    public async Task A_run_weighs_the_proposer_with_the_capability_its_country_answers_with()
    {
        // The table of the test above, with the seeded capabilities A 0.2, B 0.5, C 0.2: C accepts A's 40, B rejects,
        // and A and C hold 0.4 of 0.9, not more than half. A's capability is changed to 0.5 at its country before
        // the run; the proposer's country answers the proposal with it, so A and C hold 0.5 + 0.2 = 0.7 of
        // 0.5 + 0.5 + 0.2 = 1.2, more than half (0.6), and the agreement is made.
        var world = World([Actor("A", 0.2), Actor("B", 0.5), Actor("C", 0.2)], [Topic("t")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 1), Position("C", "t", 40, 1)]);
        var local = new LocalWorld(world);
        await local.Country("A").Shock("before", new ShockChange(ShockTarget.Capability, "A", null, null, 0.5, null, null), "before", [], ModelParameters.Default);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            [new ProposeStep("p", 1, "A", ["B", "C"], [new Term("t", 40)], new AgreementRule(AgreementRuleKind.WeightedMajority), null)]), world);
        var timeline = await new ScenarioRunner(local, state).RunToEndAsync();
        Assert.Equal("accepted by A and C under weighted-majority", Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade).Why);
    }

    [Fact]
    public async Task A_position_added_by_a_shock_joins_its_topic_s_rounds()
    {
        // C joins t at 50 (salience 0.5). In round 1 of 1 (τ = 1) the three holders bargain on t: C's arrival
        // made it a three-party table, so the round offer goes to the two others.
        var (timeline, _) = await Run(
            new ShockStep("s", 1, "C takes a view", [new ShockChange(ShockTarget.Position, "C", "t", null, 50, null, 0.5)]),
            new RoundsStep("r", 2, 1, ["t"], AgreementRule.Unanimity, "C"));
        var offer = Assert.Single(timeline, e => e.Kind == EventKind.Proposal);
        Assert.Equal(("C", "round offer to A and B under unanimity"), (offer.Actor, offer.Why));
    }

    [Fact]
    public async Task A_round_offers_to_the_holders_in_the_world_s_order_of_actors_whatever_the_order_of_their_positions()
    {
        // The world lists its actors A, B, C and its positions on t the other way round (C, B, A). In round 1 of 1
        // C opens: the round offer goes to the other two holders in the actors' order, A and B, not B and A.
        var world = World([Actor("A"), Actor("B"), Actor("C")], [Topic("t")],
            [Position("C", "t", 50, 1), Position("B", "t", 60, 1), Position("A", "t", 40, 1)]);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            [new RoundsStep("r", 1, 1, ["t"], AgreementRule.Unanimity, "C")]), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        var offer = Assert.Single(timeline, e => e.Kind == EventKind.Proposal);
        Assert.Equal(("C", "round offer to A and B under unanimity"), (offer.Actor, offer.Why));
    }

    [Fact]
    public async Task A_proposal_to_three_recipients_names_them_as_an_english_list()
    {
        // A list as English writes it (Listed.And): commas between all but the last two, "and" before the last, so
        // B, C and D, not "B, C, D" or "B and C and D".
        var world = World([Actor("A"), Actor("B"), Actor("C"), Actor("D")], [Topic("t")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 1), Position("C", "t", 60, 1), Position("D", "t", 60, 1)]);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            [new ProposeStep("p", 1, "A", ["B", "C", "D"], [new Term("t", 45)], AgreementRule.Unanimity, null)]), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        var proposal = Assert.Single(timeline, e => e.Kind == EventKind.Proposal);
        Assert.Equal(("A", "proposal to B, C and D under unanimity"), (proposal.Actor, proposal.Why));
    }
    [Fact]
    public async Task A_proposal_accepted_at_once_is_not_renewed_even_with_a_deadline()
    {
        // 60 is B's own position, as good as its own offer at τ = 0: B accepts the proposal itself.
        var (timeline, state) = await Run(
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 60)], AgreementRule.Unanimity, 2),
            new RoundsStep("r", 2, 2, ["u"], AgreementRule.Unanimity));
        Assert.Equal("p1", Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade).Cause);
        Assert.Equal(["p1"], timeline.Where(e => e.Kind == EventKind.Proposal).Select(e => e.Cause));
        Assert.Empty(state.Open);
    }

    [Fact]
    public async Task A_scripted_answer_to_a_proposal_overrides_the_model()
    {
        // B would accept 60, its own position; the script says reject, and the reason says both.
        var (timeline, _) = await Run(
            new RespondStep("say", 1, "B", "p1", new ScriptedAnswer(Response.Reject, [], "")),
            new ProposeStep("p1", 2, "A", ["B"], [new Term("t", 60)], AgreementRule.Unanimity, null));
        var answer = Assert.Single(timeline, e => e.Actor == "B" && e.Kind != EventKind.Move);
        Assert.Equal(EventKind.Reject, answer.Kind);
        Assert.StartsWith("scripted, no reason given (model: ", answer.Why);
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.AgreementMade);
    }

    [Fact]
    public async Task Each_rounds_step_counts_its_own_rounds_from_one()
    {
        // Two rounds steps on u (nothing to offer), of 2 and 3 rounds, each to its end: with nothing open the
        // first ends after its first round as settled, and so does the second, which counts from 1 again.
        var (timeline, state) = await Run(
            new RoundsStep("r", 1, 2, ["u"], AgreementRule.Unanimity),
            new RoundsStep("q", 2, 3, ["u"], AgreementRule.Unanimity));
        Assert.Equal([("r", 1, "round 1 of 2"), ("q", 1, "round 1 of 3")],
            timeline.Where(e => e.Kind == EventKind.Round).Select(e => (e.Step, e.Round!.Value, e.Why!)));
        // The run counts every round it played across steps: 1 + 1 = 2.
        Assert.Equal(2, state.TotalRounds);
    }

    [Fact]
    public async Task A_rounds_step_that_plays_one_round_plays_it_at_that_round_s_time()
    {
        // Only round 5 of 10, A opening: at τ = 0.5 A's linear offer is 40 + 0.5·(45 − 40) = 42.5; B rejects it
        // (worse than its no deal 55) with its own offer 60 + 0.5·(55 − 60) = 57.5, and the step ends there, after
        // the one round.
        var (timeline, state) = await Run(new RoundsStep("r", 1, 10, ["t"], AgreementRule.Unanimity, "A", 5));
        Assert.Equal("round 5 of 10", Assert.Single(timeline, e => e.Kind == EventKind.Round).Why);
        Assert.Equal(42.5, Assert.Single(Assert.Single(timeline, e => e.Kind == EventKind.Proposal).Terms!.Value).Value, 9);
        var answer = Assert.Single(timeline, e => e.Actor == "B");
        Assert.Equal(EventKind.Reject, answer.Kind);
        Assert.Equal(57.5, Assert.Single(answer.Terms!.Value).Value, 9);
        Assert.True(state.Finished);
    }

    [Fact]
    public async Task Advancing_a_finished_run_adds_nothing()
    {
        var world = Trio();
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default, new RoundsStep("r", 1, 1, ["u"], AgreementRule.Unanimity)), world);
        var runner = new ScenarioRunner(new LocalWorld(world), state);
        Assert.NotEmpty(await runner.AdvanceAsync());
        Assert.True(state.Finished);
        Assert.Empty(await runner.AdvanceAsync());
        Assert.Equal(2, state.Events);
    }

    // A at 40 with salience 0.1 (window 5 + 45·0.9 = 45.5 points, so 57 is inside it) and B at 60 with salience 1
    // (window 5); A proposes 57, which B accepts (it beats B's no deal 55).
    private static readonly World Loose =
        World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", 40, 0.1), Position("B", "t", 60, 1)]);

    private static ShockStep Move(string id, double to) => new(id, 2, "drift", [new ShockChange(ShockTarget.Position, "B", "t", null, to, null, null)]);

    [Fact]
    public async Task A_strained_agreement_holds_again_when_every_party_is_back_inside_its_window()
    {
        // B to 64: 7 from 57, beyond its 5-point window but not beyond BreachFactor 2 × 5 = 10: strained. B back
        // to 58: 1 from 57, and A 17 from it, inside its 45.5: restored.
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 57)], AgreementRule.Unanimity, null), Move("out", 64), Move("back", 58)), Loose);
        var timeline = await new ScenarioRunner(new LocalWorld(Loose), state).RunToEndAsync();
        Assert.Equal(
        [
            (EventKind.Shock, null, "out"), (EventKind.Move, "B", "out"), (EventKind.AgreementStrained, "B", "out"),
            (EventKind.Shock, null, "back"), (EventKind.Move, "B", "back"), (EventKind.AgreementRestored, "B", "back"),
        ], timeline.Skip(3).Select(e => (e.Kind, e.Actor, e.Cause)));
        Assert.All(timeline.Skip(3).Where(e => e.Kind is EventKind.AgreementStrained or EventKind.AgreementRestored), e => Assert.StartsWith("p1: ", e.Why));
    }

    [Fact]
    public async Task A_party_back_at_the_edge_of_its_window_counts_as_inside_and_restores_the_agreement()
    {
        // As above, but B comes back to 62: exactly its 5-point window from 57 (62 − 57 = 5 = 5 + 45·(1 − 1)),
        // which is still inside (a party strains an agreement only beyond its window), so the agreement holds
        // again.
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 57)], AgreementRule.Unanimity, null), Move("out", 64), Move("back", 62)), Loose);
        var timeline = await new ScenarioRunner(new LocalWorld(Loose), state).RunToEndAsync();
        Assert.Equal([EventKind.AgreementStrained, EventKind.AgreementRestored],
            timeline.Where(e => e.Kind is EventKind.AgreementStrained or EventKind.AgreementRestored).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_strained_agreement_stays_strained_while_another_party_is_outside_its_window()
    {
        // As above, but A has salience 1 too: at 40 it is 17 from 57, beyond its own 5-point window, so B's return
        // inside its window does not restore the agreement.
        var tight = World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", 40, 1), Position("B", "t", 60, 1)]);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 57)], AgreementRule.Unanimity, null), Move("out", 64), Move("back", 58)), tight);
        var timeline = await new ScenarioRunner(new LocalWorld(tight), state).RunToEndAsync();
        Assert.Single(timeline, e => e.Kind == EventKind.AgreementStrained);
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.AgreementRestored);
    }

    private sealed class Recorder : IRunObserver
    {
        public List<string> Calls { get; } = [];
        public IDisposable? BeginStep(Step step, int? round) { Calls.Add($"step {step.Id} {round}"); return null; }
        public IDisposable? BeginProposal(Proposal proposal) { Calls.Add($"begin {proposal.Id}"); return null; }
        public void EndProposal(Proposal proposal, ImmutableArray<string> parties) => Calls.Add($"end {proposal.Id} {string.Join('+', parties)}");
        public void Emitted(TimelineEvent e) => Calls.Add($"event {e.Seq} {e.Kind}");
    }

    [Fact]
    public async Task An_observer_sees_each_step_each_proposal_with_its_parties_and_each_event()
    {
        // A proposes 60 to B, which accepts (its own position): the proposal, the acceptance and the agreement.
        var world = Trio();
        var recorder = new Recorder();
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 60)], AgreementRule.Unanimity, null)), world);
        await new ScenarioRunner(new LocalWorld(world), state, recorder).RunToEndAsync();
        Assert.Equal(["step p1 ", "begin p1", "event 1 Proposal", "event 2 Accept", "event 3 AgreementMade", "end p1 A+B"], recorder.Calls);
    }
    [Fact]
    public async Task A_stalled_run_says_why_it_stopped()
    {
        // Two hard-liners at 40 and 60, salience 1 (reservations 45 and 55): each offers its own position and
        // accepts nothing else, and at the deadline neither's offer beats the other's no deal. Round 1 makes the
        // first offers, round 2 repeats them: nothing changed and nothing could, so the run stops after round 2.
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 1)]);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default, new RoundsStep("r", 1, 10, [], AgreementRule.Unanimity, "A")), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        var end = timeline[^1];
        Assert.Equal((EventKind.Converged, "r", 2), (end.Kind, end.Cause, end.Round));
        Assert.Equal("no offer and no position changed by more than 0.01 in round 2, and no party's tactic would offer or accept otherwise before the deadline", end.Why);
    }

    [Fact]
    public async Task A_proposal_moves_its_recipient_and_says_by_whose_proposal()
    {
        // B at salience 0.5 is moved toward A's 45 (damping 1 − 0.5); the move names A's proposal as its cause.
        var world = World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", 40, 1), Position("B", "t", 60, 0.5)]);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 45)], AgreementRule.Unanimity, null)), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        var move = Assert.Single(timeline, e => e.Kind == EventKind.Move);
        Assert.Equal(("B", "t", "p1", "moved by A's proposal"), (move.Actor, move.Topic, move.Cause, move.Why));
        Assert.True(move.After < move.Before);
    }

    [Fact]
    public async Task With_no_weight_on_the_other_side_the_proposer_aims_at_its_plain_average()
    {
        // B at 30 and C at 60 have capability 0, so capability × salience gives them no weight: the other side is
        // their plain mean, 45, above A's 40, so A's reservation lies its 5-point window above it, at 45, and its
        // linear offer at τ = 1/10 is 40 + 0.1·(45 − 40) = 40.5. (Toward B's 30 alone it would be 39.5.)
        var world = World([Actor("A"), Actor("B", 0), Actor("C", 0)], [Topic("t")],
            [Position("A", "t", 40, 1), Position("B", "t", 30, 1), Position("C", "t", 60, 1)]);
        var state = RunState.Begin(LocalRun.Scenario(LocalRun.NoInfluence, new RoundsStep("r", 1, 10, [], AgreementRule.Unanimity, "A", 1)), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        var offer = Assert.Single(timeline, e => e.Kind == EventKind.Proposal);
        Assert.Equal(40.5, Assert.Single(offer.Terms!.Value).Value, 9);
    }

    [Fact]
    public async Task The_other_side_is_its_holders_positions_weighted_by_capability_times_salience()
    {
        // A at 0 with salience 0 has a 50-point window (5 + 45·1). B (capability 0.9, salience 0.5) at 40 and
        // C (capability 0.1, salience 1) at 80 weigh 0.45 and 0.1: the other side stands at
        // (0.45·40 + 0.1·80) / 0.55 = 26 / 0.55 = 47.2727…, above A, so A's reservation is 0 + 50 = 50. In the
        // last round of 10 (τ = 1) a linear A offers its reservation, 50, but never past the other side: 47.2727….
        // (Weighted by capability over salience it would be (1.8·40 + 0.1·80) / 1.9 = 42.11; by the heavier
        // weight alone, 26 / 0.45 = 57.8, and A would offer 50.)
        var world = World([Actor("A"), Actor("B", 0.9), Actor("C", 0.1)], [Topic("t")],
            [Position("A", "t", 0, 0), Position("B", "t", 40, 0.5), Position("C", "t", 80, 1)]);
        var state = RunState.Begin(LocalRun.Scenario(LocalRun.NoInfluence, new RoundsStep("r", 1, 10, [], AgreementRule.Unanimity, "A", 10)), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        var offer = timeline.First(e => e.Kind == EventKind.Proposal);
        Assert.Equal("A", offer.Actor);
        Assert.Equal(26 / 0.55, Assert.Single(offer.Terms!.Value).Value, 9);
    }

    [Fact]
    public async Task Without_an_opener_each_topic_s_first_offer_passes_to_the_next_holder_in_the_world_s_order()
    {
        // A, B and C hold t, u and v, and the step names no opener: the seed picks where the turn starts on t,
        // and each later topic starts one holder further on in the world's order (A, B, C, then A again), so
        // in round 1 the three topics are opened by three different actors, in that cyclic order, whatever the
        // seed picked.
        var world = World([Actor("A"), Actor("B"), Actor("C")], [Topic("t"), Topic("u"), Topic("v")],
            [.. new[] { "t", "u", "v" }.SelectMany(t => new[] { Position("A", t, 20, 1), Position("B", t, 50, 1), Position("C", t, 80, 1) })]);
        string[] order = ["A", "B", "C"];
        foreach (var seed in new ulong[] { 0, 1, 2 })
        {
            var scenario = LocalRun.Scenario(LocalRun.NoInfluence, new RoundsStep("r", 1, 10, [], AgreementRule.Unanimity, null, 1)) with { Seed = seed };
            var state = RunState.Begin(scenario, world);
            var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
            var openers = timeline.Where(e => e.Kind == EventKind.Proposal).Select(e => Array.IndexOf(order, e.Actor)).ToArray();
            Assert.Equal(3, openers.Length);
            Assert.Equal([openers[0], (openers[0] + 1) % 3, (openers[0] + 2) % 3], openers);
        }
    }

    [Fact]
    public async Task Without_an_opener_the_seed_chooses_who_opens_among_all_the_holders()
    {
        // A, B and C hold t, and the step names no opener. The seed's first draw is a place among 2^20, and the
        // turn starts one holder past it: the opener of round 1 is the holder at (draw + 1) mod 3 in the world's
        // order. A place drawn uniformly among 2^20 falls on each of the three holders about a third of the time,
        // so over seeds 1 to 20 each holder opens at least once: the chance that one of them never does is about
        // 3 · (2/3)^20 ≈ 0.0009. (Were every draw the same, one holder would open for every seed.)
        var world = World([Actor("A"), Actor("B"), Actor("C")], [Topic("t")],
            [Position("A", "t", 20, 1), Position("B", "t", 50, 1), Position("C", "t", 80, 1)]);
        string[] order = ["A", "B", "C"];
        var openers = new List<string>();
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var scenario = LocalRun.Scenario(LocalRun.NoInfluence, new RoundsStep("r", 1, 10, [], AgreementRule.Unanimity, null, 1)) with { Seed = seed };
            var timeline = await new ScenarioRunner(new LocalWorld(world), RunState.Begin(scenario, world)).RunToEndAsync();
            var opener = timeline.First(e => e.Kind == EventKind.Proposal).Actor!;
            Assert.Equal(order[(new WorldRandom(seed).Next(1 << 20) + 1) % 3], opener);
            openers.Add(opener);
        }
        Assert.Equal(["A", "B", "C"], openers.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_package_superseded_topic_by_topic_is_first_partly_then_wholly_superseded()
    {
        // A (salience 0.1, windows of 45.5) and B (salience 1, at 60 on t and 50 on u) hold the package "old" at
        // t 57, u 50. B accepts 58 on t (nearer its 60 than the 57 it is held to) and then 50 on u (its own
        // position). The first binds both parties of "old" on t alone: partly superseded, still binding on u;
        // the second takes u too: superseded. Each change is one event, caused by the agreement that made it.
        var world = World([Actor("A"), Actor("B")], [Topic("t"), Topic("u")],
            [Position("A", "t", 40, 0.1), Position("A", "u", 40, 0.1), Position("B", "t", 60, 1), Position("B", "u", 50, 1)],
            [Package("old", [("t", 57), ("u", 50)], "A", "B")]);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p2", 1, "A", ["B"], [new Term("t", 58)], AgreementRule.Unanimity, null),
            new ProposeStep("p3", 2, "A", ["B"], [new Term("u", 50)], AgreementRule.Unanimity, null)), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();
        var changes = timeline.Where(e => e.Kind is EventKind.AgreementPartlySuperseded or EventKind.AgreementSuperseded)
            .Select(e => (e.Kind, e.Actor, e.Topic, e.Cause, e.Why)).ToArray();
        Assert.Equal(
        [
            (EventKind.AgreementPartlySuperseded, null, "t", "p2", "old: partly superseded by p2: on t; still binding on u"),
            (EventKind.AgreementSuperseded, null, "t", "p3", "old: superseded by p3"),
        ], changes);
    }

    [Fact]
    public async Task Spatial_model_turns_steps_run_their_turns_one_advance_each_and_the_next_step_counts_from_one()
    {
        // A spatial-model step of at most 2 turns always runs both (the model stops early only from its 2nd turn on,
        // and the 2nd is its last anyway); the next step, of at most 1 turn, then runs its own turn 1 (not turn 3).
        // The spatial model needs every actor's position on every topic: A at 40 and B at 60 on t alone.
        var world = World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", 40, 1), Position("B", "t", 60, 1)]);
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default, new SmpTurnsStep("s1", 1, 2), new SmpTurnsStep("s2", 2, 1)), world);
        var timeline = await new ScenarioRunner(new LocalWorld(world), state).RunToEndAsync();

        var turns = timeline.Where(e => e.Kind == EventKind.Round).Select(e => (e.Cause, e.Why![..e.Why!.IndexOf(':')])).ToArray();
        Assert.Equal([("s1", "spatial-model turn 1 of at most 2"), ("s1", "spatial-model turn 2 of at most 2"), ("s2", "spatial-model turn 1 of at most 1")], turns);
        Assert.True(state.Finished);
    }
}
