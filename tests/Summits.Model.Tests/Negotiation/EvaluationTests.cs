using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>
/// What a recipient's evaluation says and carries besides its answer: the explanation a reader sees, the offer
/// it had gone past, the moves and agreement changes a proposal causes, and the trade-off package.
/// </summary>
public sealed class EvaluationTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    private static Evaluation Answer(Strategy strategy, double position, double salience, double offer, double time,
        AcceptanceCondition acceptance = AcceptanceCondition.Next, ScriptedAnswer? scripted = null, params Commitment[] commitments)
    {
        var actor = WorldBuilder.Actor("A", 0.5, strategy) with { Acceptance = acceptance };
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", position, salience) };
        var proposal = WorldBuilder.Proposal("p", "B", ["A"], 0.5, ("t", offer)) with { Time = time };
        return Negotiator.Evaluate(actor, positions, proposal, commitments, scripted, Defaults);
    }

    // An actor at 50 with salience 0.4: window 5 + 45·0.6 = 32, so no deal (the reservation 82, toward the
    // offer) is worth 0.4·(1 − 0.32) = 0.272. Terms at 70 are worth 0.4·(1 − 0.2) = 0.32, at 90 0.4·(1 − 0.4)
    // = 0.24. A hard-liner's own offer is its position, worth 0.4. At τ = 1 a linear actor's own offer is its
    // reservation 82, held back at the 70 on the table: worth 0.32, as the terms.
    [Theory]
    [InlineData(Strategy.Hardliner, 70, 0.25, AcceptanceCondition.Next, "U(terms) 0.32, U(own offer) 0.4, U(BATNA) 0.272 at τ 0.25: counters under AC_next")]
    [InlineData(Strategy.Hardliner, 70, 0.95, AcceptanceCondition.Time, "U(terms) 0.32, U(own offer) 0.4, U(BATNA) 0.272 at τ 0.95: accepts under AC_time")]
    [InlineData(Strategy.Hardliner, 70, 0.25, AcceptanceCondition.Constant, "U(terms) 0.32, U(own offer) 0.4, U(BATNA) 0.272 at τ 0.25: accepts under AC_const")]
    [InlineData(Strategy.Hardliner, 90, 0.25, AcceptanceCondition.Next, "U(terms) 0.24, U(own offer) 0.4, U(BATNA) 0.272 at τ 0.25: worse than no deal")]
    [InlineData(Strategy.Hardliner, 70, 1.0, AcceptanceCondition.Next, "U(terms) 0.32, U(own offer) 0.4, U(BATNA) 0.272 at τ 1: accepts at the deadline what beats no deal")]
    [InlineData(Strategy.Linear, 70, 1.0, AcceptanceCondition.Next, "U(terms) 0.32, U(own offer) 0.32, U(BATNA) 0.272 at τ 1: accepts at the deadline what beats no deal")]
    public void The_explanation_gives_the_three_utilities_the_time_and_the_reason_for_the_answer(
        Strategy strategy, double offer, double time, AcceptanceCondition acceptance, string why) =>
        Assert.Equal(why, Answer(strategy, 50, 0.4, offer, time, acceptance).Why);

    // Every figure of the reason follows the one rule of a line of words (four decimals at most, half away from zero,
    // no trailing zeros), as the words a student reads around it do. The linear actor at 50 (salience 0.4, no deal
    // 0.272 as above) hears 71.23 at τ = 1/3:
    //   terms: 0.4 · (1 − 21.23/100) = 0.4 · 0.7877 = 0.31508, 0.3151 (three decimals would say 0.315);
    //   its own offer: 50 + (1/3) · (82 − 50) = 60.66667, worth 0.4 · (1 − 0.1066667) = 0.3573333, 0.3573;
    //   τ: 0.33333, 0.3333 (two decimals would say 0.33).
    // 0.3151 beats no deal but not its own offer: under AC_next it counters.
    [Fact]
    public void The_explanation_gives_every_figure_to_four_decimals_at_most() =>
        Assert.Equal("U(terms) 0.3151, U(own offer) 0.3573, U(BATNA) 0.272 at τ 0.3333: counters under AC_next",
            Answer(Strategy.Linear, 50, 0.4, 71.23, 1.0 / 3).Why);

    [Theory]
    [InlineData(AcceptanceCondition.Next, "AC_next")]
    [InlineData(AcceptanceCondition.Time, "AC_time")]
    [InlineData(AcceptanceCondition.Constant, "AC_const")]
    public void Acceptance_conditions_go_by_their_names_in_the_literature(AcceptanceCondition condition, string name) =>
        Assert.Equal(name, Negotiator.ConditionName(condition));

    // A scripted answer replaces the model's and says so, keeping the model's own reasoning in view: the
    // linear actor at 0 (salience 0.2, window 41, no deal 0.2·0.59 = 0.118) offered 30 at τ = 0.8 would
    // have accepted (U(30) = 0.14 and its own offer 32.8, held back at 30, also 0.14).
    [Fact]
    public void A_scripted_answer_replaces_the_models_and_keeps_its_reasoning_in_the_explanation()
    {
        var scripted = new ScriptedAnswer(Response.Counter, [new Term("t", 10)], "the cabinet wants more");
        var evaluation = Answer(Strategy.Linear, 0, 0.2, 30, 0.8, scripted: scripted);
        Assert.Equal(Response.Counter, evaluation.Response);
        Assert.Equal(10, Assert.Single(evaluation.Counter).Value);
        Assert.Equal("scripted: the cabinet wants more (model: U(terms) 0.14, U(own offer) 0.14, U(BATNA) 0.118 at τ 0.8: accepts under AC_next)", evaluation.Why);
    }

    // The same scripted answer with no reason (a 'respond' without 'because') says so in words, not with an
    // empty "scripted:  (" before the model's reasoning, which stays the same as above.
    [Fact]
    public void A_scripted_answer_without_a_reason_says_none_was_given()
    {
        var evaluation = Answer(Strategy.Linear, 0, 0.2, 30, 0.8, scripted: new ScriptedAnswer(Response.Counter, [new Term("t", 10)], ""));
        Assert.Equal("scripted, no reason given (model: U(terms) 0.14, U(own offer) 0.14, U(BATNA) 0.118 at τ 0.8: accepts under AC_next)", evaluation.Why);
    }

    // The same actor's own offer at τ = 0.8 is 0.8·41 = 32.8, past the 30 on the table: it accepts and its
    // evaluation carries the 32.8 it would have offered (the runner splits the difference on it).
    [Fact]
    public void Accepting_terms_its_own_offer_had_gone_past_carries_that_offer()
    {
        var evaluation = Answer(Strategy.Linear, 0, 0.2, 30, 0.8);
        Assert.Equal(Response.Accept, evaluation.Response);
        Assert.Equal(32.8, Assert.Single(evaluation.Offer).Value, 9);
    }

    // At τ = 0.5 its own offer is 0.5·41 = 20.5: terms at exactly 20.5 are accepted, and its offer, worth
    // exactly the same, is carried too.
    [Fact]
    public void Accepting_terms_exactly_at_its_own_offer_carries_that_offer() =>
        Assert.Equal(20.5, Assert.Single(Answer(Strategy.Linear, 0, 0.2, 20.5, 0.5).Offer).Value, 12);

    // No offer is carried when the actor accepts terms short of its own offer (the hard-liner at 50 under
    // AC_const takes 70, worth 0.32, while its own 50 is worth 0.4), when it does not accept, or when the
    // answer is scripted (even a scripted acceptance of terms the model would also have taken with an offer).
    [Fact]
    public void No_offer_is_carried_when_its_own_offer_is_worth_more_or_it_does_not_accept_or_the_answer_is_scripted()
    {
        var accepted = Answer(Strategy.Hardliner, 50, 0.4, 70, 0.25, AcceptanceCondition.Constant);
        Assert.Equal(Response.Accept, accepted.Response);
        Assert.True(accepted.Offer.IsDefaultOrEmpty);
        Assert.True(Answer(Strategy.Hardliner, 50, 0.4, 70, 0.25).Offer.IsDefaultOrEmpty);
        var scripted = Answer(Strategy.Linear, 0, 0.2, 30, 0.8, scripted: new ScriptedAnswer(Response.Accept, [], "as the model would"));
        Assert.Equal(Response.Accept, scripted.Response);
        Assert.True(scripted.Offer.IsDefaultOrEmpty);
    }

    // An actor with no position on the topic is indifferent: it accepts, counters nothing, moves nowhere and
    // carries no offer.
    [Fact]
    public void An_actor_with_no_position_on_the_topic_accepts_as_indifferent()
    {
        var actor = WorldBuilder.Actor("A");
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.5) };
        var proposal = WorldBuilder.Proposal("p", "B", ["A"], 0.5, ("u", 30)) with { Time = 0.5 };
        var evaluation = Negotiator.Evaluate(actor, positions, proposal, [], null, Defaults);
        Assert.Equal(Response.Accept, evaluation.Response);
        Assert.Equal("holds no position on u: indifferent", evaluation.Why);
        Assert.True(evaluation.Counter.IsDefaultOrEmpty);
        Assert.True(evaluation.Offer.IsDefaultOrEmpty);
        Assert.Empty(evaluation.Moves);
    }

    // In a package of a topic it holds (t, at 50, salience 0.4) and one it does not (u), a hard-liner
    // counters with its position on t and leaves u at the proposed 30; only t moves it:
    // Δ = 0.1 · 0.5/(0.5 + 0.5) · (1 + 0)/2 · (1 − 0.4) · (70 − 50) = 0.3, so 50 → 50.3.
    [Fact]
    public void A_topic_it_holds_no_position_on_stays_at_the_terms_in_its_counter_and_moves_it_nowhere()
    {
        var actor = WorldBuilder.Actor("A", 0.5, Strategy.Hardliner);
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.4) };
        var proposal = WorldBuilder.Proposal("p", "B", ["A"], 0.5, ("t", 70), ("u", 30)) with { Time = 0.25 };
        var evaluation = Negotiator.Evaluate(actor, positions, proposal, [], null, Defaults);
        Assert.Equal(Response.Counter, evaluation.Response);
        Assert.Equal([new Term("t", 50), new Term("u", 30)], evaluation.Counter.ToArray());
        var move = Assert.Single(evaluation.Moves);
        Assert.Equal(("A", "t", 50.0, "p"), (move.Actor, move.Topic, move.Before, move.Cause));
        Assert.Equal(50.3, move.After, 12);
    }

    // A tit-for-tat actor that countered an earlier package with u at 20 does not carry its old 20 forward:
    // holding no position on u, it leaves u at the 30 now proposed. (On t, before the other side has moved,
    // it waits at its own last offer, 50.)
    [Fact]
    public void A_topic_it_holds_no_position_on_stays_at_the_terms_whatever_it_offered_there_before()
    {
        var actor = WorldBuilder.Actor("A", 0.5, Strategy.AbsoluteTitForTat);
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.4) };
        var proposal = WorldBuilder.Proposal("p", "B", ["A"], 0.5, ("t", 70), ("u", 30)) with { Time = 0.25 };
        Exchange[] seen = [new Exchange(50, null, null), new Exchange(20, null, null)];
        var evaluation = Negotiator.Evaluate(actor, positions, proposal, [], null, Defaults, seen);
        Assert.Equal([new Term("t", 50), new Term("u", 30)], evaluation.Counter.ToArray());
    }

    // Terms at the actor's own position pull it nowhere: no move is recorded.
    [Fact]
    public void Terms_at_the_actors_own_position_move_it_nowhere() =>
        Assert.Empty(Answer(Strategy.Linear, 50, 0.4, 50, 0.5).Moves);

    // Moves below a billionth of a point are not recorded; one of exactly 1e-9 is. At 0 with salience 0, equal
    // capabilities and no affinity, Δ = 0.1 · 0.5 · 1/2 · 1 · y = 0.025·y: terms at 4e-8 pull exactly 1e-9
    // (0.025 and 4e-8 multiply to the double 1e-9 exactly), terms at 3.9e-8 pull 9.75e-10.
    [Theory]
    [InlineData(4e-8, 1)]
    [InlineData(3.9e-8, 0)]
    public void A_pull_of_a_billionth_of_a_point_is_the_smallest_move_recorded(double terms, int moves) =>
        Assert.Equal(moves, Answer(Strategy.Linear, 0, 0, terms, 0.5).Moves.Length);

    // The move from 50 to 50.3 (above) takes the actor 32.3 from an agreement at 18, past its 32-point window:
    // the agreement is strained, and the change says why. Before the move it was exactly 32 away, inside.
    // An agreement on another topic (u, at 90) is not the actor's concern on t.
    [Fact]
    public void A_move_that_takes_the_actor_outside_its_window_strains_its_agreement_and_says_why()
    {
        var evaluation = Answer(Strategy.Hardliner, 50, 0.4, 70, 0.25, AcceptanceCondition.Next, null,
            new Commitment("g", "t", 18, AgreementStatus.Holding), new Commitment("h", "u", 90, AgreementStatus.Holding));
        var change = Assert.Single(evaluation.Changes);
        Assert.Equal(new CommitmentChange("g", "t", "A", AgreementStatus.Strained, "p", "A moved to 50.3, 32.3 from the agreed 18 (window 32)"), change);
    }

    // A renewed proposal (the same open proposal delivered again) is answered but moves no one: influence acts
    // once per proposal.
    [Fact]
    public void A_renewed_proposal_moves_no_one()
    {
        var actor = WorldBuilder.Actor("A", 0.5, Strategy.Hardliner);
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.4) };
        var proposal = WorldBuilder.Proposal("p", "B", ["A"], 0.5, ("t", 70)) with { Time = 0.25, Kind = ProposalKind.Renewed };
        var evaluation = Negotiator.Evaluate(actor, positions, proposal, [new Commitment("g", "t", 18, AgreementStatus.Holding)], null, Defaults);
        Assert.Equal(Response.Counter, evaluation.Response);
        Assert.Empty(evaluation.Moves);
        Assert.Empty(evaluation.Changes);
    }

    // A linear actor at 50 (salience 0.5, window 27.5) held to an agreement at 60 concedes no further than
    // it has secured: its reservation toward 100 is 60, not 77.5, so at τ = 0.5 it offers 55, not 63.75.
    [Fact]
    public void An_agreement_it_holds_bounds_how_far_the_actor_concedes()
    {
        var evaluation = Answer(Strategy.Linear, 50, 0.5, 100, 0.5, AcceptanceCondition.Next, null, new Commitment("g", "t", 60, AgreementStatus.Holding));
        Assert.Equal(Response.Reject, evaluation.Response);
        Assert.Equal(55, Assert.Single(evaluation.Counter).Value, 12);
    }

    // Two topics held at 0: t0 with salience 0.8 (window 5 + 45·0.2 = 14, no deal 0.8·0.86 = 0.688), t1 with
    // salience 0.2 (window 41, no deal 0.2·0.59 = 0.118); the other side asks 100 on both at τ = 0.4.
    private static Evaluation TwoTopics(Strategy strategy, Strategy? onSecond = null)
    {
        var actor = WorldBuilder.Actor("A", 0.5, strategy);
        var positions = new Dictionary<string, Position>
        {
            ["t0"] = WorldBuilder.Position("A", "t0", 0, 0.8),
            ["t1"] = WorldBuilder.Position("A", "t1", 0, 0.2, strategy: onSecond),
        };
        var proposal = WorldBuilder.Proposal("p", "B", ["A"], 0.5, ("t0", 100), ("t1", 100)) with { Time = 0.4 };
        return Negotiator.Evaluate(actor, positions, proposal, [], null, Defaults);
    }

    // The trade-off actor keeps θ = 1 − 0.4·(1 − 0.806) = 0.9224 and gives ground where it costs it least:
    // a quarter point on t1 costs 0.2·0.0025 = 0.0005 for the same gain to the other side as 0.002 on t0, so
    // it moves t1 only, floor(0.0776 / 0.0005) = 155 quarter points: 38.75 (a 156th would leave 0.922 < 0.9224).
    [Fact]
    public void A_trade_off_actor_answers_a_package_with_the_package_that_keeps_its_utility()
    {
        var evaluation = TwoTopics(Strategy.TradeOff);
        Assert.Equal(Response.Reject, evaluation.Response);
        Assert.Equal(0, evaluation.Counter[0].Value, 12);
        Assert.Equal(38.75, evaluation.Counter[1].Value, 9);
    }

    // Any other tactic, or a trade-off actor whose position on one topic names another tactic, concedes topic
    // by topic: linear at τ = 0.4 is 0.4 of the way to each reservation, 0.4·14 = 5.6 and 0.4·41 = 16.4.
    [Theory]
    [InlineData(Strategy.Linear, null)]
    [InlineData(Strategy.TradeOff, Strategy.Linear)]
    [InlineData(Strategy.Linear, Strategy.TradeOff)]
    public void Without_the_trade_off_tactic_on_every_topic_the_actor_concedes_topic_by_topic(Strategy strategy, Strategy? onSecond)
    {
        var evaluation = TwoTopics(strategy, onSecond);
        Assert.Equal(5.6, evaluation.Counter[0].Value, 9);
        Assert.Equal(16.4, evaluation.Counter[1].Value, 9);
    }

    // A package of two topics is judged under the actor's own acceptance condition, not that of one of the
    // positions: a hard-liner under AC_next at 50 on both (salience 0.5) offered 60 on both (0.45 + 0.45 =
    // 0.9, above no deal 0.725, below its own 1.0) counters, even though its position on t1 would take AC_const.
    [Fact]
    public void A_package_is_judged_under_the_actors_own_acceptance_condition()
    {
        var actor = WorldBuilder.Actor("A", 0.5, Strategy.Hardliner);
        var positions = new Dictionary<string, Position>
        {
            ["t0"] = WorldBuilder.Position("A", "t0", 50, 0.5),
            ["t1"] = WorldBuilder.Position("A", "t1", 50, 0.5, acceptance: AcceptanceCondition.Constant),
        };
        var proposal = WorldBuilder.Proposal("p", "B", ["A"], 0.5, ("t0", 60), ("t1", 60)) with { Time = 0.1 };
        var evaluation = Negotiator.Evaluate(actor, positions, proposal, [], null, Defaults);
        Assert.Equal(Response.Counter, evaluation.Response);
        Assert.EndsWith("counters under AC_next", evaluation.Why);
    }

    [Fact]
    public void A_proposals_parties_are_its_proposer_then_its_recipients() =>
        Assert.Equal(["B", "A", "C"], WorldBuilder.Proposal("p", "B", ["A", "C"], 0.5, ("t", 50)).Parties);
}
