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

    // A at 90 and B at 100, salience 0.5 (window 5 + 45 · 0.5 = 27.5), linear, ρ = 1. A's window edge toward B
    // is 117.5, past the scale: its reservation is 100, worth 0.5 · (1 − 10/100) = 0.45. B's is 100 − 27.5 = 72.5,
    // worth 0.5 · (1 − 0.275) = 0.3625. With z = y/100, B gains 0.5z − 0.3625 = 0.5(z − 0.725); A gains, below 90,
    // 0.5(1 − (0.9 − z)) − 0.45 = 0.5(z − 0.8), and above it 0.5(1 − (z − 0.9)) − 0.45 = 0.5(1 − z). Below 90 the
    // product (z − 0.8)(z − 0.725) rises; above it (1 − z)(z − 0.725) peaks at z = 0.8625 < 0.9, so it falls:
    // the Nash point is the kink, 90 (taking A's unclipped 0.3625 instead gives (1.175 − z)(z − 0.725), peaking at 95).
    private static World Edge(double a, double b) =>
        World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", a, 0.5), Position("B", "t", b, 0.5)]);

    [Fact]
    public void No_deal_past_the_end_of_the_scale_is_clipped_in_the_analysis_as_in_acceptance()
    {
        var world = Edge(90, 100);
        var analysis = WorldBargaining.Of(world, "t", ModelParameters.Default);
        Assert.Equal([0.45, 0.3625], analysis.Bargaining!.Disagreement.Select(d => Math.Round(d, 12)));
        Assert.Equal(90, analysis.Nash!.Value, 2);

        // Acceptance of B's 100 without a deadline (τ = 1) compares with the same no deal, 0.45: 100 is worth
        // exactly that to A, so A accepts at the deadline what is no worse than no deal.
        var proposal = Proposal("p", "B", ["A"], 0.5, ("t", 100)) with { Time = 1 };
        var judged = Negotiator.Evaluate(world.Actor("A"), world.PositionsOf("A").ToDictionary(p => p.Topic), proposal, [], null, ModelParameters.Default);
        Assert.Equal(0.45, judged.Reservation, 12);
        Assert.Equal(Response.Accept, judged.Response);
    }

    [Fact]
    public void No_deal_past_the_low_end_of_the_scale_is_clipped_too()
    {
        // The mirror image (y ↦ 100 − y): A at 10, B at 0. A's reservation −17.5 is clipped to 0, worth 0.45;
        // B's is 27.5, worth 0.3625; the Nash point is A's own 10.
        var analysis = WorldBargaining.Of(Edge(10, 0), "t", ModelParameters.Default);
        Assert.Equal([0.45, 0.3625], analysis.Bargaining!.Disagreement.Select(d => Math.Round(d, 12)));
        Assert.Equal(10, analysis.Nash!.Value, 2);
    }

    [Fact]
    public void An_agreement_weighs_no_deal_toward_its_own_parties()
    {
        // A at 90, B at 100 and C at 0 (salience 0.5 each, capability 0.5). Among all three, A's other side is
        // (100 + 0) / 2 = 50, below it: its reservation 62.5 is worth 0.3625. In an agreement of A and B alone
        // its other side is B at 100: the reservation is clipped to 100, worth 0.45.
        var world = World([Actor("A"), Actor("B"), Actor("C")], [Topic("t")],
            [Position("A", "t", 90, 0.5), Position("B", "t", 100, 0.5), Position("C", "t", 0, 0.5)],
            [Agreement("deal", "t", 95, "A", "B")]);
        Assert.Equal(0.3625, WorldBargaining.Of(world, "t", ModelParameters.Default).Bargaining!.Disagreement[0], 12);
        Assert.Equal(0.45, WorldBargaining.Of(world, world.Agreements[0], ModelParameters.Default).Disagreement[0], 12);
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

    [Fact]
    public void The_other_side_weighs_each_holder_by_capability_times_salience()
    {
        // B (capability 0.5, salience 0.6) at 70 weighs 0.3; C (capability 1, salience 0.2) at 10 weighs 0.2:
        // (0.3 · 70 + 0.2 · 10) / 0.5 = 23 / 0.5 = 46. A's own position, 30, is left out.
        var world = World([Actor("A"), Actor("B", 0.5), Actor("C", 1)], [Topic("t")],
            [Position("A", "t", 30, 0.6), Position("B", "t", 70, 0.6), Position("C", "t", 10, 0.2)]);
        Assert.Equal(46, WorldBargaining.OtherSide(world, world.Positions[0]), 12);
    }
}
