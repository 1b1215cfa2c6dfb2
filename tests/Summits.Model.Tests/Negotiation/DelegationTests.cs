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
        var evaluation = japan.Evaluate(WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80)), [], null, 0, Defaults);
        Assert.Equal(Response.Counter, evaluation.Response);
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
        var first = japan.Evaluate(proposal, [], null, 0, Defaults);
        var after = japan.PositionOn("fta")!.Value;
        var second = japan.Evaluate(proposal, [], null, 0, Defaults);
        Assert.Same(first, second);
        Assert.Equal(after, japan.PositionOn("fta")!.Value);
        Assert.Single(japan.History);
    }

    [Fact]
    public void A_proposal_answered_before_a_checkpoint_still_changes_nothing_when_delivered_again()
    {
        var japan = Japan();
        var proposal = WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80));
        var first = japan.Evaluate(proposal, [], null, 0, Defaults);
        var after = japan.PositionOn("fta")!.Value;
        japan.Settle();
        var again = japan.Evaluate(proposal, [], null, 0, Defaults);
        Assert.Equal(first.Response, again.Response);
        Assert.Empty(again.Moves);
        Assert.Equal(after, japan.PositionOn("fta")!.Value);
        Assert.Single(japan.History);
    }

    [Fact]
    public void A_counter_offer_starts_at_the_actors_own_position_and_stays_in_its_window()
    {
        var japan = Japan();
        var early = japan.Evaluate(WorldBuilder.Proposal("early", "US", ["JP"], 0.8, ("fta", 80)), [], null, 0, Defaults);
        var late = japan.Evaluate(WorldBuilder.Proposal("late", "US", ["JP"], 0.8, ("fta", 80)) with { Time = 1 }, [], null, 0, Defaults);
        var position = early.Moves[0].Before;
        Assert.Equal(position, early.Counter[0].Value, 12);
        Assert.Equal(late.Moves[0].Before + Defaults.Window(0.75), late.Counter[0].Value, 12);
    }

    [Fact]
    public void A_hardliner_rejects_rather_than_counters()
    {
        var delegation = new Delegation();
        delegation.Seed(WorldBuilder.Actor("KP", 0.1, Strategy.Hardliner), [WorldBuilder.Position("KP", "nk", 5, 0.9)]);
        var evaluation = delegation.Evaluate(WorldBuilder.Proposal("p", "US", ["KP"], 0.8, ("nk", 90)), [], null, 0, Defaults);
        Assert.Equal(Response.Reject, evaluation.Response);
        Assert.True(evaluation.Counter.IsDefaultOrEmpty);
    }

    [Fact]
    public void A_scripted_answer_overrides_the_model_but_the_move_still_happens()
    {
        var japan = Japan();
        var scripted = new ScriptedAnswer(Response.Accept, [], "the class decided so");
        var evaluation = japan.Evaluate(WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80)), [], scripted, 0, Defaults);
        Assert.Equal(Response.Accept, evaluation.Response);
        Assert.Contains("the class decided so", evaluation.Why);
        Assert.Single(evaluation.Moves);
    }

    [Fact]
    public void An_actor_with_no_position_on_the_terms_is_indifferent_and_does_not_move()
    {
        var delegation = new Delegation();
        delegation.Seed(WorldBuilder.Actor("CN"), []);
        var evaluation = delegation.Evaluate(WorldBuilder.Proposal("p", "US", ["CN"], 0.8, ("fta", 80)), [], null, 0, Defaults);
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
