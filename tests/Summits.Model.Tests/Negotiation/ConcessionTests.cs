using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>The bidding tactics of Faratin, Sierra and Jennings (1998): x(τ) = x + f(τ)·(r − x), f(τ) = κ + (1 − κ)·τ^(1/e).</summary>
public sealed class ConcessionTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    // A linear actor at 0 with reservation 41 (the window at salience 0.2: 5 + 45·0.8) concedes
    // τ·41: 8.2, 16.4, 24.6, 32.8 and 41 at τ = .2, .4, .6, .8, 1. The clamped curve it replaces offered
    // 20, 40, 41, 41, 41 toward an opponent at 100.
    [Theory]
    [InlineData(0.2, 8.2)]
    [InlineData(0.4, 16.4)]
    [InlineData(0.6, 24.6)]
    [InlineData(0.8, 32.8)]
    [InlineData(1.0, 41)]
    public void A_linear_actor_concedes_toward_its_own_reservation_value(double time, double offer) =>
        Assert.Equal(offer, Tactics.Offer(Strategy.Linear, 0, 41, time, Exchange.None, Defaults), 9);

    // Conceder, e = 5: 41·0.1^(1/5) = 41·0.630957 = 25.869. Boulware, e = 0.2: 41·0.9^5 = 41·0.59049 = 24.210.
    [Theory]
    [InlineData(Strategy.Conceder, 0.1, 25.869)]
    [InlineData(Strategy.Boulware, 0.9, 24.210)]
    [InlineData(Strategy.Hardliner, 0.9, 0)]
    public void Conceder_and_boulware_follow_their_exponents(Strategy strategy, double time, double offer) =>
        Assert.Equal(offer, Tactics.Offer(strategy, 0, 41, time, Exchange.None, Defaults), 3);

    // κ = 0.1: f(0) = 0.1, so a linear actor at 0 opens at 4.1; f(0.5) = 0.1 + 0.9·0.5 = 0.55 → 22.55.
    [Theory]
    [InlineData(0, 4.1)]
    [InlineData(0.5, 22.55)]
    public void The_initial_concession_kappa_shifts_the_whole_curve(double time, double offer) =>
        Assert.Equal(offer, Tactics.Offer(Strategy.Linear, 0, 41, time, Exchange.None, Defaults with { InitialConcession = 0.1 }), 9);

    // κ = 0.1 with the exponents: Boulware (e = 0.2) at τ = 0.5 has τ^5 = 1/32, f = 0.1 + 0.9/32 = 0.128125,
    // so 0.128125·40 = 5.125 toward a reservation at 40; the conceder (e = 5) at τ = 1/32 has τ^(1/5) = 0.5,
    // f = 0.1 + 0.9·0.5 = 0.55, so 22.
    [Theory]
    [InlineData(Strategy.Boulware, 0.5, 5.125)]
    [InlineData(Strategy.Conceder, 1.0 / 32, 22)]
    public void The_initial_concession_kappa_applies_to_boulware_and_conceder_alike(Strategy strategy, double time, double offer) =>
        Assert.Equal(offer, Tactics.Offer(strategy, 0, 40, time, Exchange.None, Defaults with { InitialConcession = 0.1 }), 9);

    [Fact]
    public void Asking_tit_for_tat_for_a_concession_curve_says_it_has_none()
    {
        var error = Assert.Throws<ArgumentException>(() => Tactics.Share(Strategy.AbsoluteTitForTat, 0.5, Defaults));
        Assert.StartsWith("AbsoluteTitForTat is not a time-dependent tactic", error.Message);
        Assert.Equal("strategy", error.ParamName);
    }

    [Fact]
    public void Every_time_dependent_tactic_but_the_hardliner_reaches_its_reservation_at_the_deadline_and_not_before()
    {
        foreach (var strategy in new[] { Strategy.Boulware, Strategy.Linear, Strategy.Conceder, Strategy.TradeOff })
        {
            Assert.Equal(0, Tactics.Share(strategy, 0, Defaults), 12);
            Assert.Equal(1, Tactics.Share(strategy, 1, Defaults), 12);
            Assert.True(Tactics.Share(strategy, 0.99, Defaults) < 1);
        }
        Assert.Equal(0, Tactics.Share(Strategy.Hardliner, 1, Defaults), 12);
        Assert.Throws<ArgumentException>(() => Tactics.Share(Strategy.RelativeTitForTat, 0.5, Defaults));
    }

    // The default reservation is the window edge on the other party's side, within the scale:
    // salience 0.2 gives a 41-point window, so 0 → 41 toward 100, 80 → 39 toward 0, 40 → 0 (not −1)
    // toward 10, 90 → 100 (not 131) toward 100; facing its own position, it lies on the side with more
    // room (30 → 71, 70 → 29), and upward from the middle, where the room is equal (50 → 91).
    [Theory]
    [InlineData(0, 100, 41)]
    [InlineData(80, 0, 39)]
    [InlineData(40, 10, 0)]
    [InlineData(50, 50, 91)]
    [InlineData(90, 100, 100)]
    [InlineData(30, 30, 71)]
    [InlineData(70, 70, 29)]
    public void The_default_reservation_is_the_window_edge_toward_the_other_party(double position, double toward, double reservation) =>
        Assert.Equal(reservation, Tactics.Reservation(position, 0.2, null, toward, Defaults), 9);

    [Fact]
    public void A_stated_reservation_replaces_the_window_edge() =>
        Assert.Equal(70, Tactics.Reservation(0, 0.2, 70, 100, Defaults), 12);

    // An actor at 20 with reservation 60 that already holds an agreement secures that many points:
    // at 30 (10 points up) or at 10 (10 points the other way) its reservation comes in to 20 + 10 = 30;
    // an agreement at 70 or 60 secures no less than 60 already, and with none the 60 stands. Downward
    // from 60 toward 20, an agreement at 50 or 70 brings it to 50.
    [Theory]
    [InlineData(20, 60, null, 60)]
    [InlineData(20, 60, 70.0, 60)]
    [InlineData(20, 60, 60.0, 60)]
    [InlineData(20, 60, 30.0, 30)]
    [InlineData(20, 60, 10.0, 30)]
    [InlineData(60, 20, 50.0, 50)]
    [InlineData(60, 20, 70.0, 50)]
    [InlineData(60, 20, 10.0, 20)]
    public void An_agreement_in_force_bounds_the_reservation_by_what_it_secured(double position, double reservation, double? agreed, double bounded) =>
        Assert.Equal(bounded, Tactics.Bounded(position, reservation, agreed), 12);

    // An actor at 20 conceding toward a side that asks for 40 offers at most 40 (50 → 40, 30 stays,
    // 40 stays); downward from 60 toward 40 the same (30 → 40, 50 stays). When the other side asks for
    // the actor's own position (30 or 70), that is what it offers, whichever way its curve would go.
    [Theory]
    [InlineData(20, 50, 40, 40)]
    [InlineData(20, 30, 40, 30)]
    [InlineData(20, 40, 40, 40)]
    [InlineData(60, 30, 40, 40)]
    [InlineData(60, 50, 40, 50)]
    [InlineData(30, 40, 30, 30)]
    [InlineData(70, 60, 70, 70)]
    public void An_offer_never_passes_what_the_other_side_asks_for(double position, double offer, double limit, double held) =>
        Assert.Equal(held, Tactics.NotPast(position, offer, limit), 12);

    // Tit-for-tat mirrors what the opponent actually conceded, at τ 0.5 (which it ignores):
    // - an actor at 60 (reservation 0) whose opponent moved from 0 to 5: absolute concedes the same 5
    //   points (55); relative the same share, 5/60 of the gap, of the remaining 55-point gap:
    //   60 − 55·5/60 = 55.41667;
    // - from its own last offer 55 (not its position 60): the opponent moved 5 → 8, 3 points, 3/50 of
    //   the 50-point gap between 55 and 5; absolute answers 52, relative 55 − 47·3/50 = 52.18;
    // - upward, an actor at 40 (reservation 100) whose opponent moved from 100 to 95 conceded 5 points;
    //   absolute answers 45, relative 5/60 of the 60-point gap applied to the remaining 55:
    //   40 + 55/12 = 44.58333.
    [Theory]
    [InlineData(Strategy.AbsoluteTitForTat, 60, 0, null, 0, 5, 55)]
    [InlineData(Strategy.RelativeTitForTat, 60, 0, null, 0, 5, 55.41667)]
    [InlineData(Strategy.AbsoluteTitForTat, 60, 0, 55.0, 5, 8, 52)]
    [InlineData(Strategy.RelativeTitForTat, 60, 0, 55.0, 5, 8, 52.18)]
    [InlineData(Strategy.AbsoluteTitForTat, 40, 100, null, 100, 95, 45)]
    [InlineData(Strategy.RelativeTitForTat, 40, 100, null, 100, 95, 44.58333)]
    public void Tit_for_tat_mirrors_what_the_opponent_actually_conceded(
        Strategy strategy, double position, double reservation, double? ownLast, double before, double last, double offer) =>
        Assert.Equal(offer, Tactics.Offer(strategy, position, reservation, 0.5, new Exchange(ownLast, before, last), Defaults), 4);

    // The opponent stood still at 5, or had stood at the actor's own last offer 55 before moving off: no
    // concession to mirror, so the actor stays at 55 in either form.
    [Theory]
    [InlineData(Strategy.AbsoluteTitForTat, 5, 5)]
    [InlineData(Strategy.RelativeTitForTat, 5, 5)]
    [InlineData(Strategy.AbsoluteTitForTat, 55, 50)]
    [InlineData(Strategy.RelativeTitForTat, 55, 50)]
    public void Tit_for_tat_gives_nothing_for_no_concession(Strategy strategy, double before, double last) =>
        Assert.Equal(55, Tactics.Offer(strategy, 60, 0, 0.5, new Exchange(55, before, last), Defaults), 12);

    [Fact]
    public void Tit_for_tat_answers_a_move_away_with_no_concession_and_never_passes_its_reservation()
    {
        Assert.Equal(55, Tactics.Offer(Strategy.AbsoluteTitForTat, 60, 0, 0.5, new Exchange(55, 8, 5), Defaults), 12);
        // The opponent conceded 20 points, but the reservation at 50 is only 5 away from 55.
        Assert.Equal(50, Tactics.Offer(Strategy.AbsoluteTitForTat, 60, 50, 0.5, new Exchange(55, 0, 20), Defaults), 12);
    }

    // Before the opponent has moved, tit-for-tat opens with 10 % of the way to its reservation:
    // 60 − 0.1·(60 − 0) = 54; once it has offered, it waits at its own last offer.
    [Fact]
    public void Tit_for_tat_opens_with_a_small_concession_of_its_own()
    {
        Assert.Equal(54, Tactics.Offer(Strategy.RelativeTitForTat, 60, 0, 0, Exchange.None, Defaults), 12);
        Assert.Equal(54, Tactics.Offer(Strategy.AbsoluteTitForTat, 60, 0, 0.3, new Exchange(54, null, null), Defaults), 12);
    }

    // An opponent that offers its own position (a hard-liner at 0 whose offer is 0) or moves away has conceded
    // nothing, so an actor that has made no offer yet opens as it would before any offer: 60 − 0.1·60 = 54, in
    // either form. Answering that with no move at all would leave it at 60, the opening concession never made.
    [Theory]
    [InlineData(Strategy.RelativeTitForTat, 0, 0)]
    [InlineData(Strategy.AbsoluteTitForTat, 0, 0)]
    [InlineData(Strategy.RelativeTitForTat, 5, 0)]
    public void Tit_for_tat_opens_when_the_first_offer_it_sees_concedes_nothing(Strategy strategy, double before, double last) =>
        Assert.Equal(54, Tactics.Offer(strategy, 60, 0, 0.1, new Exchange(null, before, last), Defaults), 12);
}
