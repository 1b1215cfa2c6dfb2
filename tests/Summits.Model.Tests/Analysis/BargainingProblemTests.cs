using System.Collections.Immutable;

namespace Summits.Model.Tests;

public sealed class BargainingProblemTests
{
    private static BargainingParty Party(string actor, double risk, params (string Topic, double Position, double Salience, double Reservation)[] stakes) =>
        new(actor, risk, stakes.ToImmutableSortedDictionary(s => s.Topic, s => new Stake(s.Position, s.Salience, s.Reservation), StringComparer.Ordinal));

    private static ImmutableSortedDictionary<string, double> Terms(params (string Topic, double Value)[] terms) =>
        terms.ToImmutableSortedDictionary(t => t.Topic, t => t.Value, StringComparer.Ordinal);

    /// <summary>
    /// A logroll: A cares for topic p (salience 0.9) and little for q (0.1); B the reverse; A wants 0
    /// on both, B 100 on both; ρ = 1. Reservations are the window edges: salience 0.9 has window
    /// 5 + 45 · 0.1 = 9.5, worth 0.9 · (1 − 0.095) = 0.8145; salience 0.1 has window 45.5, worth
    /// 0.1 · (1 − 0.455) = 0.0545. So dᴬ = dᴮ = 0.869.
    /// </summary>
    private static BargainingProblem Logroll() => new(["p", "q"],
    [
        Party("A", 1, ("p", 0, 0.9, 0.8145), ("q", 0, 0.1, 0.0545)),
        Party("B", 1, ("p", 100, 0.1, 0.0545), ("q", 100, 0.9, 0.8145)),
    ]);

    [Fact]
    public void The_joint_Nash_point_of_a_two_topic_logroll_is_the_trade()
    {
        // Utilities are linear, so the frontier joins (1, 0) at (0, 0), (0.9, 0.9) at (p 0, q 100) and
        // (0, 1) at (100, 100). Along the first edge (p 0, q = 100t): Uᴬ = 1 − 0.1t, Uᴮ = 0.9t, and the
        // product of gains (0.131 − 0.1t)(0.9t − 0.869) has derivative 0.2048 − 0.18t > 0 up to t = 1;
        // the second edge mirrors it. The maximum is the vertex: p = 0 (A's way), q = 100 (B's way).
        var analysis = Logroll().Solve();
        var nash = Assert.Single(analysis.Nash);
        Assert.Equal(0, nash.Terms["p"], 3);
        Assert.Equal(100, nash.Terms["q"], 3);
        Assert.Equal(0.9, nash.Utilities[0], 6);
        Assert.Equal(0.9, nash.Utilities[1], 6);
    }

    [Fact]
    public void Topic_by_topic_the_same_logroll_has_no_Nash_point()
    {
        // On p alone A gains only below 9.5 and B only above 54.5 (0.1 · y/100 > 0.0545): no value suits both.
        var p = new BargainingProblem(["p"], [Party("A", 1, ("p", 0, 0.9, 0.8145)), Party("B", 1, ("p", 100, 0.1, 0.0545))]).Solve();
        Assert.Empty(p.Nash);
    }

    [Fact]
    public void The_logroll_s_Kalai_Smorodinsky_point_is_the_trade_as_well()
    {
        // Each party's ideal is the most it can get while the other still gains: on the first edge
        // Uᴮ = 0.9t ≥ 0.869 needs t ≥ 0.965556, where Uᴬ = 1 − 0.1t = 0.903444; B's ideal mirrors it.
        // The problem is symmetric, so equal shares of the ideal gains fall on the symmetric vertex.
        var ks = Logroll().Solve().KalaiSmorodinsky!;
        Assert.Equal(0, ks.Terms["p"], 1);
        Assert.Equal(100, ks.Terms["q"], 1);
    }

    [Fact]
    public void A_dominated_package_lies_inside_the_frontier_by_its_distance_to_the_nearest_edge()
    {
        // (50, 50) gives both 0.5. The nearest frontier edge runs from (1, 0) to (0.9, 0.9): projecting
        // (0.5, 0.5) − (1, 0) = (−0.5, 0.5) on (−0.1, 0.9) gives t = 0.5 / 0.82 = 0.609756, the foot
        // (0.939024, 0.548780), at distance √(0.439024² + 0.048780²) = 0.441730. The grid step of 0.5
        // puts the nearest frontier outcome at q = 61 instead of 60.9756: within 10⁻³.
        var analysis = Logroll().Solve();
        Assert.Equal(0.441730, analysis.DistanceToFrontier(Terms(("p", 50), ("q", 50))), 3);
        Assert.Equal(0, analysis.DistanceToFrontier(Terms(("p", 0), ("q", 100))), 9);
    }

    [Fact]
    public void On_one_topic_the_frontier_is_every_value_between_the_two_ideal_points()
    {
        // A at 40, B at 60, salience 1, ρ = 1: any value in [40, 60] trades one party's utility point for
        // the other's, Uᴬ + Uᴮ = 1.8; outside it both lose. On the 0.05 grid that is 401 outcomes.
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 40, 1, 0)), Party("B", 1, ("t", 60, 1, 0))]).Solve();
        Assert.Equal(401, analysis.Frontier.Length);
        Assert.All(analysis.Frontier, f => Assert.Equal(1.8, f.Utilities[0] + f.Utilities[1], 9));
        Assert.Equal(60, analysis.Frontier[0].Terms["t"], 9);
        Assert.Equal(40, analysis.Frontier[^1].Terms["t"], 9);
    }

    [Fact]
    public void An_outcome_outside_the_ideal_points_is_dominated_by_the_nearer_one()
    {
        // At 70: Uᴬ = 0.7, Uᴮ = 0.9, dominated by 60 (0.8, 1). The frontier is the segment
        // Uᴬ + Uᴮ = 1.8 from (0.8, 1) to (1, 0.8); the nearest point to (0.7, 0.9) is the foot
        // (0.8, 1.0), at distance √(0.1² + 0.1²) = 0.141421.
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 40, 1, 0)), Party("B", 1, ("t", 60, 1, 0))]).Solve();
        Assert.Equal(0.141421, analysis.DistanceToFrontier(Terms(("t", 70))), 6);
        Assert.Equal(0, analysis.DistanceToFrontier(Terms(("t", 45))), 9);
    }

    [Fact]
    public void Kalai_Smorodinsky_and_Nash_differ_when_one_party_is_risk_averse()
    {
        // A at 0 with ρ = 2, B at 100 with ρ = 1, salience 1, reservation 0; z = y/100:
        // Uᴬ = 1 − z², Uᴮ = z. Nash maximises (1 − z²) z: 1 − 3z² = 0, z = 1/√3, y = 57.735.
        // KS: both ideals are 1 (at 0 and at 100), so equal shares need 1 − z² = z,
        // z = (√5 − 1)/2 = 0.618034, y = 61.803.
        var analysis = new BargainingProblem(["t"], [Party("A", 2, ("t", 0, 1, 0)), Party("B", 1, ("t", 100, 1, 0))]).Solve();
        Assert.Equal(100 / Math.Sqrt(3), Assert.Single(analysis.Nash).Terms["t"], 2);
        Assert.Equal(50 * (Math.Sqrt(5) - 1), analysis.KalaiSmorodinsky!.Terms["t"], 2);
    }

    [Fact]
    public void Kalai_Smorodinsky_measures_each_ideal_within_what_the_other_party_accepts()
    {
        // A at 0, B at 100, ρ = 1, salience 1; B's reservation 0.2 means B accepts only y ≥ 20, so A's
        // ideal is 0.8 (at 20), B's is 1 (at 100), A's reservation 0. Equal shares:
        // (1 − z)/0.8 = (z − 0.2)/0.8, z = 0.6, y = 60. Nash: (1 − z)(z − 0.2), 1.2 − 2z = 0, also 60.
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 0, 1, 0)), Party("B", 1, ("t", 100, 1, 0.2))]).Solve();
        Assert.Equal(60, analysis.KalaiSmorodinsky!.Terms["t"], 2);
        Assert.Equal(60, Assert.Single(analysis.Nash).Terms["t"], 2);
    }

    [Fact]
    public void A_topic_that_matters_to_nobody_is_left_out_of_the_search()
    {
        // Topic q has salience 0 for both: any value is as good, so it is not a dimension of the problem.
        var analysis = new BargainingProblem(["t", "q"],
            [Party("A", 1, ("t", 40, 0.5, 0), ("q", 10, 0, 0)), Party("B", 1, ("t", 60, 0.5, 0))]).Solve();
        Assert.Equal(["t"], analysis.Topics.AsEnumerable());
        Assert.Equal(50, Assert.Single(analysis.Nash).Terms["t"], 3);
    }

    [Fact]
    public void A_problem_nobody_has_a_stake_in_has_no_reference_points()
    {
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 40, 0, 0)), Party("B", 1)]).Solve();
        Assert.Empty(analysis.Nash);
        Assert.Null(analysis.KalaiSmorodinsky);
        Assert.Equal(["A", "B"], analysis.Indifferent.AsEnumerable());
    }

    [Fact]
    public void The_disagreement_point_is_the_reservation_that_acceptance_uses()
    {
        // The same actor and topic seen by acceptance (Negotiator.Evaluate with no agreement in force)
        // and by the analysis: the utility of no deal must be the same number.
        var parameters = ModelParameters.Default;
        var position = new Position("A", "t", new ScaleValue(30), Interval.Point(30), new Salience(0.6), Interval.Point(0.6),
            new Provenance(PositionKind.Synthetic, Provenance.Nobody, [], ""));
        var actor = new Actor("A", "A", "", null, 1, Strategy.Linear, 1.3, ImmutableSortedDictionary<string, double>.Empty, "");
        var proposal = new Proposal("p", "B", ["A"], [new Term("t", 50)], AgreementRule.Unanimity, 1, 0.5, ProposalKind.Scripted, "p");
        var judged = Negotiator.Evaluate(actor, new Dictionary<string, Position> { ["t"] = position }, proposal, [], null, parameters);
        Assert.Equal(judged.Reservation, WorldBargaining.Reservation(position, actor, parameters), 12);
        // and by hand: window 5 + 45 · 0.4 = 23, 0.6 · (1 − 0.23^1.3) = 0.6 · (1 − 0.147897) = 0.511262
        Assert.Equal(0.6 * (1 - Math.Pow(0.23, 1.3)), judged.Reservation, 12);
        // A stated reservation point at 40 replaces the window edge in both: 0.6 · (1 − 0.1^1.3) = 0.570926.
        var stated = position with { Reservation = 40 };
        var judgedStated = Negotiator.Evaluate(actor, new Dictionary<string, Position> { ["t"] = stated }, proposal, [], null, parameters);
        Assert.Equal(0.6 * (1 - Math.Pow(0.1, 1.3)), judgedStated.Reservation, 12);
        Assert.Equal(judgedStated.Reservation, WorldBargaining.Reservation(stated, actor, parameters), 12);
    }

    [Fact]
    public void A_problem_needs_a_topic_and_a_party()
    {
        Assert.Throws<ArgumentException>(() => new BargainingProblem([], [Party("A", 1)]));
        Assert.Throws<ArgumentException>(() => new BargainingProblem(["t"], []));
    }
    [Fact]
    public void With_four_topics_the_Nash_point_is_polished_off_the_coarse_grid_along_each_axis()
    {
        // Four topics search a grid of step 10 (11⁴ = 14,641 outcomes; step 5 would be 21⁴ = 194,481, over
        // the 150,000 budget), and the compass search then moves one axis at a time. A (ρ = 2) holds t1 at
        // 0 with salience 1 and t2, t3, t4 at 33 with salience 0.1; B (ρ = 1) holds only t1, at 100;
        // reservations 0. Only A cares for t2..t4, so the product is largest with them at 33, off the
        // grid (30 or 40). Then Uᴬ = 1.3 − z², Uᴮ = z with z = t1/100, and (1.3 − z²)·z is largest where
        // 1.3 − 3z² = 0: z = √(1.3/3) = 0.658281, t1 = 65.828 (between the grid's 60 and 70, below the
        // grid's best 70: (1.3 − 0.49)·0.7 = 0.567 > (1.3 − 0.36)·0.6 = 0.564), Uᴬ = 0.866667.
        var analysis = new BargainingProblem(["t1", "t2", "t3", "t4"],
        [
            Party("A", 2, ("t1", 0, 1, 0), ("t2", 33, 0.1, 0), ("t3", 33, 0.1, 0), ("t4", 33, 0.1, 0)),
            Party("B", 1, ("t1", 100, 1, 0)),
        ]).Solve();
        var nash = Assert.Single(analysis.Nash);
        Assert.Equal(100 * Math.Sqrt(1.3 / 3), nash.Terms["t1"], 2);
        Assert.All(["t2", "t3", "t4"], t => Assert.Equal(33, nash.Terms[t], 2));
        Assert.Equal(1.3 - 1.3 / 3, nash.Utilities[0], 5);
        Assert.Equal(Math.Sqrt(1.3 / 3), nash.Utilities[1], 5);
    }
    [Fact]
    public void An_outcome_bettered_for_one_party_and_equal_for_the_other_lies_inside_the_frontier()
    {
        // A holds p at 0; B holds p and q at 100; salience 1, ρ = 1. At (p 0, q 50) A has its best, 1, and B
        // 0 + 0.5. The frontier is p = 100·z, q = 100: (1 − z, 1 + z); its point (1, 1) at p = 0 is as good
        // for A and better for B, and no frontier point is better for A. The nearest frontier point is
        // that one, at distance 1 − 0.5 = 0.5.
        var analysis = new BargainingProblem(["p", "q"],
            [Party("A", 1, ("p", 0, 1, 0)), Party("B", 1, ("p", 100, 1, 0), ("q", 100, 1, 0))]).Solve();
        Assert.Equal(0.5, analysis.DistanceToFrontier(Terms(("p", 0), ("q", 50))), 9);
    }

    [Fact]
    public void An_outcome_on_the_frontier_between_its_grid_points_lies_on_it()
    {
        // A at 40, B at 60: 45.01 is between the grid's 45 and 45.05 but on the frontier segment
        // (Uᴬ + Uᴮ = 1.8), so nothing dominates it: distance 0, not the 10⁻⁴ to the nearest grid point.
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 40, 1, 0)), Party("B", 1, ("t", 60, 1, 0))]).Solve();
        Assert.Equal(0, analysis.DistanceToFrontier(Terms(("t", 45.01))), 12);
    }
}
