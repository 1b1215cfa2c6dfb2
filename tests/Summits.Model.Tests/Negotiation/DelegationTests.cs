using Summits.Model;

namespace Summits.Model.Tests;

public sealed class DelegationTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    private static Delegation Japan()
    {
        var delegation = new Delegation();
        delegation.Seed(WorldBuilder.Actor("JP", 0.4, Strategy.Linear, 1, ("US", 0.8)),
            [WorldBuilder.Position("JP", "fta", 20, 0.75), WorldBuilder.Position("JP", "arms", 60, 0.6)]);
        return delegation;
    }

    [Fact]
    public void A_rejecting_recipient_still_moves_toward_the_proposal_and_records_the_cause()
    {
        var japan = Japan();
        // 80 is 60 from Japan's 20, far beyond its 16.25-point window: worse than no deal.
        var evaluation = japan.Evaluate(WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80)), [], null, null, Defaults);
        Assert.Equal(Response.Reject, evaluation.Response);
        var move = Assert.Single(evaluation.Moves);
        Assert.Equal(Negotiator.Influence(20, 0.75, 80, 0.4, 0.8, 0.8, Defaults), move.After - move.Before, 12);
        Assert.Equal(move.After, japan.PositionOn("fta")!.Value.Value, 12);
        Assert.Equal("ask", Assert.Single(japan.History).Cause);
    }

    [Fact]
    public void The_same_proposal_delivered_twice_changes_nothing_the_second_time()
    {
        var japan = Japan();
        var proposal = WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80));
        var first = japan.Evaluate(proposal, [], null, null, Defaults);
        var after = japan.PositionOn("fta")!.Value;
        var second = japan.Evaluate(proposal, [], null, null, Defaults);
        Assert.Same(first, second);
        Assert.Equal(after, japan.PositionOn("fta")!.Value);
        Assert.Single(japan.History);
    }

    [Fact]
    public void A_new_advance_forgets_the_answers_of_the_last_one_but_keeps_their_moves()
    {
        var japan = Japan();
        var proposal = WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80));
        var first = japan.Evaluate(proposal, [], null, null, Defaults);
        japan.BeginAdvance();
        var again = japan.Evaluate(proposal, [], null, null, Defaults);
        // Answered afresh: a new evaluation from the moved position, and a second move in the history.
        Assert.NotSame(first, again);
        Assert.Equal(2, japan.History.Count);
        Assert.Equal(first.Moves[0].After, again.Moves[0].Before);
    }

    // Japan at 20 on fta (salience 0.75, window 16.25) is asked for 80: its reservation is 36.25. At
    // τ = 0 its linear counter is its position; at τ = 1 it is the reservation itself.
    [Fact]
    public void A_counter_offer_moves_from_the_actors_position_to_its_reservation_over_time()
    {
        var japan = Japan();
        var early = japan.Evaluate(WorldBuilder.Proposal("early", "US", ["JP"], 0.8, ("fta", 80)), [], null, null, Defaults);
        var position = early.Moves[0].After;
        var late = japan.Evaluate(WorldBuilder.Proposal("late", "US", ["JP"], 0.8, ("fta", 80)) with { Time = 1 }, [], null, null, Defaults);
        Assert.Equal(20, early.Counter[0].Value, 12);
        Assert.Equal(position + 16.25, late.Counter[0].Value, 12);
    }

    // A proposal with a deadline is renewed each round under ids ask~1, ask~2: it moves its recipient
    // once, when first delivered, not again on each renewal.
    [Fact]
    public void A_renewed_proposal_moves_no_one_again()
    {
        var japan = Japan();
        var ask = WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80));
        Assert.Single(japan.Evaluate(ask, [], null, null, Defaults).Moves);
        var after = japan.PositionOn("fta")!.Value;
        var renewed = japan.Evaluate(ask with { Id = "ask~1", Kind = ProposalKind.Renewed, Time = 0.5 }, [], null, null, Defaults);
        Assert.Empty(renewed.Moves);
        Assert.Equal(after, japan.PositionOn("fta")!.Value);
    }

    [Fact]
    public void A_scripted_answer_overrides_the_model_but_the_move_still_happens()
    {
        var japan = Japan();
        var scripted = new ScriptedAnswer(Response.Accept, [], "the class decided so");
        var evaluation = japan.Evaluate(WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80)), [], scripted, null, Defaults);
        Assert.Equal(Response.Accept, evaluation.Response);
        Assert.Contains("the class decided so", evaluation.Why);
        Assert.Single(evaluation.Moves);
    }

    [Fact]
    public void An_actor_with_no_position_on_the_terms_is_indifferent_and_does_not_move()
    {
        var delegation = new Delegation();
        delegation.Seed(WorldBuilder.Actor("CN"), []);
        var evaluation = delegation.Evaluate(WorldBuilder.Proposal("p", "US", ["CN"], 0.8, ("fta", 80)), [], null, null, Defaults);
        Assert.Equal(Response.Accept, evaluation.Response);
        Assert.Empty(evaluation.Moves);
    }

    [Fact]
    public void A_shock_that_moves_a_position_strains_the_agreement_it_leaves()
    {
        var japan = Japan();
        var outcome = japan.Shock(new ShockChange(ShockTarget.Position, "JP", "arms", null, null, -40, null), "shock",
            [new Commitment("deal", "arms", 60, AgreementStatus.Holding)], Defaults);
        Assert.Equal(EventKind.Move, outcome.Kind);
        Assert.Equal(20, japan.PositionOn("arms")!.Value.Value, 12);
        Assert.Equal(AgreementStatus.Strained, Assert.Single(outcome.Changes).Status);
    }

    [Fact]
    public void A_shock_can_give_an_actor_a_position_it_did_not_hold()
    {
        var japan = Japan();
        var outcome = japan.Shock(new ShockChange(ShockTarget.Position, "JP", "new", null, 30, null, 0.4), "shock", [], Defaults);
        Assert.Equal(EventKind.PositionAdded, outcome.Kind);
        Assert.Equal(0.4, japan.PositionOn("new")!.Salience.Value, 12);
    }
}
