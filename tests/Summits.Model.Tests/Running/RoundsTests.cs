using System.Collections.Immutable;
using Summits.Model;
using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

/// <summary>Autonomous rounds: when they stop, who wins, and how tit-for-tat and the trade-off tactic play out.</summary>
public sealed class RoundsTests
{
    private static World Pair(Strategy a, Strategy b, double at, double bt, double salience, double? ar = null, double? br = null) =>
        World([Actor("A", 0.5, a), Actor("B", 0.5, b)], [Topic("t")],
            [Position("A", "t", at, salience, ar), Position("B", "t", bt, salience, br)]);

    private static Agreement Agreed(IReadOnlyList<TimelineEvent> timeline, LocalWorld world) =>
        Assert.Single(world.Snapshot().Agreements);

    private static int RoundOf(IReadOnlyList<TimelineEvent> timeline, string agreement) =>
        timeline.Single(e => e.Kind == EventKind.AgreementMade && e.Cause == agreement).Round!.Value;

    /// <summary>
    /// Two linear actors A and B on one topic t (capability 0.5 each): positions, salience and reservations (none
    /// given: the default, the window's edge), whether influence moves positions, the rounds and who opens; then the
    /// agreed terms and round worked by hand, and the agreement's reason where the case is about it. The parties
    /// in a reason are named proposer first, and turns alternate: the opener proposes in the odd rounds.
    /// </summary>
    public static TheoryData<double[], double, double[], bool, int, string, double, int, string?> LinearPairs() => new()
    {
        // Reservations 55 and 45, salience 1 (no influence moves them): in round k of 10 (τ = k/10) A offers
        // 45 + k and B offers 55 − k. Whoever proposes, the other accepts once the offer is at least as good as
        // its own: 45 + k ≥ 55 − k, first at k = 5, at 50. The offers meet exactly, so the reason says only who
        // accepted, under which rule: round 5 is the opener's. The old rule stopped after round 1 because no
        // position moved.
        { [45, 55], 1, [55, 45], true, 10, "A", 50, 5, "accepted by A and B under unanimity" },
        { [45, 55], 1, [55, 45], true, 10, "B", 50, 5, "accepted by B and A under unanimity" },
        // Crossed offers, split midway: A at 40 (reservation 60) and B at 60 (reservation 45), salience 1, no
        // influence. In round k of 10 A offers 40 + 2k and B 60 − 1.5k. In round 5 the proposer's offer is worse
        // for the other than its own (A's 50 against B's 52.5, or B's 52.5 against A's 50). In round 6 A's own
        // offer 52 has gone past B's 51: whoever proposes, the other accepts, and the terms are the midpoint of
        // the two, (51 + 52) / 2 = 51.5. The reason says so, with both offers, so that the proposal's 51 (or 52)
        // beside the agreed 51.5 does not read as a contradiction. Round 6 is the second actor's.
        { [40, 60], 1, [60, 45], false, 10, "A", 51.5, 6, "accepted by B and A under unanimity; the offers had crossed, so the terms are the midpoint of B's 51 and A's 52" },
        { [40, 60], 1, [60, 45], false, 10, "B", 51.5, 6, "accepted by A and B under unanimity; the offers had crossed, so the terms are the midpoint of A's 52 and B's 51" },
        // B's offer goes past A's position: A at 40 (reservation 60), B at 60 (reservation 0), salience 1, no
        // influence, 2 rounds. In round 1 (τ = 0.5) A's offer is 40 + 0.5·20 = 50 and B's 60 − 0.5·60 = 30,
        // 10 past A's 40. B's offer counts only as far as A's position, so the terms are (50 + 40) / 2 = 45
        // whoever proposes: A opening offers 50, which B accepts with its own 30; B opening offers 30 bounded
        // by A's position, 40, which A accepts with its own 50. Only the first says B's offer was cut back.
        { [40, 60], 1, [60, 0], false, 2, "A", 45, 1, "accepted by A and B under unanimity; the offers had crossed, so the terms are the midpoint of A's 50 and its own position 40, which B's offer of 30 had gone past" },
        { [40, 60], 1, [60, 0], false, 2, "B", 45, 1, "accepted by B and A under unanimity; the offers had crossed, so the terms are the midpoint of B's 40 and A's 50" },
        // With the default reservations (the window edge: 5 points at salience 1, so both at 50) they concede
        // 0.5 a round: A offers 45 + k/2, B 55 − k/2, and they meet at 50 only at the deadline, round 10.
        { [45, 55], 1, [], true, 10, "A", 50, 10, null },
        // Both at 30 (salience 0.5): the opener's target is its own position, so it offers 30, which the other,
        // also at 30, accepts in round 1. Conceding away from a position both hold would hand neither side anything.
        { [30, 30], 0.5, [], true, 10, "A", 30, 1, null },
    };

    [Theory]
    [MemberData(nameof(LinearPairs))]
    public async Task Two_linear_actors_agree_on_the_terms_in_the_round_worked_by_hand(double[] positions, double salience, double[] reservations, bool influence,
        int rounds, string opener, double terms, int round, string? why)
    {
        var pair = Pair(Strategy.Linear, Strategy.Linear, positions[0], positions[1], salience,
            reservations.Length > 0 ? reservations[0] : null, reservations.Length > 0 ? reservations[1] : null);
        var (timeline, world) = await LocalRun.Of(pair,
            LocalRun.Scenario(influence ? ModelParameters.Default : LocalRun.NoInfluence, LocalRun.Rounds(rounds, opener)));
        var agreement = Agreed(timeline, world);

        Assert.Equal(terms, agreement.Terms["t"], 9);
        Assert.Equal(round, RoundOf(timeline, agreement.Id));
        // The event that made the agreement carries the same reason as the agreement itself.
        Assert.Equal(agreement.Why, timeline.Single(e => e.Kind == EventKind.AgreementMade).Why);
        if (why is not null)
            Assert.Equal(why, agreement.Why);
    }

    // Two hard-liners at 40 and 60 repeat their offers: round 1 has new offers (A offers 40, B counters
    // 60), round 2 repeats them and moves no one (salience 1), so the rounds stop there.
    [Fact]
    public async Task Rounds_stop_early_only_when_neither_offers_nor_positions_changed()
    {
        var (timeline, _) = await LocalRun.Of(Pair(Strategy.Hardliner, Strategy.Hardliner, 40, 60, 1),
            LocalRun.Scenario(ModelParameters.Default, LocalRun.Rounds(10, "A")));
        Assert.Equal(2, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Contains("round 2", timeline.Single(e => e.Kind == EventKind.Converged).Why);
    }

    // Two hard-liners at 40 and 60 at salience 0.99 (capability 0.5 each, no affinity), default influence: a
    // proposal moves its recipient by 0.1 · ½ · ½ · (1 − 0.99) = 0.00025 of the gap. Round 1: A offers 40 and B
    // moves 0.00025 · (40 − 60) = −0.005, down to 59.995. Round 2: B offers 59.995 and A moves up by
    // 0.00025 · 19.995 ≈ 0.005. No offer changes by more than 0.01 in round 2 and no move is larger than 0.01:
    // a move counts by its size, |after − before|, not by where it lands. Their windows are 5 + 45 · 0.01 = 5.45,
    // so neither would take the other's offer even at the deadline: the rounds stop after round 2.
    [Fact]
    public async Task Rounds_stop_early_when_the_only_moves_are_smaller_than_the_threshold()
    {
        var (timeline, _) = await LocalRun.Of(Pair(Strategy.Hardliner, Strategy.Hardliner, 40, 60, 0.99),
            LocalRun.Scenario(ModelParameters.Default, LocalRun.Rounds(10, "A")));
        var down = timeline.First(e => e.Kind == EventKind.Move);
        Assert.Equal(("B", 1, 60.0), (down.Actor, down.Round, down.Before!.Value));
        Assert.Equal(59.995, down.After!.Value, 9);
        Assert.Equal(2, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Contains("round 2", timeline.Single(e => e.Kind == EventKind.Converged).Why);
    }

    // The same hard-liners at salience 1 over 2 rounds: round 2 (τ = 1) repeats round 1's offers and changes
    // nothing, but it is the last round: the deadline ends the rounds, and nothing is reported as having
    // converged before it.
    [Fact]
    public async Task A_last_round_that_changed_nothing_ends_at_the_deadline_without_converging()
    {
        var (timeline, _) = await LocalRun.Of(Pair(Strategy.Hardliner, Strategy.Hardliner, 40, 60, 1),
            LocalRun.Scenario(ModelParameters.Default, LocalRun.Rounds(2, "A")));
        Assert.Equal(2, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged);
    }

    // A conceder C at 50 (salience 1, reservation 50.3) against a hard-liner H at 70 (salience 1: window 5,
    // reservation 65), no influence, 10 rounds. C's offers follow 50 + 0.3 · τ^(1/5): 50.2870 at τ = 0.8 and
    // 50.2937 at τ = 0.9, 0.0068 apart. What C has still to concede is 0.3 · (1 − τ^(1/5)): 0.0131 at τ = 0.8,
    // more than 0.01, so round 8 does not end the rounds; 0.3 · (1 − 0.97915) = 0.0063 at τ = 0.9, less. Neither
    // would take the other's offer even at the deadline (70 is past C's 50.3; C's offers are short of H's 65).
    // So round 9 is the first stalled round with nothing ahead: the rounds stop there.
    [Theory]
    [InlineData("C")]
    [InlineData("H")]
    public async Task Rounds_stop_once_what_a_tactic_has_left_to_concede_is_below_the_threshold(string opener)
    {
        var world = World([Actor("C", 0.5, Strategy.Conceder), Actor("H", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("C", "t", 50, 1, 50.3), Position("H", "t", 70, 1)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, opener)));
        Assert.Equal(9, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Contains("round 9", timeline.Single(e => e.Kind == EventKind.Converged).Why);
    }

    // A linear L at 45 (salience 1, reservation 45.5) against a hard-liner H at 60 (salience 1, reservation
    // 45.25), no influence, 100 rounds, L opens. L offers 45 + 0.5 · τ, each round 0.005 from the last, so every
    // round after the first is stalled; what L has left to concede, 0.5 · (1 − τ), falls to 0.005 by round 99.
    // But from τ = 0.5 L's standing offer (its last, not its position 45) is at least H's 45.25, which H would
    // take at the deadline, so the rounds go on: in round 100 (τ = 1) H proposes 60, L refuses and counters its
    // reservation 45.5, and H takes it (better for H than its 45.25). Judging by L's position 45 alone would
    // end the rounds before the deadline and lose the deal.
    [Fact]
    public async Task Rounds_go_on_while_a_holder_would_take_the_other_s_standing_offer_at_the_deadline()
    {
        var world = World([Actor("L", 0.5, Strategy.Linear), Actor("H", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("L", "t", 45, 1, 45.5), Position("H", "t", 60, 1, 45.25)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(100, "L")));
        var agreement = Agreed(timeline, local);
        Assert.Equal(45.5, agreement.Terms["t"], 9);
        Assert.Equal(100, RoundOf(timeline, agreement.Id));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged);
    }

    // Two hard-liners: L at 45 (salience 1) and H at 60 (salience 1, reservation 45), no influence, 4 rounds.
    // L always offers 45, exactly H's reservation: worth to H exactly what no deal is worth, which is enough
    // at the deadline. So the stalled rounds 2 and 3 do not end the run, and in round 4 (τ = 1) the deal is 45,
    // whoever proposes (H proposes 60, L refuses and counters 45, and H takes it; or L proposes 45 and H takes it).
    [Theory]
    [InlineData("L")]
    [InlineData("H")]
    public async Task A_standing_offer_worth_exactly_no_deal_keeps_the_rounds_going(string opener)
    {
        var world = World([Actor("L", 0.5, Strategy.Hardliner), Actor("H", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("L", "t", 45, 1), Position("H", "t", 60, 1, 45)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(4, opener)));
        var agreement = Agreed(timeline, local);
        Assert.Equal(45, agreement.Terms["t"], 9);
        Assert.Equal(4, RoundOf(timeline, agreement.Id));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged);
    }

    // A relative tit-for-tat actor A at 60 against a hard-liner B at 10 (salience 0.5 both: windows 27.5,
    // reservations 32.5 and 37.5), no influence, 4 rounds. A opens with 10 % of the way to its reservation,
    // 60 − 0.1 · 27.5 = 57.25; B offers 10 every round, so B has conceded nothing A has not answered (10 then,
    // 10 now: 0 apart). Neither would take the other's offer at the deadline (57.25 is 19.75 past B's 37.5, 10
    // is 22.5 past A's 32.5). Round 2 repeats round 1, and the rounds stop there: a concession is measured
    // from the offer answered, so a hard-liner's repeated 10 leaves nothing to answer.
    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    public async Task Tit_for_tat_facing_a_repeated_offer_has_nothing_left_to_answer(string opener)
    {
        var (timeline, _) = await LocalRun.Of(Pair(Strategy.RelativeTitForTat, Strategy.Hardliner, 60, 10, 0.5),
            LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(4, opener)));
        Assert.Equal([57.25, 57.25], OffersOf(timeline, "A").Select(v => Math.Round(v, 9)));
        Assert.Equal(2, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Contains("round 2", timeline.Single(e => e.Kind == EventKind.Converged).Why);
    }

    // Two proposals agreed in the same round keep the rounds going like one. A proposes to B, each with a deadline
    // of 5 rounds, t = 57, u = 57 and v = 20; B is a hard-liner at 60 on each (salience 1: window 5, no deal 55)
    // accepting from τ = 0.5 anything at least as good as no deal (AC_time, T = 0.5). At τ = 0 it refuses all
    // three. The rounds step (2 rounds) offers on w alone, which A alone holds, so only the renewals play: in
    // round 1 (τ = 0.5) B takes 57 on t and on u (better than 55) and still refuses 20 on v; no offer changes
    // (A repeats its terms, B its counter 60). Two agreements were made, so the round is not a stall: round 2
    // (τ = 1) follows, where v is refused again, and the rounds end at their deadline without converging.
    [Fact]
    public async Task Two_renewals_agreed_in_one_round_do_not_count_as_a_stall()
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t"), Topic("u"), Topic("v"), Topic("w")],
            [Position("A", "t", 40, 1), Position("A", "u", 40, 1), Position("A", "v", 20, 1), Position("A", "w", 50, 1),
             .. new[] { "t", "u", "v" }.Select(t => Position("B", t, 60, 1, acceptance: AcceptanceCondition.Time))]);
        ProposeStep Offer(string id, int line, string topic, double value) =>
            new(id, line, "A", ["B"], [new Term(topic, value)], AgreementRule.Unanimity, 5, 0);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence with { AcceptanceTime = 0.5 },
            Offer("pt", 1, "t", 57), Offer("pu", 2, "u", 57), Offer("pv", 3, "v", 20),
            new RoundsStep("rounds", 4, 2, ["w"], AgreementRule.Unanimity)));
        Assert.Equal([1, 1], timeline.Where(e => e.Kind == EventKind.AgreementMade).Select(e => e.Round!.Value));
        Assert.Equal(2, local.Snapshot().Agreements.Length);
        Assert.Equal(2, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged);
    }

    // A trade-off actor A and a linear actor B hold u and t (both at 20 and 80, salience 1), t related to u,
    // 2 rounds, no opener: the turn on t starts one holder past the turn on u, so in one of the two rounds B
    // offers on u (alone, being linear) and then A on t. A would package t with u, but u has been offered that
    // round already, so A offers t alone; u is not offered twice in a round. (In the other round A offers on u
    // first, and u lists no related topic: alone too.) So every offer of the two rounds is on one topic.
    [Fact]
    public async Task A_trade_off_package_leaves_out_a_topic_already_offered_in_the_round()
    {
        var world = World([Actor("A", 0.5, Strategy.TradeOff), Actor("B", 0.5, Strategy.Linear)], [Topic("u"), Topic("t", "u")],
            [Position("A", "u", 20, 1), Position("A", "t", 20, 1), Position("B", "u", 80, 1), Position("B", "t", 80, 1)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(2)));
        // The round offers, leaving out the counter-offers answered at the deadline (round 2, τ = 1).
        var offers = timeline.Where(e => e.Kind == EventKind.Proposal && !e.Cause!.EndsWith(".counter", StringComparison.Ordinal)).Select(e => (e.Round, e.Actor, Topics: string.Join('+', e.Terms!.Value.Select(t => t.Topic)))).ToArray();
        Assert.Equal(4, offers.Length);
        Assert.All(offers, o => Assert.DoesNotContain('+', o.Topics));
        Assert.Contains(offers, o => o.Actor == "B" && o.Topics == "u");
        Assert.Contains(offers, o => o.Actor == "A" && o.Topics == "t");
    }

    // At the deadline the last counter-offer is split like any offer. One round (τ = 1), A opens: A, a hard-liner
    // at 40 (salience 1: no deal 45), offers 40; B, at 60 (salience 0.5: window 27.5, no deal 32.5), is told to
    // refuse and counter 44. A answers the counter: 44 beats its no deal, and A's own offer, 40, lies on A's side
    // of 44 and would do for B too (40 is nearer B's 60 than its 32.5): each side's offer is acceptable to the
    // other, so the terms are the midpoint (44 + 40) / 2 = 42, not B's 44.
    [Fact]
    public async Task At_the_deadline_an_accepted_counter_offer_is_split_with_the_proposer_s_own_offer()
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 0.5)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence,
            new RespondStep("say", 1, "B", "rounds", new ScriptedAnswer(Response.Reject, [new Term("t", 44)], "told to")),
            LocalRun.Rounds(1, "A")));
        var agreement = Agreed(timeline, local);
        Assert.Equal(42, agreement.Terms["t"], 9);
        Assert.Equal("rounds.r1.t.counter", agreement.Id);
    }

    // Two round offers agreed in one round keep the rounds going like one. Hard-liners A at 40 and B at 60 on t
    // and u (salience 1: windows 5), no influence, 10 rounds, A opens: round 1 A offers 40 on each and B counters
    // 60. In round 2 B offers 60 on each, the offers it countered with, and A is told to accept both. No offer
    // changed in round 2, but two agreements were made: round 3 follows, and finds every topic settled.
    [Fact]
    public async Task Two_round_offers_agreed_in_one_round_do_not_count_as_a_stall()
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t"), Topic("u")],
            [Position("A", "t", 40, 1), Position("A", "u", 40, 1), Position("B", "t", 60, 1), Position("B", "u", 60, 1)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence,
            new RespondStep("yes-t", 1, "A", "rounds.r2.t", new ScriptedAnswer(Response.Accept, [], "told to")),
            new RespondStep("yes-u", 2, "A", "rounds.r2.u", new ScriptedAnswer(Response.Accept, [], "told to")),
            LocalRun.Rounds(10, "A")));
        Assert.Equal([2, 2], timeline.Where(e => e.Kind == EventKind.AgreementMade).Select(e => e.Round!.Value));
        Assert.Equal(2, local.Snapshot().Agreements.Length);
        Assert.Equal(3, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Equal("every topic in play is settled", timeline.Single(e => e.Kind == EventKind.Converged).Why);
    }

    // Two renewals whose answers both change the offers keep the rounds going like one. A proposes t = 20 and
    // u = 20 to B, each with a deadline of 5 rounds; B, linear at 60 on each (salience 1: reservation 55), refuses
    // both (worse than its no deal, 55) and counters 60 − 5τ: 60 at τ = 0, then 58.75, 57.5, 56.25 and 55 in the
    // rounds step's 4 rounds, which offers on w alone (held by A alone), so only the renewals play. Each round
    // both counters move 1.25: the rounds go on to their deadline, round 4, without converging.
    [Fact]
    public async Task Two_renewals_whose_answers_change_the_offers_do_not_count_as_a_stall()
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Linear)], [Topic("t"), Topic("u"), Topic("w")],
            [Position("A", "t", 20, 1), Position("A", "u", 20, 1), Position("A", "w", 50, 1), Position("B", "t", 60, 1), Position("B", "u", 60, 1)]);
        ProposeStep Offer(string id, int line, string topic) =>
            new(id, line, "A", ["B"], [new Term(topic, 20)], AgreementRule.Unanimity, 5, 0);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence,
            Offer("pt", 1, "t"), Offer("pu", 2, "u"), new RoundsStep("rounds", 3, 4, ["w"], AgreementRule.Unanimity)));
        Assert.Equal([60, 58.75, 57.5, 56.25, 55], timeline.Where(e => e.Kind == EventKind.Reject && e.Topic == "t")
            .Select(e => Math.Round(Assert.Single(e.Terms!.Value).Value, 9)));
        Assert.Equal(4, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged);
    }

    // The threshold itself is not a change. Convergence 0.5; a linear L at 40 with reservation 42 against a
    // hard-liner H at 60 (salience 1: no deal 55), no influence, 4 rounds. L offers 40 + 2τ: 40.5, 41, 41.5, 42,
    // each exactly 0.5 from the last, and what it has left to concede, 2 · (1 − τ), is 1 after round 2 and
    // exactly 0.5 after round 3. Neither would take the other's offer even at the deadline (60 is past L's 42,
    // L's offers are short of H's 55). So round 3 is a stall with nothing more than the threshold ahead: the
    // rounds stop there.
    [Theory]
    [InlineData("L")]
    [InlineData("H")]
    public async Task An_offer_moving_by_exactly_the_threshold_is_a_stall(string opener)
    {
        var world = World([Actor("L", 0.5, Strategy.Linear), Actor("H", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("L", "t", 40, 1, 42), Position("H", "t", 60, 1)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence with { Convergence = 0.5 }, LocalRun.Rounds(4, opener)));
        Assert.Equal([40.5, 41, 41.5], OffersOf(timeline, "L").Select(v => Math.Round(v, 9)));
        Assert.Equal(3, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Contains("round 3", timeline.Single(e => e.Kind == EventKind.Converged).Why);
    }

    // A move of exactly the threshold is still a change. Hard-liners A at 0 (capability 0.25) and B at 64
    // (capability 0.75), salience 0.75 (windows 16.25), influence rate 0.125, A opens. A proposal moves its
    // recipient by 0.125 · w · ½ · 0.25 of the gap, w the proposer's share of the two capabilities, all powers of
    // two or exact: round 1, A offers 0 and B moves 0.125 · 0.25 · ½ · 0.25 · 64 = 0.25, to 63.75; round 2, B
    // offers 63.75 (0.25 from its 64) and A moves 0.125 · 0.75 · ½ · 0.25 · 63.75 = 765/1024 = 0.7470703125,
    // exactly the threshold set here. That move keeps round 3 coming; in round 3 A offers 0.7470703125 (the
    // threshold again, no change), B moves 0.125 · 0.25 · ½ · 0.25 · (0.747 − 63.75) ≈ −0.246, and the rounds stop there. Neither would take the
    // other's offer even at the deadline (63.75 is far past A's 16.25; 0.747 is far short of B's 47.75).
    [Fact]
    public async Task A_move_of_exactly_the_threshold_is_not_a_stall()
    {
        var world = World([Actor("A", 0.25, Strategy.Hardliner), Actor("B", 0.75, Strategy.Hardliner)], [Topic("t")],
            [Position("A", "t", 0, 0.75), Position("B", "t", 64, 0.75)]);
        var parameters = ModelParameters.Default with { InfluenceRate = 0.125, Convergence = 765.0 / 1024 };
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(parameters, LocalRun.Rounds(10, "A")));
        var moves = timeline.Where(e => e.Kind == EventKind.Move).Take(2).Select(e => (e.Round, e.Actor, e.Before, e.After)).ToArray();
        Assert.Equal([(1, "B", 64, 63.75), (2, "A", 0, 765.0 / 1024)], moves.Select(m => (m.Round!.Value, m.Actor!, m.Before!.Value, m.After!.Value)));
        Assert.Equal(3, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Contains("round 3", timeline.Single(e => e.Kind == EventKind.Converged).Why);
    }

    // The same hard-liners at salience 0.5 (no influence): the window is 5 + 45·(1 − 0.5) = 27.5, so each
    // default reservation lies 27.5 toward the other, at 67.5 for A and 32.5 for B. Before the deadline each
    // accepts only its own position (AC_next of a hard-liner), so rounds 1 to 9 repeat 40 and 60 and change
    // nothing. But the other's 60 (or 40) is 20 from each, inside 27.5: at the deadline (round 10, τ = 1),
    // where every condition takes what beats no deal, the recipient accepts the proposer's offer. A stalled
    // round must not end the run before that.
    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    public async Task A_stalled_round_does_not_end_the_run_while_a_deadline_acceptance_could_still_make_a_deal(string opener)
    {
        var (timeline, world) = await LocalRun.Of(Pair(Strategy.Hardliner, Strategy.Hardliner, 40, 60, 0.5),
            LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, opener)));
        var agreement = Agreed(timeline, world);
        Assert.Equal(10, RoundOf(timeline, agreement.Id));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged);
    }

    /// <summary>
    /// Two hard-liners A and B on one topic t, no influence, 10 rounds, each opener named explicitly: their
    /// positions and saliences, then the terms worked by hand and the agreement's reason. Turns alternate, so
    /// round 10 (τ = 1) is the second actor's. At the deadline the recipient accepts what beats no deal; when
    /// the recipient's own standing offer beats no deal for the proposer too, both offers are acceptable to
    /// both and the terms are their midpoint (k = ½), so the last proposer does not take the whole difference.
    /// </summary>
    public static TheoryData<double[], double[], string, double, string> HardlinersAtTheDeadline() => new()
    {
        // 40 and 60 at salience 0.5: windows 5 + 45·0.5 = 27.5, reservations 67.5 (A) and 32.5 (B). Each offer
        // is 20 from the other, inside 27.5: acceptable both ways, so (40 + 60) / 2 = 50 whoever opens. The old
        // rule gave the last proposer its own offer: 60 when A opens (B proposes round 10), 40 when B opens.
        { [40, 60], [0.5, 0.5], "A", 50, "accepted by B and A under unanimity; at the deadline each side's offer was acceptable to the other, so the terms are the midpoint of B's 60 and A's 40" },
        { [40, 60], [0.5, 0.5], "B", 50, "accepted by A and B under unanimity; at the deadline each side's offer was acceptable to the other, so the terms are the midpoint of A's 40 and B's 60" },
        // 40 and 70 at salience 0.2: windows 5 + 45·0.8 = 41, reservations 81 and 29. 30 apart, inside 41 both
        // ways: (40 + 70) / 2 = 55 whoever opens.
        { [40, 70], [0.2, 0.2], "A", 55, "accepted by B and A under unanimity; at the deadline each side's offer was acceptable to the other, so the terms are the midpoint of B's 70 and A's 40" },
        { [40, 70], [0.2, 0.2], "B", 55, "accepted by A and B under unanimity; at the deadline each side's offer was acceptable to the other, so the terms are the midpoint of A's 40 and B's 70" },
        // Unequal saliences: A at 40 with 0.2 (window 41, reservation 81), B at 70 with 0.5 (window 27.5,
        // reservation 42.5). B's 70 is 30 from A, inside 41; A's 40 is 30 from B, beyond 27.5. Only one offer is
        // acceptable to the other, so there is nothing to split: 70 whoever opens. When A opens, B proposes 70
        // in round 10 and A accepts it (B's 70 is the only offer on the table both accept). When B opens, A
        // proposes 40 in round 10, B refuses it (worse than no deal) and counters 70, which A accepts.
        { [40, 70], [0.2, 0.5], "A", 70, "accepted by B and A under unanimity" },
        { [40, 70], [0.2, 0.5], "B", 70, "accepted by B and A under unanimity" },
    };

    [Theory]
    [MemberData(nameof(HardlinersAtTheDeadline))]
    public async Task At_the_deadline_two_acceptable_offers_are_split_midway_whoever_proposes_last(double[] positions, double[] saliences, string opener, double terms, string why)
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("A", "t", positions[0], saliences[0]), Position("B", "t", positions[1], saliences[1])]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, opener)));
        var agreement = Agreed(timeline, local);
        Assert.Equal(terms, agreement.Terms["t"], 9);
        Assert.Equal(10, RoundOf(timeline, agreement.Id));
        Assert.Equal(why, agreement.Why);
    }

    // A Boulware actor B at 45 (salience 1, window 5: reservation 50) facing a hard-liner H at 50 (reservation
    // 45), no influence. B's offers follow 45 + 5·τ^5 (e = 0.2): 45.00005 at τ = 0.1, 45.0016 at τ = 0.2, so
    // its early rounds move less than the 0.01 threshold and look stalled; yet by τ = 1 it reaches 50. Before
    // the deadline neither accepts (H's own offer is 50, B's is below 50). In round 10 (τ = 1) the offer is
    // 50 whoever makes it (B's 45 + 5 = 50, or H's 50), and it beats no deal for both: agreed at 50 in round 10.
    [Theory]
    [InlineData("B")]
    [InlineData("H")]
    public async Task A_boulware_actor_whose_early_offers_barely_move_still_concedes_by_the_deadline(string opener)
    {
        var world = World([Actor("B", 0.5, Strategy.Boulware), Actor("H", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("B", "t", 45, 1), Position("H", "t", 50, 1)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, opener)));
        var agreement = Agreed(timeline, local);
        Assert.Equal(50, agreement.Terms["t"], 9);
        Assert.Equal(10, RoundOf(timeline, agreement.Id));
    }

    // A hard-liner at 50 (salience 0.5) against a linear actor at 80: the linear actor's offers run from
    // 80 toward its reservation 52.5 (window 27.5); before the deadline the hard-liner accepts nothing but
    // 50 itself, and the linear actor never offers 50. At the deadline (round 10, τ = 1) each accepts what
    // beats no deal and the last counter-offer is answered too: the hard-liner takes 52.5 (worth
    // 0.5·(1 − 0.025) = 0.4875 > 0.3625), while 50 is 30 from the linear actor, beyond its window. So
    // whoever opens, the deal is 52.5, in round 10; the old rule gave the opener its own offer in round 1.
    [Theory]
    [InlineData("H")]
    [InlineData("L")]
    public async Task Whoever_opens_a_hardliner_and_a_linear_actor_meet_at_the_linear_actors_reservation_at_the_deadline(string opener)
    {
        var world = World([Actor("H", 0.5, Strategy.Hardliner), Actor("L", 0.5, Strategy.Linear)], [Topic("t")],
            [Position("H", "t", 50, 0.5), Position("L", "t", 80, 0.5)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, opener)));
        var agreement = Assert.Single(local.Snapshot().Agreements);
        Assert.Equal(52.5, agreement.Terms["t"], 9);
        Assert.Equal(10, RoundOf(timeline, agreement.Id));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Accept && e.Round < 10);
    }

    // Two relative tit-for-tat actors at 0 and 100 (salience 0.5, reservations 27.5 and 72.5): A opens
    // with 10 % of the way to its reservation, 2.75; B mirrors that share of the gap, 2.75/100 of the
    // 97.25 left: 100 − 2.674 = 97.326 (with a rejection: 2.75 is far beyond its window). Both move off
    // their positions in round 1.
    [Fact]
    public async Task Two_tit_for_tat_actors_do_move()
    {
        var (timeline, _) = await LocalRun.Of(Pair(Strategy.RelativeTitForTat, Strategy.RelativeTitForTat, 0, 100, 0.5),
            LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, "A")));
        var first = timeline.Where(e => e.Round == 1).ToArray();
        Assert.Equal(2.75, Assert.Single(first.Single(e => e.Kind == EventKind.Proposal).Terms!.Value).Value, 9);
        Assert.Equal(97.326, Assert.Single(first.Single(e => e.Kind == EventKind.Reject).Terms!.Value).Value, 3);
    }

    // A relative tit-for-tat actor at 60 (salience 0.5: window 27.5, reservation 60 − 27.5 = 32.5) against a
    // hard-liner B at 0 that opens at 0: B has conceded nothing, so A opens with 10 % of the way to its
    // reservation, 60 − 0.1 · 27.5 = 57.25, whoever opens; then B still concedes nothing and A stays at 57.25.
    // Nothing else can change (57.25 is 57.25 outside B's window of 27.5, 0 outside A's), so the rounds stop after two.
    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    public async Task Tit_for_tat_makes_its_opening_concession_to_a_hard_liner(string opener)
    {
        var (timeline, _) = await LocalRun.Of(Pair(Strategy.RelativeTitForTat, Strategy.Hardliner, 60, 0, 0.5),
            LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(4, opener)));
        Assert.Equal([57.25, 57.25], OffersOf(timeline, "A").Select(v => Math.Round(v, 9)));
    }

    // Each concession is answered once. A (tit-for-tat) at 60, reservation 32.5; B linear at 0 with reservation 50,
    // 10 rounds, B opens, no influence: B offers 5k in round k (τ = k/10).
    // Round 1: B offers 5 (5 points from its position 0). A answers: absolute 60 − 5 = 55; relative 5/60 of the gap
    //   applied to the 55 left, 60 − 55 · 5/60 = 55.41667.
    // Round 2: A proposes. B has offered nothing since 5, so A stays: 55, or 55.41667 (the old rule answered the
    //   same 0 → 5 again: 50.87). B counters 10.
    // Round 3: B offers 15. Since the 5 A answered, B has moved 10 points (its counter 10 included, which the old
    //   rule lost): absolute 55 − 10 = 45; relative, the gap from 55.41667 to 5 was 50.41667 and the 10 points are
    //   that share of the 40.41667 left: 55.41667 − 10 · 40.41667 / 50.41667 = 55.41667 − 8.01653 = 47.40014.
    [Theory]
    [InlineData(Strategy.AbsoluteTitForTat, new double[] { 55, 55, 45 })]
    [InlineData(Strategy.RelativeTitForTat, new double[] { 55.41667, 55.41667, 47.40014 })]
    public async Task Tit_for_tat_answers_each_concession_once(Strategy strategy, double[] offers)
    {
        var (timeline, _) = await LocalRun.Of(Pair(strategy, Strategy.Linear, 60, 0, 0.5, null, 50),
            LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, "B")));
        Assert.Equal([5, 10, 15], OffersOf(timeline, "B").Take(3).Select(v => Math.Round(v, 5)));
        Assert.Equal(offers, OffersOf(timeline, "A").Take(3).Select(v => Math.Round(v, 5)));
    }

    /// <summary>An actor's offers on the one topic, in order: its proposals' terms and its counter-offers.</summary>
    private static IEnumerable<double> OffersOf(IEnumerable<TimelineEvent> timeline, string actor) =>
        timeline.Where(e => e.Actor == actor && e.Kind is EventKind.Proposal or EventKind.Counter or EventKind.Reject && e.Terms is { } terms && terms.Length == 1)
            .Select(e => e.Terms!.Value[0].Value);

    // Opposed priorities: A at 30 on both topics cares 0.9 for x and 0.1 for y, B at 70 the reverse.
    // A's reservation utility is 0.9·(1 − 0.095) + 0.1·(1 − 0.455) = 0.869 of a best 1.0, so the
    // trade-off tactic keeps θ(τ) = 1 − 0.131τ. Giving B a point on y costs A 0.001 and is worth 0.009
    // to B; on x the reverse; so A gives up y first: all 40 points of it cost 0.04, reached at τ ≈ 0.31.
    // B accepts A's package once it is worth at least B's own θ: with y at 70 and x at 30 + d it is
    // worth 0.96 − 0.001d; at τ = 0.4 A has 0.0524 − 0.04 = 0.0124 left for x, d = 1.38 (at 0.009 a point),
    // B's θ is 0.948 < 0.959: agreed in round 4, at x ≈ 31.4, y = 70. Round 3 (θ_B = 0.961) is too
    // early: A offers x = 30, y = 69.3, worth 0.954 to B. The opener offers in rounds 1 and 3, the other
    // in round 4, so the package agreed is the other's (its quarter-point steps put it within 0.25).
    [Theory]
    [InlineData("B", 31.38, 70)]
    [InlineData("A", 30, 68.62)]
    public async Task Opposed_priorities_reach_the_logroll_in_rounds(string opener, double x, double y)
    {
        var world = World([Actor("A", 0.5, Strategy.TradeOff), Actor("B", 0.5, Strategy.TradeOff)], [Topic("x", "y"), Topic("y", "x")],
            [Position("A", "x", 30, 0.9), Position("A", "y", 30, 0.1), Position("B", "x", 70, 0.1), Position("B", "y", 70, 0.9)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, opener)));
        var agreement = Assert.Single(local.Snapshot().Agreements);
        Assert.InRange(agreement.Terms["x"], x - 0.25, x + 0.25);
        Assert.InRange(agreement.Terms["y"], y - 0.25, y + 0.25);
        Assert.Equal(4, RoundOf(timeline, agreement.Id));
    }

    // Equal priorities (0.5 and 0.5 for both): giving a point is worth to the other what it costs, on
    // either topic, so there is no logroll to find and the tactic concedes evenly. θ(τ) = 1 − 0.275τ;
    // the even split 30 + 27.5τ on both topics is worth 0.6 + 0.275τ to the other side, enough once
    // τ ≥ 0.727: in round 8 the package of the actor that did not open, 52 and 52 (A) or 48 and 48 (B),
    // is accepted. Not (30, 70).
    [Theory]
    [InlineData("B", 52)]
    [InlineData("A", 48)]
    public async Task Equal_priorities_do_not_reach_a_logroll_but_split_evenly(string opener, double value)
    {
        var world = World([Actor("A", 0.5, Strategy.TradeOff), Actor("B", 0.5, Strategy.TradeOff)], [Topic("x", "y"), Topic("y", "x")],
            [Position("A", "x", 30, 0.5), Position("A", "y", 30, 0.5), Position("B", "x", 70, 0.5), Position("B", "y", 70, 0.5)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, opener)));
        var agreement = Assert.Single(local.Snapshot().Agreements);
        Assert.InRange(agreement.Terms["x"], value - 0.25, value + 0.25);
        Assert.InRange(agreement.Terms["y"], value - 0.25, value + 0.25);
        Assert.Equal(8, RoundOf(timeline, agreement.Id));
    }
    // A trade-off actor A at 30 on two related topics (salience 0.9 on x, 0.1 on y) faces B and C at 70
    // (0.1 on x, 0.9 on y): opposed priorities, so with nothing agreed A opens round 1 with a package
    // over x and y. With A and B already agreed at 50 on y (C, not a party, keeps y open), A offers x and
    // y apart: moving y inside a package would revise its agreement with B as a side effect. On y alone
    // its offer is bounded by the agreement: reservation 30 + (5 + 45·0.9) = 75.5, held to 50 by the
    // agreement; at τ = 0.1 of 10 rounds it offers 30 + 0.1·(50 − 30) = 32 (75.5 would give 34.55).
    private static World OpposedThree(params Agreement[] agreements) =>
        World([Actor("A", 0.5, Strategy.TradeOff), Actor("B", 0.5), Actor("C", 0.5)], [Topic("x", "y"), Topic("y", "x")],
            [Position("A", "x", 30, 0.9), Position("A", "y", 30, 0.1), Position("B", "x", 70, 0.1), Position("B", "y", 70, 0.9),
             Position("C", "x", 70, 0.1), Position("C", "y", 70, 0.9)], agreements);

    private static ImmutableArray<Term>[] FirstRoundOffers(IReadOnlyList<TimelineEvent> timeline) =>
        [.. timeline.Where(e => e.Round == 1 && e.Kind == EventKind.Proposal && e.Actor == "A").Select(e => e.Terms!.Value)];

    [Fact]
    public async Task With_nothing_agreed_a_trade_off_actor_opens_with_a_package()
    {
        var (timeline, _) = await LocalRun.Of(OpposedThree(), LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, "A")));
        var offer = Assert.Single(FirstRoundOffers(timeline));
        Assert.Equal(["x", "y"], offer.Select(t => t.Topic));
    }

    [Fact]
    public async Task A_trade_off_actor_leaves_a_topic_it_holds_an_agreement_on_out_of_its_packages()
    {
        var (timeline, _) = await LocalRun.Of(OpposedThree(Agreement("held", "y", 50, "A", "B")),
            LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, "A")));
        var offers = FirstRoundOffers(timeline);
        Assert.Equal(["x", "y"], offers.Select(o => Assert.Single(o).Topic));
        Assert.Equal(32, offers[1][0].Value, 9);
    }

    // The other side's care for a topic is the mean salience of the other holders, not the least of them. A
    // (trade-off, capability 0.5) is at 30 on related topics x and y with salience 0.5 on each; B and C (linear) are
    // at 70 on both, with saliences 0.9 and 0.1 on x (mean 0.5, least 0.1) and 0.4 and 0.4 on y (mean 0.4). A's
    // window is 5 + 45·(1 − 0.5) = 27.5, so its reservation is 57.5 on each and its no deal is worth
    // 0.5·(1 − 0.275) = 0.3625 on each, 0.725 in all; at most it holds 1. In round 1 of 10 (τ = 0.1, linear
    // f = 0.1) it keeps θ = 1 − 0.1·(1 − 0.725) = 0.9725, so it gives up 0.0275 of utility, in steps of a quarter
    // point, each costing it 0.5·0.25/100 = 0.00125: 22 steps, 5.5 points. A step on x gains the other side
    // 0.5·0.25 for that cost, a step on y 0.4·0.25, so every step goes to x: the package is x 35.5, y 30. Weighed
    // by the least salience (0.1 on x against 0.4 on y) every step would go to y instead: x 30, y 35.5.
    [Fact]
    public async Task A_trade_off_package_weighs_the_other_side_by_the_mean_salience_of_its_holders()
    {
        var world = World([Actor("A", 0.5, Strategy.TradeOff), Actor("B", 0.5), Actor("C", 0.5)], [Topic("x", "y"), Topic("y", "x")],
            [Position("A", "x", 30, 0.5), Position("A", "y", 30, 0.5), Position("B", "x", 70, 0.9), Position("B", "y", 70, 0.4),
             Position("C", "x", 70, 0.1), Position("C", "y", 70, 0.4)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, "A")));
        var offer = Assert.Single(FirstRoundOffers(timeline));
        Assert.Equal(["x", "y"], offer.Select(t => t.Topic));
        Assert.Equal(35.5, offer[0].Value, 9);
        Assert.Equal(30, offer[1].Value, 9);
    }

    // The explicit opener of a rounds step proposes first on every topic it holds, whatever the seed; turns then
    // follow the world's order of actors: with A, B and C on t (linear, salience 1, at 10, 50 and 90: windows of 5,
    // so no one accepts an offer 35 or more points away and unanimity is never reached; the offers move every
    // round, so the rounds do not stop early), the proposers of rounds 1 to 4 are the opener and
    // the next two in the order A, B, C, then the opener again. Without an opener the first proposer is drawn
    // from the seed, so across seeds 0 to 5 the seed must not leak in when one is named.
    [Theory]
    [InlineData("A", new[] { "A", "B", "C", "A" })]
    [InlineData("B", new[] { "B", "C", "A", "B" })]
    [InlineData("C", new[] { "C", "A", "B", "C" })]
    public async Task The_named_opener_proposes_first_and_turns_follow_the_world_order_whatever_the_seed(string opener, string[] proposers)
    {
        var world = World([Actor("A"), Actor("B"), Actor("C")], [Topic("t")],
            [Position("A", "t", 10, 1), Position("B", "t", 50, 1), Position("C", "t", 90, 1)]);
        for (ulong seed = 0; seed < 6; seed++)
        {
            var scenario = new Scenario("test", "", seed, LocalRun.NoInfluence, [LocalRun.Rounds(4, opener)]);
            var (timeline, _) = await LocalRun.Of(world, scenario);
            Assert.Equal(proposers, timeline.Where(e => e.Kind == EventKind.Proposal && e.Round is not null).Select(e => e.Actor!).Take(4));
        }
    }

    // Which related topics join a trade-off actor's package. A (trade-off) at 30 and B at 70 on x; x is related to
    // y, z, u and v. y: A and B, A bargains by trade-off there: it joins. z: A, B and C hold it (not the same
    // parties as x): it stays out. v: A and C (as many holders as x, but not the same): out. u: A and B, but A's
    // position on u bargains linearly: out. w: A and B, not related to x: out. So in round 1, with A opening, A's
    // offers are the package over x and y, and z, u, v and w each alone (the world's topic order).
    [Fact]
    public async Task A_package_takes_only_the_related_open_topics_held_by_the_same_parties_and_bargained_by_trade_off()
    {
        var world = World([Actor("A", 0.5, Strategy.TradeOff), Actor("B", 0.5, Strategy.TradeOff), Actor("C", 0.5, Strategy.TradeOff)],
            [Topic("x", "y", "z", "u", "v"), Topic("y", "x"), Topic("z", "x"), Topic("u", "x"), Topic("v", "x"), Topic("w")],
            [Position("A", "x", 30, 0.9), Position("B", "x", 70, 0.1),
             Position("A", "y", 30, 0.1), Position("B", "y", 70, 0.9),
             Position("A", "z", 30, 0.1), Position("B", "z", 70, 0.9), Position("C", "z", 70, 0.9),
             Position("A", "u", 30, 0.1, strategy: Strategy.Linear), Position("B", "u", 70, 0.9),
             Position("A", "v", 30, 0.1), Position("C", "v", 70, 0.9),
             Position("A", "w", 30, 0.1), Position("B", "w", 70, 0.9)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, "A")));
        var offers = timeline.Where(e => e.Round == 1 && e.Kind == EventKind.Proposal && e.Actor == "A")
            .Select(e => string.Join('+', e.Terms!.Value.Select(t => t.Topic)));
        Assert.Equal(["x+y", "z", "u", "v", "w"], offers);
    }

    // The same parties, not fewer: A, B and C hold x (related to y), only A and B hold y. A package over x and y
    // would bind C on x but leave it out on y, so y stays out: A offers x alone, then y alone.
    [Fact]
    public async Task A_related_topic_held_by_only_some_of_the_parties_stays_out_of_the_package()
    {
        var world = World([Actor("A", 0.5, Strategy.TradeOff), Actor("B", 0.5, Strategy.TradeOff), Actor("C", 0.5, Strategy.TradeOff)],
            [Topic("x", "y"), Topic("y", "x")],
            [Position("A", "x", 30, 0.9), Position("B", "x", 70, 0.1), Position("C", "x", 70, 0.1),
             Position("A", "y", 30, 0.1), Position("B", "y", 70, 0.9)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(10, "A")));
        var offers = timeline.Where(e => e.Round == 1 && e.Kind == EventKind.Proposal && e.Actor == "A")
            .Select(e => string.Join('+', e.Terms!.Value.Select(t => t.Topic)));
        Assert.Equal(["x", "y"], offers);
    }

    // A renewed proposal agreed in a round where nothing else changes keeps the rounds going one more round.
    // A proposes t = 40 to B, open for 10 offer rounds; the rounds play u only. B is linear on t from 0 toward
    // its reservation 50 (salience 1), so its own offer at τ = k/10 is 50·k/10 = 5k, and under AC_next it accepts
    // 40 once 40 is no farther from its 0 than that offer: 5k ≥ 40, round 8. On u two hard-liners repeat 0 and
    // 100 from round 1 on, farther apart than either window (5 at salience 1), so nothing on u can change.
    // Round 8 therefore has no new offer, no move (no influence) and nothing u could still do, but it made an
    // agreement: the rounds go on to round 9, which changes nothing and ends them. Counting round 8's agreement
    // as nothing would end them in round 8.
    [Fact]
    public async Task A_round_whose_only_change_is_an_agreement_on_a_renewed_proposal_is_not_taken_as_converged()
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t"), Topic("u")],
            [Position("A", "t", 40, 1), Position("B", "t", 0, 1, 50, Strategy.Linear),
             Position("A", "u", 0, 1), Position("B", "u", 100, 1)]);
        var (timeline, local) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence,
            new ProposeStep("p1", 1, "A", ["B"], [new Term("t", 40)], AgreementRule.Unanimity, 10),
            LocalRun.Rounds(10, "A", "u")));
        var agreement = Agreed(timeline, local);
        Assert.Equal(40, agreement.Terms["t"], 9);
        Assert.Equal(8, RoundOf(timeline, agreement.Id));
        Assert.Contains("in round 9", timeline.Single(e => e.Kind == EventKind.Converged).Why);
    }

    // A round in which only a position moves is not a round in which nothing changed. Two hard-liners: A at 0
    // with salience 1 (no proposal moves it: 1 − s = 0) and B at 100 with salience 0.9, capability 0.5 each, the
    // default influence α = 0.1. A proposal of A's moves B by Δ = α · ½ · ½ · (1 − 0.9) · (0 − x) = −0.0025·x.
    // A opens, so A proposes in the odd rounds. Round 1: B counters 100 and moves to 99.75. Round 2: B proposes
    // 99.75 (a new offer). Round 3: A proposes 0 again and B counters 99.75 again (its position before this
    // round's move), so no offer changed and no agreement was made, but B moved by 0.0025 · 99.75 = 0.249 down,
    // more than the 0.01 threshold: the rounds go on. The same holds in every odd round, and the two stay farther
    // apart than either window (5 for A, 5 + 45·0.1 = 9.5 for B) even at the deadline, so all 10 rounds are
    // played and none ends them early. Taking the largest move as a signed value (B's moves are all downward)
    // or as the smallest would end them in round 3.
    [Fact]
    public async Task A_round_in_which_only_a_position_moves_does_not_end_the_rounds()
    {
        var world = World([Actor("A", 0.5, Strategy.Hardliner), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("A", "t", 0, 1), Position("B", "t", 100, 0.9)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(ModelParameters.Default, LocalRun.Rounds(10, "A")));
        var moves = timeline.Where(e => e.Kind == EventKind.Move && e.Round == 3).ToArray();
        var move = Assert.Single(moves);
        Assert.Equal(99.75, move.Before!.Value, 9);
        Assert.Equal(99.75 - 0.0025 * 99.75, move.After!.Value, 9);
        Assert.Equal(10, timeline.Count(e => e.Kind == EventKind.Round));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged);
        Assert.Empty(timeline.Where(e => e.Kind == EventKind.AgreementMade));
    }

    // With two on the other side, tit-for-tat answers its principal opponent, the one of greater capability times
    // salience. A (absolute tit-for-tat) at 0 with reservation 100; B (linear, capability 0.8) at 50 with
    // reservation 0; C (hard-liner, capability 0.2) at 100; salience 1 each, so B weighs 0.8 and C 0.2: B is A's
    // principal opponent. No influence, 4 rounds, B opens, so B, C, A, B propose in turn.
    // Round 1 (τ = ¼): B offers 50 + ¼·(0 − 50) = 37.5, a concession of 12.5 from its position, which A mirrors:
    // A counters 0 + 12.5 = 12.5. Round 2 (τ = ½): C offers 100; C has conceded nothing, so A counters 12.5 again,
    // and B counters 50 + ½·(0 − 50) = 25, a further 12.5 from the 37.5 A last answered. Round 3: A proposes
    // 12.5 + 12.5 = 25, answering B's concession. Answering the weaker C, which never moved, A would stand at 12.5.
    [Fact]
    public async Task Tit_for_tat_answers_the_concessions_of_the_opponent_of_greatest_capability_times_salience()
    {
        var world = World([Actor("A", 0.5, Strategy.AbsoluteTitForTat), Actor("B", 0.8, Strategy.Linear), Actor("C", 0.2, Strategy.Hardliner)], [Topic("t")],
            [Position("A", "t", 0, 1, 100), Position("B", "t", 50, 1, 0), Position("C", "t", 100, 1)]);
        var (timeline, _) = await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, LocalRun.Rounds(4, "B")));
        var proposal = timeline.Single(e => e.Kind == EventKind.Proposal && e.Round == 3);
        Assert.Equal("A", proposal.Actor);
        Assert.Equal(25, Assert.Single(proposal.Terms!.Value).Value, 9);
    }

    // A round in which nothing changed does not end the rounds while a time-dependent tactic still has ground
    // to give. A is Boulware (e = 0.2, κ = 0: f(τ) = τ⁵) at 0 with reservation 47; B a hard-liner at 50 (salience
    // 1: window 5, reservation 45); no influence; 20 rounds, A opens; the convergence threshold is 0.5. A offers
    // 47·τ⁵: 1.5·10⁻⁵ in round 1 (τ = 0.05) and 4.7·10⁻⁴ in round 2, while B repeats 50, so round 2 changes no
    // offer by more than 0.5. Neither takes the other's standing offer even at the deadline (50 is past A's 47;
    // A's offer is short of B's 45). But A has (1 − 10⁻⁵)·47 ≈ 47 points still to concede, more than 0.5 (and it
    // stays more until τ = 1), so the rounds go on. In round 20 (τ = 1) B proposes 50, A refuses it and counters
    // its reservation 47, and B, answering that last counter at the deadline, takes it: 47 is better for B than
    // its 45. Ending the rounds at round 2 would lose the deal.
    [Fact]
    public async Task A_stalled_round_does_not_end_the_rounds_while_a_time_dependent_tactic_has_ground_left_to_concede()
    {
        var world = World([Actor("A", 0.5, Strategy.Boulware), Actor("B", 0.5, Strategy.Hardliner)], [Topic("t")],
            [Position("A", "t", 0, 1, 47), Position("B", "t", 50, 1)]);
        var (timeline, local) = await LocalRun.Of(world,
            LocalRun.Scenario(LocalRun.NoInfluence with { Convergence = 0.5 }, LocalRun.Rounds(20, "A")));
        var agreement = Agreed(timeline, local);
        Assert.Equal(47, agreement.Terms["t"], 9);
        Assert.Equal(20, RoundOf(timeline, agreement.Id));
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Converged);
    }
}
