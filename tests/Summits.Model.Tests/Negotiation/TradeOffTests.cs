using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>
/// The trade-off tactic of Faratin, Sierra and Jennings (2002). With curvature ρ = 1 a point conceded on a
/// topic of salience s costs s/100 of the actor's utility and gains the other side w points (w its weight),
/// so each topic has a fixed gain-to-cost ratio 100·w/s, and each quarter-point step costs s/400.
/// </summary>
public sealed class TradeOffTests
{
    private static double[] Package(double[] positions, double[] saliences, double[] others, double[] weights, double aspiration) =>
        TradeOff.Package(positions, saliences, 1, others, weights, aspiration);

    // x: s 0.5, w 1, ratio 200; y: s 0.5, w 0.5, ratio 100. Aspiration 0.99 of 1 leaves 0.01 to give, eight
    // steps of 0.00125: all on x (to 2), none on y, although y is only 0.1 from the other side. The last
    // step lands exactly on the aspiration and is taken.
    [Fact]
    public void It_concedes_where_the_other_side_gains_most_per_unit_it_gives_up()
    {
        var offer = Package([0, 0], [0.5, 0.5], [100, 0.1], [1, 0.5], 0.99);
        Assert.Equal(2, offer[0], 9);
        Assert.Equal(0, offer[1], 12);
    }

    // Three topics at 0, the other side at 100, s 0.5 each, weights 0.1, 1 and 0.5: ratios 20, 200 and 100.
    // Aspiration 1.5 − 0.00125 allows one step, on the second topic.
    [Fact]
    public void Among_several_topics_the_best_ratio_wins_wherever_it_is_listed()
    {
        var offer = Package([0, 0, 0], [0.5, 0.5, 0.5], [100, 100, 100], [0.1, 1, 0.5], 1.5 - 0.00125);
        Assert.Equal([0, 0.25, 0], offer.Select(v => Math.Round(v, 9)));
    }

    // Equal ratios (s = w = 0.5 on both): x from 20 toward 30 (a 10-point gap), y from 60 down toward 20 (40).
    // Ties go to the topic moved least in share of its gap, the first listed when those are equal too:
    // step 1 x (20.25, share 0.025), steps 2-5 y (59.75, 59.5, 59.25, 59: shares up to 0.025), step 6 x again
    // (the tie goes to x, listed first): 20.5. Aspiration 1 − 6·0.00125 = 0.9925 allows those six steps.
    [Fact]
    public void Between_equally_good_topics_it_moves_in_proportion_to_the_gaps()
    {
        var offer = Package([20, 60], [0.5, 0.5], [30, 20], [0.5, 0.5], 0.9925);
        Assert.Equal(20.5, offer[0], 9);
        Assert.Equal(59, offer[1], 9);
    }

    // With nothing to keep it meets the other side on every topic, exactly, and stops there.
    [Fact]
    public void With_no_utility_to_keep_it_meets_the_other_side_everywhere()
    {
        var offer = Package([20, 60], [0.5, 0.5], [30.1, 19.9], [0.5, 0.5], 0);
        Assert.Equal([30.1, 19.9], offer);
    }

    // y has salience 0: giving it up costs nothing, so it goes first and all the way (to 50), even though
    // the other side does not weigh it either; then x (s 1) gives 0.01 of utility: 1 point.
    [Fact]
    public void A_topic_that_costs_the_actor_nothing_is_given_up_first()
    {
        var offer = Package([0, 0], [1, 0], [100, 50], [1, 0], 0.99);
        Assert.Equal(1, offer[0], 9);
        Assert.Equal(50, offer[1], 12);
    }

    // θ(τ) = U_max − f(τ)·(U_max − U_res), f linear: saliences 0.5 and 0.3 (U_max 0.8), 0.2 held without a
    // deal: at τ = 0.25, 0.8 − 0.25·0.6 = 0.65; at τ = 1, 0.2.
    [Theory]
    [InlineData(0.25, 0.65)]
    [InlineData(1, 0.2)]
    public void The_aspiration_falls_linearly_from_every_topic_held_to_no_deal(double time, double aspiration) =>
        Assert.Equal(aspiration, TradeOff.Aspiration([0.5, 0.3], 0.2, time, ModelParameters.Default), 12);
}
