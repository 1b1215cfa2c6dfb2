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
        Assert.Equal("ask", move.Cause);
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
    }

    [Fact]
    public void A_new_advance_forgets_the_answers_of_the_last_one_but_keeps_their_moves()
    {
        var japan = Japan();
        var proposal = WorldBuilder.Proposal("ask", "US", ["JP"], 0.8, ("fta", 80));
        var first = japan.Evaluate(proposal, [], null, null, Defaults);
        japan.BeginAdvance();
        var again = japan.Evaluate(proposal, [], null, null, Defaults);
        // Answered afresh: a new evaluation from the moved position, and a second move from there.
        Assert.NotSame(first, again);
        Assert.Equal(first.Moves[0].After, again.Moves[0].Before);
        Assert.Equal(again.Moves[0].After, japan.PositionOn("fta")!.Value.Value, 12);
        Assert.True(again.Moves[0].After > first.Moves[0].After);
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
        var outcome = japan.Shock("shock#1", new ShockChange(ShockTarget.Position, "JP", "arms", null, null, -40, null), "shock",
            [new Commitment("deal", "arms", 60, AgreementStatus.Holding)], Defaults);
        Assert.Equal(EventKind.Move, outcome.Kind);
        Assert.Equal(20, japan.PositionOn("arms")!.Value.Value, 12);
        // Salience 0.6: window 5 + 45·0.4 = 23; 20 is 40 from 60, beyond 23 but within 2·23 = 46.
        var change = Assert.Single(outcome.Changes);
        Assert.Equal(AgreementStatus.Strained, change.Status);
        Assert.Equal("JP now at 20, 40 from the agreed 60 (window 23)", change.Why);
    }

    [Fact]
    public void A_shock_delivered_twice_in_an_advance_is_applied_once()
    {
        var japan = Japan();
        var up = new ShockChange(ShockTarget.Position, "JP", "fta", null, null, 10, null);
        var first = japan.Shock("jolt#1", up, "jolt", [], Defaults);
        var again = japan.Shock("jolt#1", up, "jolt", [], Defaults);
        // Japan at 20 on fta, moved by +10 once: 30, not 40; the second delivery gets the first outcome.
        Assert.Equal(30, japan.PositionOn("fta")!.Value.Value, 12);
        Assert.Same(first, again);
        Assert.Equal((20.0, 30.0), (again.Before, again.After));
        // Another change with the same numbers is another command, and moves it again: 40.
        japan.Shock("jolt#2", up, "jolt", [], Defaults);
        Assert.Equal(40, japan.PositionOn("fta")!.Value.Value, 12);
    }

    [Fact]
    public void A_capability_shock_delivered_twice_is_applied_once()
    {
        var japan = Japan();
        var down = new ShockChange(ShockTarget.Capability, "JP", null, null, null, -0.1, null);
        japan.Shock("jolt#1", down, "jolt", [], Defaults);
        japan.Shock("jolt#1", down, "jolt", [], Defaults);
        // Capability 0.4 lowered by 0.1 once: 0.3, not 0.2.
        Assert.Equal(0.3, japan.Actor.Capability, 12);
    }

    [Fact]
    public void A_shock_can_give_an_actor_a_position_it_did_not_hold()
    {
        var japan = Japan();
        var outcome = japan.Shock("shock#1", new ShockChange(ShockTarget.Position, "JP", "new", null, 30, null, 0.4), "shock", [], Defaults);
        Assert.Equal(EventKind.PositionAdded, outcome.Kind);
        Assert.Equal(30, outcome.After, 12);
        var added = japan.PositionOn("new")!;
        Assert.Equal(30, added.Value.Value, 12);
        Assert.Equal(0.4, added.Salience.Value, 12);
        Assert.Equal("added by shock", added.Provenance.Why);
    }

    [Fact]
    public void A_delegation_knows_whether_it_has_been_seeded()
    {
        var delegation = new Delegation();
        Assert.False(delegation.IsSeeded);
        Assert.Equal("this delegation has not been seeded", Assert.Throws<InvalidOperationException>(() => delegation.Actor).Message);
        Assert.True(Japan().IsSeeded);
    }

    [Fact]
    public void Seeding_again_replaces_every_position()
    {
        var japan = Japan();
        japan.Seed(WorldBuilder.Actor("JP"), [WorldBuilder.Position("JP", "fta", 40, 0.5)]);
        Assert.Null(japan.PositionOn("arms"));
        Assert.Equal(40, japan.PositionOn("fta")!.Value.Value, 12);
    }

    // Japan proposes 90 on arms, where it is bound to 60 at salience 0.6 (window 23): 30 from the agreed
    // value strains the agreement (not more than 2·23 = 46, so no breach). The same proposal again within
    // the advance returns the same change, not a second one.
    [Fact]
    public void A_proposal_strains_its_proposers_agreement_once()
    {
        var japan = Japan();
        var proposal = WorldBuilder.Proposal("offer", "JP", ["US"], 0.4, ("arms", 90));
        Commitment[] deal = [new Commitment("deal", "arms", 60, AgreementStatus.Holding)];
        var change = Assert.Single(japan.Propose(proposal, deal, Defaults));
        Assert.Equal(new CommitmentChange("deal", "arms", "JP", AgreementStatus.Strained, "offer", "JP proposed 90, 30 from the agreed 60 (window 23)"), change);
        Assert.Equal(change, Assert.Single(japan.Propose(proposal, deal, Defaults)));
    }

    // A new advance forgets what the last one proposed and shocked: the same proposal id against an agreement now
    // strained by Japan's own proposal is judged afresh (90 on arms, 30 from the agreed 60, window 23: within 2·23 = 46,
    // so an agreement Japan itself strained stays strained and there is no change), and the same shock id moves Japan
    // again, 30 to 40.
    [Fact]
    public void A_new_advance_forgets_what_the_last_one_proposed_and_shocked()
    {
        var japan = Japan();
        var proposal = WorldBuilder.Proposal("offer", "JP", ["US"], 0.4, ("arms", 90));
        Assert.Single(japan.Propose(proposal, [new Commitment("deal", "arms", 60, AgreementStatus.Holding)], Defaults));
        var up = new ShockChange(ShockTarget.Position, "JP", "fta", null, null, 10, null);
        japan.Shock("jolt#1", up, "jolt", [], Defaults);
        japan.BeginAdvance();
        Assert.Empty(japan.Propose(proposal, [new Commitment("deal", "arms", 60, AgreementStatus.Strained, Strayed: true)], Defaults));
        var again = japan.Shock("jolt#1", up, "jolt", [], Defaults);
        Assert.Equal((30.0, 40.0), (again.Before, again.After));
        Assert.Equal(40, japan.PositionOn("fta")!.Value.Value, 12);
    }

    // Japan proposed "p" in this advance; a proposal by the same id from the United States is still
    // answered and moves Japan. A proposal Japan answered does not stop it proposing by that id.
    [Fact]
    public void What_a_delegation_proposed_and_what_it_answered_are_remembered_apart()
    {
        var japan = Japan();
        Commitment[] deal = [new Commitment("deal", "arms", 60, AgreementStatus.Holding)];
        japan.Propose(WorldBuilder.Proposal("p", "JP", ["US"], 0.4, ("arms", 90)), deal, Defaults);
        japan.Evaluate(WorldBuilder.Proposal("q", "US", ["JP"], 0.8, ("fta", 80)), [], null, null, Defaults);
        Assert.Single(japan.Evaluate(WorldBuilder.Proposal("p", "US", ["JP"], 0.8, ("fta", 80)), [], null, null, Defaults).Moves);
        Assert.Single(japan.Propose(WorldBuilder.Proposal("q", "JP", ["US"], 0.4, ("arms", 90)), deal, Defaults));
    }

    // Affinity toward the United States 0.8, shocked by −2.5: held at the bottom of its range, −1.
    [Fact]
    public void An_affinity_shock_is_held_within_minus_one_to_one()
    {
        var japan = Japan();
        var outcome = japan.Shock("shock#1", new ShockChange(ShockTarget.Affinity, "JP", null, "US", null, -2.5, null), "shock", [], Defaults);
        Assert.Equal(new ShockOutcome(EventKind.AffinityChanged, 0.8, -1, []), outcome with { Changes = [] });
        Assert.Equal(-1, japan.Actor.AffinityToward("US"), 12);
    }

    [Fact]
    public void A_shock_that_lacks_what_it_needs_says_what()
    {
        var japan = Japan();
        string Refused(ShockChange change) => Assert.Throws<ArgumentException>(() => japan.Shock("shock#1", change, "shock", [], Defaults)).Message;
        Assert.Equal("an affinity shock names the actor it is toward",
            Refused(new ShockChange(ShockTarget.Affinity, "JP", null, null, 0.5, null, null)));
        Assert.Equal("a position shock names its topic",
            Refused(new ShockChange(ShockTarget.Position, "JP", null, null, 50, null, null)));
        Assert.Equal("JP holds no position on 'new': a shock that gives it one names its salience",
            Refused(new ShockChange(ShockTarget.Position, "JP", "new", null, 50, null, null)));
        Assert.Equal("JP holds no position on 'new': a shock that gives it one names the value it moves to",
            Refused(new ShockChange(ShockTarget.Position, "JP", "new", null, null, 10, 0.5)));
        Assert.Equal("JP holds no position on 'new'",
            Refused(new ShockChange(ShockTarget.Salience, "JP", "new", null, 0.5, null, null)));
        Assert.Equal("JP holds no position on ''",
            Refused(new ShockChange(ShockTarget.Salience, "JP", null, null, 0.5, null, null)));
        Assert.Null(japan.PositionOn("new"));
    }
}
