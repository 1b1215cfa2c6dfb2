using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

/// <summary>The bargaining problems of a world: each party's stakes and disagreement point, from its positions.</summary>
public sealed class WorldBargainingTests
{
    // A (curvature 2) holds t at 30 (salience 0.6, no stated reservation) and u at 50 (salience 0.4,
    // reservation 40); B (curvature 1) holds t at 70 (salience 0.6); nobody holds v.
    private static World Two() =>
        World([Actor("A", 0.5, Strategy.Linear, 2), Actor("B", 0.5)], [Topic("t"), Topic("u"), Topic("v")],
            [Position("A", "t", 30, 0.6), Position("A", "u", 50, 0.4, 40), Position("B", "t", 70, 0.6)],
            [Agreement("deal", "t", 45, "A", "B")]);

    // t: window 5 + 45 · 0.4 = 23, worth 0.6 · (1 − 0.23²) = 0.6 · 0.9471 = 0.56826 at curvature 2, and
    // 0.6 · (1 − 0.23) = 0.462 at curvature 1. u: its stated reservation 40 is 10 from 50, worth
    // 0.4 · (1 − 0.1²) = 0.396.
    [Fact]
    public void A_party_has_a_stake_on_each_topic_it_holds_worth_its_reservation()
    {
        var party = WorldBargaining.Party(Two(), "A", ["t", "u", "v"], ModelParameters.Default);

        Assert.Equal(("A", 2.0), (party.Actor, party.Risk));
        Assert.Equal(["t", "u"], party.Stakes.Keys);
        Assert.Equal(new Stake(30, 0.6, 0.56826), party.Stakes["t"] with { Reservation = Math.Round(party.Stakes["t"].Reservation, 9) });
        Assert.Equal(0.396, party.Stakes["u"].Reservation, 9);
        Assert.Equal(0.56826 + 0.396, party.Disagreement(["t", "u", "v"]), 9);
    }

    [Fact]
    public void An_agreement_is_a_problem_over_its_terms_among_its_parties()
    {
        // Over t only: A at 30 and B at 70 with the reservations worked out above. With d = (y − 30)/100,
        // A gains 0.6(0.0529 − d²) and B 0.6(d − 0.17); the product's derivative −3d² + 0.34d + 0.0529
        // is 0 at d = (0.34 + √0.7504)/6 = 0.201043: y = 50.104.
        var analysis = WorldBargaining.Of(Two(), Two().Agreements[0], ModelParameters.Default);

        Assert.Equal(["t"], analysis.Topics.AsEnumerable());
        Assert.Equal(["A", "B"], analysis.Parties.Select(p => p.Actor));
        Assert.Equal([0.56826, 0.462], analysis.Disagreement.Select(d => Math.Round(d, 9)));
        Assert.Equal(50.104, Assert.Single(analysis.Nash).Terms["t"], 2);
    }

    [Fact]
    public void A_topic_is_analysed_among_the_actors_holding_it()
    {
        // t: weights c·s = 0.3 each, so the mean is (30 + 70) / 2 = 50 and the median ties on [30, 70]: 50.
        var analysis = WorldBargaining.Of(Two(), "t", ModelParameters.Default);

        Assert.Equal(("t", 50.0, 50.0), (analysis.Topic, analysis.WeightedMean, analysis.WeightedMedian));
        Assert.Equal(["A", "B"], analysis.Bargaining!.Parties.Select(p => p.Actor));
        Assert.Equal([0.56826, 0.462], analysis.Bargaining.Disagreement.Select(d => Math.Round(d, 9)));
    }
}
