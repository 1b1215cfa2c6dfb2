using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>Acceptance conditions (Baarslag, Hindriks and Jonker 2014) over the actor's reservation value.</summary>
public sealed class AcceptanceTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    private static Evaluation Answer(Strategy strategy, double position, double salience, double offer, double time,
        AcceptanceCondition acceptance = AcceptanceCondition.Next, double? reservation = null, ModelParameters? parameters = null)
    {
        var actor = WorldBuilder.Actor("H", 0.5, strategy) with { Acceptance = acceptance };
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("H", "t", position, salience, reservation) };
        var proposal = WorldBuilder.Proposal("p", "L", ["H"], 0.5, ("t", offer)) with { Time = time };
        return Negotiator.Evaluate(actor, positions, proposal, [], null, parameters ?? Defaults);
    }

    // A hard-liner at 50 (salience 0.5, window 27.5) offered 77 by a linear actor at 80 in round 1 of 10
    // (τ = 0.1). 77 is inside its window: U(77) = 0.5·(1 − 0.27) = 0.365 ≥ U(no deal) = 0.5·(1 − 0.275)
    // = 0.3625, so the old rule accepted. Its own offer now is 50, worth 0.5 > 0.365: under AC_next it
    // refuses and counters at 50.
    [Fact]
    public void A_hardliner_refuses_what_it_would_not_offer_itself_and_counters_at_its_position()
    {
        var evaluation = Answer(Strategy.Hardliner, 50, 0.5, 77, 0.1);
        Assert.Equal(Response.Counter, evaluation.Response);
        Assert.Equal(50, Assert.Single(evaluation.Counter).Value, 12);
        Assert.Equal(0.365, evaluation.Utility, 12);
        Assert.Equal(0.3625, evaluation.Reservation, 12);
    }

    // AC_const (the constant at the reservation) accepts the same 77 at once: 0.365 ≥ 0.3625.
    [Fact]
    public void Ac_const_accepts_anything_at_least_as_good_as_no_deal() =>
        Assert.Equal(Response.Accept, Answer(Strategy.Hardliner, 50, 0.5, 77, 0.1, AcceptanceCondition.Constant).Response);

    // AC_time with T = 0.9: at τ = 0.95 the 77 is accepted (it beats no deal); at τ = 0.5 it is not, since
    // the hard-liner's own offer is still worth more.
    [Theory]
    [InlineData(0.95, Response.Accept)]
    [InlineData(0.5, Response.Counter)]
    public void Ac_time_accepts_what_beats_no_deal_from_its_time_on(double time, Response response) =>
        Assert.Equal(response, Answer(Strategy.Hardliner, 50, 0.5, 77, time, AcceptanceCondition.Time).Response);

    // A linear actor at 0, salience 0.2 (reservation 41 toward an offer of 30). At τ = 0.8 its own offer
    // is 32.8, worth 0.2·(1 − 0.328) = 0.1344, less than U(30) = 0.14: it accepts. At τ = 0.6 its own
    // offer 24.6 is worth 0.1508 > 0.14: it counters with 24.6.
    [Fact]
    public void Ac_next_accepts_once_the_offer_is_at_least_as_good_as_its_own_next_offer()
    {
        Assert.Equal(Response.Accept, Answer(Strategy.Linear, 0, 0.2, 30, 0.8).Response);
        var early = Answer(Strategy.Linear, 0, 0.2, 30, 0.6);
        Assert.Equal(Response.Counter, early.Response);
        Assert.Equal(24.6, Assert.Single(early.Counter).Value, 9);
    }

    // 80 is 30 from a position at 50 with a 27.5-point window: worse than no deal (0.35 < 0.3625) under
    // every condition, so the answer is a rejection, still with a counter-offer.
    [Theory]
    [InlineData(AcceptanceCondition.Next)]
    [InlineData(AcceptanceCondition.Time)]
    [InlineData(AcceptanceCondition.Constant)]
    public void Nothing_worse_than_no_deal_is_accepted(AcceptanceCondition acceptance)
    {
        var evaluation = Answer(Strategy.Linear, 50, 0.5, 80, 1, acceptance);
        Assert.Equal(Response.Reject, evaluation.Response);
        Assert.False(evaluation.Counter.IsDefaultOrEmpty);
    }

    // A stated reservation at 60 for an actor at 50 (salience 0.5): 62 is beyond it, so even AC_const
    // refuses; 58 is inside: U(58) = 0.46 ≥ U(60) = 0.45, accepted.
    [Theory]
    [InlineData(62, Response.Reject)]
    [InlineData(58, Response.Accept)]
    public void A_stated_reservation_replaces_the_window_as_no_deal(double offer, Response response) =>
        Assert.Equal(response, Answer(Strategy.Linear, 50, 0.5, offer, 1, AcceptanceCondition.Constant, reservation: 60).Response);

    // The acceptance condition and tactic of a topic override the actor's: the same hard-liner actor,
    // linear with AC_const on this topic, accepts 77 at τ = 0.1.
    [Fact]
    public void A_position_overrides_the_actors_strategy_and_acceptance_on_its_topic()
    {
        var actor = WorldBuilder.Actor("H", 0.5, Strategy.Hardliner);
        var positions = new Dictionary<string, Position>
        {
            ["t"] = WorldBuilder.Position("H", "t", 50, 0.5, strategy: Strategy.Linear, acceptance: AcceptanceCondition.Constant),
        };
        var proposal = WorldBuilder.Proposal("p", "L", ["H"], 0.5, ("t", 77)) with { Time = 0.1 };
        Assert.Equal(Response.Accept, Negotiator.Evaluate(actor, positions, proposal, [], null, Defaults).Response);
        var countered = Negotiator.Evaluate(actor, positions, proposal with { Id = "q", Terms = [new Term("t", 90)] }, [], null, Defaults);
        // Linear at τ = 0.1 toward its reservation 77.5: 50 + 0.1·27.5 = 52.75.
        Assert.Equal(52.75, Assert.Single(countered.Counter).Value, 9);
    }
}
