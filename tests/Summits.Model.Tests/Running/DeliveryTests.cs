using System.Collections.Immutable;
using Summits.Model;
using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

/// <summary>
/// How the runner delivers proposals and applies what they do: cancellation, scripted answers, the changes a
/// proposal makes to agreements, the split of offers at the deadline, and packages.
/// </summary>
public sealed class DeliveryTests
{
    /// <summary>Records the events a run emits and cancels the run as a step begins, when told to.</summary>
    private sealed class Watcher(CancellationTokenSource? cancelAtStep = null) : IRunObserver
    {
        public List<TimelineEvent> Events { get; } = [];

        public IDisposable? BeginStep(Step step, int? round)
        {
            cancelAtStep?.Cancel();
            return null;
        }

        public IDisposable? BeginProposal(Proposal proposal) => null;

        public void EndProposal(Proposal proposal, ImmutableArray<string> parties) { }

        public void Emitted(TimelineEvent e) => Events.Add(e);
    }

    // A at 40 and B at 60 on t, salience 1 (windows of 5); C holds no position; u has no holder.
    private static World Trio() =>
        World([Actor("A"), Actor("B"), Actor("C")], [Topic("t"), Topic("u")], [Position("A", "t", 40, 1), Position("B", "t", 60, 1)]);

    private static ScriptedAnswer Told(Response response) => new(response, [], "told to");

    // A run cancelled before it advances does nothing: not even a step that delivers no proposal (a scripted answer).
    [Fact]
    public async Task An_advance_cancelled_before_it_begins_runs_no_step()
    {
        var world = Trio();
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default, new RespondStep("a", 1, "B", "p1", Told(Response.Accept))), world);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ScenarioRunner(new LocalWorld(world), state, null, cancel.Token).AdvanceAsync());
        Assert.Equal(0, state.NextStep);
        Assert.Empty(state.Scripted);
    }

    // Cancelled once the step has begun (as Ctrl-C may come at any time), the proposal is not delivered: the
    // advance stops before the proposal's event, so none is written.
    [Fact]
    public async Task A_proposal_is_not_delivered_once_the_run_is_cancelled()
    {
        var world = Trio();
        var state = RunState.Begin(LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 57)], AgreementRule.Unanimity, null)), world);
        using var cancel = new CancellationTokenSource();
        var watcher = new Watcher(cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ScenarioRunner(new LocalWorld(world), state, watcher, cancel.Token).AdvanceAsync());
        Assert.Empty(watcher.Events);
    }

    // A proposes 57 on t to B, an ultimatum (τ = 1): 57 lies inside B's window around 60 (55 to 65), so B accepts.
    // An acceptance offers nothing back: its event carries no terms; the proposal's carries A's 57.
    [Fact]
    public async Task An_acceptance_carries_no_terms()
    {
        var (timeline, _) = await LocalRun.Of(Trio(), LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 57)], AgreementRule.Unanimity, null)));
        var accept = Assert.Single(timeline, e => e.Kind == EventKind.Accept);
        Assert.Equal("B", accept.Actor);
        Assert.Null(accept.Terms);
        Assert.Equal(57, Assert.Single(timeline.Single(e => e.Kind == EventKind.Proposal).Terms!.Value).Value);
    }

    // A and B agreed g at 50 on t (both at 50, salience 1: window 5, breach beyond 2 × 5 = 10). A then proposes 100
    // to B: 50 points from what it agreed, more than 10, so its own proposal breaches g at once, as an event
    // caused by the proposal, by A.
    [Fact]
    public async Task A_proposal_against_the_proposer_s_own_agreement_breaches_it()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", 50, 1), Position("B", "t", 50, 1)],
            [Agreement("g", "t", 50, "A", "B")]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 100)], AgreementRule.Unanimity, null)));
        var breach = Assert.Single(timeline, e => e.Kind == EventKind.AgreementBreached);
        Assert.Equal(("A", "t", "p1"), (breach.Actor, breach.Topic, breach.Cause));
        Assert.StartsWith("g: ", breach.Why);
        Assert.Equal(AgreementStatus.Breached, (await local.Topic("t").Get()).Agreements.Single(a => a.Id == "g").Status);
    }

    // The same breach as above, told in the event's own fields beside its words: the agreement g, its parties A and B as
    // the world lists them, and the value it agreed on the event's topic t, 50, which the words give only as prose.
    [Fact]
    public async Task An_agreement_s_status_change_carries_its_id_parties_and_agreed_value_as_fields()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", 50, 1), Position("B", "t", 50, 1)],
            [Agreement("g", "t", 50, "A", "B")]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 100)], AgreementRule.Unanimity, null)));
        var breach = Assert.Single(timeline, e => e.Kind == EventKind.AgreementBreached);
        Assert.Equal("g", breach.Agreement);
        Assert.Equal(new[] { "A", "B" }, breach.Parties!.Value.ToArray());
        Assert.Equal(50, breach.Agreed);
        Assert.StartsWith("g: ", breach.Why);
        // An event of no agreement carries none of them: the proposal's own event.
        var proposal = Assert.Single(timeline, e => e.Kind == EventKind.Proposal);
        Assert.Equal((null, null, null), (proposal.Agreement, proposal.Parties, proposal.Agreed));
    }

    // A proposes 57 on t to B, who accepts (as in the acceptance above): the agreement made names its id, the one the
    // topic's table records, and its parties, the proposer A and the recipient B; its value is in its terms (t: 57), so
    // it has no single agreed value.
    [Fact]
    public async Task An_agreement_made_carries_its_id_and_parties_as_fields()
    {
        var (timeline, local) = await LocalRun.Of(Trio(), LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 57)], AgreementRule.Unanimity, null)));
        var made = Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade);
        var recorded = Assert.Single((await local.Topic("t").Get()).Agreements);
        Assert.Equal(recorded.Id, made.Agreement);
        Assert.Equal(["A", "B"], made.Parties!.Value.Order(StringComparer.Ordinal));
        Assert.Null(made.Agreed);
        Assert.Equal(57, Assert.Single(made.Terms!.Value).Value);
    }

    // A run that makes an agreement and then changes it. Step p1: A proposes 57 on t to B, who accepts (57 is inside
    // B's window around 60, 55 to 65): agreement p1, parties A and B, t at 57. Step p2: A proposes 100 to B, 43 points
    // from the 57 it agreed, past 2 × A's window of 5, so A's own proposal breaches p1. Every event about p1, the one
    // that made it and the one that changed it, names p1 and its parties A and B; the change also says the value p1
    // agreed on t, 57 (the agreement made gives it in its terms instead).
    [Fact]
    public async Task Every_event_of_an_agreement_made_and_then_changed_carries_its_id_parties_and_agreed_value()
    {
        var (timeline, _) = await LocalRun.Of(Trio(), LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 57)], AgreementRule.Unanimity, null),
            new ProposeStep("p2", 2, "A", ["B"], [new Term("t", 100)], AgreementRule.Unanimity, null)));
        var ofAgreements = timeline.Where(e => e.Kind is EventKind.AgreementMade or EventKind.AgreementStrained or EventKind.AgreementBreached
            or EventKind.AgreementRestored or EventKind.AgreementSuperseded or EventKind.AgreementPartlySuperseded).ToList();
        Assert.Equal([EventKind.AgreementMade, EventKind.AgreementBreached], ofAgreements.Select(e => e.Kind));
        foreach (var e in ofAgreements)
        {
            Assert.Equal("p1", e.Agreement);
            Assert.Equal(["A", "B"], e.Parties!.Value.Order(StringComparer.Ordinal));
            Assert.Equal(e.Kind == EventKind.AgreementMade ? null : 57, e.Agreed);
        }
    }

    // B (at 75, salience 0.5: window 5 + 45 · 0.5 = 27.5) agreed g with C at 50, 25 from where it stands. A (at 100)
    // proposes 100 to B with influence rate 1: B moves 1 · ½ (equal capabilities) · ½ (no affinity) · (1 − 0.5) ·
    // (100 − 75) = 3.125 toward it, to 78.125, 28.125 from 50: past its window (27.5), not past 2 × 27.5, so the move
    // strains g, as B's doing. B's own reservation 80 makes it refuse 100, so no new agreement supersedes g.
    [Fact]
    public async Task A_recipient_moved_out_of_its_window_strains_its_agreement()
    {
        var world = World([Actor("A"), Actor("B"), Actor("C")], [Topic("t")],
            [Position("A", "t", 100, 0.5), Position("B", "t", 75, 0.5, 80)], [Agreement("g", "t", 50, "B", "C")]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(ModelParameters.Default with { InfluenceRate = 1 },
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 100)], AgreementRule.Unanimity, null)));
        var move = Assert.Single(timeline, e => e.Kind == EventKind.Move);
        Assert.Equal(78.125, move.After!.Value, 9);
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.AgreementMade);
        var strain = Assert.Single(timeline, e => e.Kind == EventKind.AgreementStrained);
        Assert.Equal(("B", "t"), (strain.Actor, strain.Topic));
        Assert.Equal(AgreementStatus.Strained, (await local.Topic("t").Get()).Agreements.Single().Status);
    }

    // A scripted answer for a round offer's own id comes before the one for its rounds step: B is told to accept
    // "r.r1.t" (A's offer in round 1 of step r) and to reject every other offer of r. So B accepts in round 1 the
    // hard-liner A's 40, which its own judgement would refuse (B's no deal is 55).
    [Fact]
    public async Task A_scripted_answer_for_the_round_offer_itself_comes_before_the_one_for_its_step()
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 1)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence,
            new RespondStep("a1", 1, "B", "r.r1.t", Told(Response.Accept)),
            new RespondStep("a2", 2, "B", "r", Told(Response.Reject)),
            new RoundsStep("r", 3, 2, [], AgreementRule.Unanimity, "A")));
        var made = Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade);
        Assert.Equal(("r.r1.t", 1), (made.Cause, made.Round));
    }

    // A scripted answer for a proposal answers that proposal only, not its renewals: B is told to accept p1 after
    // p1 (A's 45, deadline 2) was delivered and countered. Its renewals p1~1 and p1~2 are B's own to judge, and B
    // (no deal 55) refuses 45 each time, so p1 expires without agreement.
    [Fact]
    public async Task A_scripted_answer_for_a_proposal_does_not_answer_its_renewals()
    {
        var (timeline, _) = await LocalRun.Of(Trio(), LocalRun.Scenario(ModelParameters.Default,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 45)], AgreementRule.Unanimity, 2),
            new RespondStep("a", 2, "B", "p1", Told(Response.Accept)),
            new RoundsStep("r", 3, 2, ["u"], AgreementRule.Unanimity)));
        Assert.DoesNotContain(timeline, e => e.Kind is EventKind.AgreementMade or EventKind.Accept);
        Assert.Single(timeline, e => e.Kind == EventKind.ProposalExpired);
    }

    // Before the deadline the terms are the proposal's when the recipient takes terms worse for it than its own offer.
    // A (linear, at 40, reservation 64) opens round 1 of 4 (τ = 0.25) with 40 + 0.25 · (64 − 40) = 46. B (linear, at
    // 60, reservation 45, accepting anything at least as good as no deal from the first round) takes 46, though its
    // own offer then is 60 + 0.25 · (45 − 60) = 56.25, which A would take too. Offers are split only when they have
    // crossed or at the deadline: the terms stay 46, not (46 + 56.25) / 2.
    [Fact]
    public async Task Before_the_deadline_an_accepted_offer_is_agreed_as_offered()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t")],
            [Position("A", "t", 40, 1, 64), Position("B", "t", 60, 1, 45, acceptance: AcceptanceCondition.Constant)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(4, "A")));
        var agreement = Assert.Single(local.Snapshot().Agreements);
        Assert.Equal(46, agreement.Terms["t"], 9);
        Assert.Equal("accepted by A and B under unanimity", agreement.Why);
        Assert.Equal(1, timeline.Single(e => e.Kind == EventKind.AgreementMade).Round);
    }

    // At the deadline, an offer at the recipient's own position: A (at 60, reservation 40) has one round (τ = 1) and
    // offers 60 + (40 − 60) = 40, held back at B's position 50. B (at 50) takes its own position; its own offer then
    // is its reservation 45, on the far side of 50 from A, which is no offer "on B's side" of the terms (B stands at
    // them): there is nothing to split, and the terms are 50.
    [Fact]
    public async Task At_the_deadline_an_offer_at_the_recipient_s_position_is_agreed_as_offered()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t")],
            [Position("A", "t", 60, 1, 40), Position("B", "t", 50, 1, 45)]);
        var (_, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(1, "A")));
        var agreement = Assert.Single(local.Snapshot().Agreements);
        Assert.Equal(50, agreement.Terms["t"], 9);
        Assert.Equal("accepted by A and B under unanimity", agreement.Why);
    }

    // At the deadline an agreement in force is what the proposer walks away to. A (linear, at 40, reservation 60) is
    // held to g with C at 50 on t, so its reservation is bounded at 50 and it offers 50 in the one round (τ = 1).
    // The hard-liner B (at 60, reservation 45) takes 50 and offers its own 60. A would take 60 against its
    // reservation 60, but not against g's 50, which is better for it: so the offers are not split, and the terms
    // are 50, not (50 + 60) / 2 = 55.
    [Fact]
    public async Task At_the_deadline_the_proposer_weighs_the_other_s_offer_against_its_agreement_in_force()
    {
        var world = World([Actor("A"), Actor("B", 0.5, Strategy.Hardliner), Actor("C")], [Topic("t")],
            [Position("A", "t", 40, 1, 60), Position("B", "t", 60, 1, 45)], [Agreement("g", "t", 50, "A", "C")]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(1, "A")));
        var made = Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade);
        Assert.Equal(50, Assert.Single(made.Terms!.Value).Value, 9);
        Assert.Equal("accepted by A and B under unanimity", made.Why);
    }

    // A package over t and u (related, held by A and B) breached by a shock on t is breached on both tables: A's
    // position on t thrown to 100 is 50 from the agreed 50, past 2 × 5 (salience 1).
    [Fact]
    public async Task A_change_to_a_package_is_applied_on_every_topic_of_the_package()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t", "u"), Topic("u", "t")],
            [Position("A", "t", 50, 1), Position("B", "t", 50, 1), Position("A", "u", 50, 1), Position("B", "u", 50, 1)],
            [Package("g", [("t", 50), ("u", 50)], "A", "B")]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(ModelParameters.Default,
            new ShockStep("s", 1, "A turns", [new ShockChange(ShockTarget.Position, "A", "t", null, 100, null, null)])));
        Assert.Single(timeline, e => e.Kind == EventKind.AgreementBreached);
        Assert.Equal(AgreementStatus.Breached, Assert.Single((await local.Topic("t").Get()).Agreements).Status);
        Assert.Equal(AgreementStatus.Breached, Assert.Single((await local.Topic("u").Get()).Agreements).Status);
    }

    // A uses the trade-off tactic on u only (linear on t, related to u); B is linear on both. On t A offers t alone,
    // since a package takes only topics on which the proposer trades off; on u its package would take t only if it
    // traded off on t too. So round 1 of the step "rounds" has two offers, "rounds.r1.t" and "rounds.r1.u", and no package.
    [Fact]
    public async Task A_proposer_packages_only_topics_on_which_it_trades_off()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t", "u"), Topic("u", "t")],
            [Position("A", "t", 40, 0.8), Position("B", "t", 60, 0.5), Position("A", "u", 40, 0.5, strategy: Strategy.TradeOff), Position("B", "u", 60, 0.8)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(4, "A")));
        Assert.Equal(["rounds.r1.t", "rounds.r1.u"], timeline.Where(e => e.Kind == EventKind.Proposal && e.Round == 1).Select(e => e.Cause));
    }

    // Three holders on t, salience 1, no influence: hard-liners A at 40 and B at 60, and C, tit-for-tat at 50, told to
    // reject every offer of the step without a counter. Round 1: A offers 40, B counters 60. Round 2: B offers 60, A
    // counters 40: nothing changed, and neither hard-liner would take the other's 40 or 60, nor C's 50 (past each
    // one's no deal, 45 and 55). But C has not offered yet: tit-for-tat opens with a concession of its own when its
    // turn comes (round 3), so the rounds must not stop at round 2.
    [Fact]
    public async Task Rounds_go_on_while_a_tit_for_tat_holder_has_yet_to_offer()
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner), Actor("C", 0.5, Strategy.RelativeTitForTat)], [Topic("t")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 1), Position("C", "t", 50, 1)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence,
            new RespondStep("told", 1, "C", "r", Told(Response.Reject)),
            new RoundsStep("r", 2, 10, [], AgreementRule.Unanimity, "A")));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged && e.Round == 2);
        Assert.Contains(timeline, e => e.Kind == EventKind.Proposal && e.Round == 3 && e.Actor == "C");
    }

    // A scripted counter may name a topic the proposal does not: B, told to counter A's 45 on t with 30 on u, says
    // so in its counter event, and the run goes on; its counter answers no term of the proposal, since the
    // proposal has none on u.
    [Fact]
    public async Task A_scripted_counter_on_a_topic_the_proposal_does_not_name_is_said_and_answers_nothing()
    {
        var (timeline, _) = await LocalRun.Of(Trio(), LocalRun.Scenario(ModelParameters.Default,
            new RespondStep("a", 1, "B", "p1", new ScriptedAnswer(Response.Counter, [new Term("u", 30)], "told to")),
            new ProposeStep("p1", 2, "A", ["B"], [new Term("t", 45)], AgreementRule.Unanimity, null)));
        var counter = Assert.Single(timeline, e => e.Kind == EventKind.Counter);
        Assert.Equal(("B", new Term("u", 30)), (counter.Actor, Assert.Single(counter.Terms!.Value)));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.AgreementMade);
    }
}
