using System.Collections.Immutable;

namespace Summits.Model.Tests;

public sealed class BargainingProblemTests
{
    private static BargainingParty Party(string actor, double risk, params (string Topic, double Position, double Salience, double Reservation)[] stakes) =>
        new(actor, risk, stakes.ToImmutableSortedDictionary(s => s.Topic, s => new Stake(s.Position, s.Salience, s.Reservation), StringComparer.Ordinal));

    private static ImmutableSortedDictionary<string, double> Terms(params (string Topic, double Value)[] terms) =>
        terms.ToImmutableSortedDictionary(t => t.Topic, t => t.Value, StringComparer.Ordinal);

    // A party alone, at 30 on t with salience 1 and ρ = 1: every other outcome is worse for it, so the frontier is
    // the one outcome t = 30, worth 1 · (1 − 0/100) = 1.
    [Fact]
    public void The_frontier_of_one_party_is_its_own_position()
    {
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 30, 1, 0.5))]).Solve();

        var only = Assert.Single(analysis.Frontier);
        Assert.Equal(30, only.Terms["t"], 9);
        Assert.Equal(1, only.Utilities[0], 9);
    }

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

    // A at 30 and B at 70 on x and y, salience 0.5 on each, ρ = 1, no deal worth 0.5·(1 − 0.275) = 0.3625 a
    // topic (the 27.5-point window), d = 0.725 each. Inside [30, 70]² every point lost by one is won by the
    // other: Uᴬ + Uᴮ = 2 · 0.5 · (2 − 40/100) = 1.6, less outside. The product (Uᴬ − 0.725)(Uᴮ − 0.725) with that
    // sum is largest at Uᴬ = Uᴮ = 0.8, which is every outcome with (x − 30) + (y − 30) = 40: the segment
    // x + y = 100 from (30, 70) to (70, 30). Each ideal is 1.6 − 0.725 = 0.875, so equal shares of the ideal
    // gain mean Uᴬ = Uᴮ = 0.8 again: the same segment for Kalai–Smorodinsky. Neither point is unique; both say
    // so, with the range x 30–70, y 30–70; the Nash answer is the segment's two ends, and the
    // Kalai–Smorodinsky point given is its middle, x 50, y 50, not a corner.
    [Fact]
    public void Nash_and_Kalai_Smorodinsky_points_tied_over_a_segment_are_reported_as_that_segment()
    {
        var analysis = new BargainingProblem(["x", "y"],
        [
            Party("A", 1, ("x", 30, 0.5, 0.3625), ("y", 30, 0.5, 0.3625)),
            Party("B", 1, ("x", 70, 0.5, 0.3625), ("y", 70, 0.5, 0.3625)),
        ]).Solve();

        Assert.Equal(2, analysis.Nash.Length);
        Assert.Equal((30, 70), (analysis.Nash[0].Terms["x"], analysis.Nash[0].Terms["y"]));
        Assert.Equal((70, 30), (analysis.Nash[1].Terms["x"], analysis.Nash[1].Terms["y"]));
        Assert.Null(analysis.UniqueNash);
        Assert.Equal(new Interval(30, 70), analysis.NashTie!["x"]);
        Assert.Equal(new Interval(30, 70), analysis.NashTie["y"]);
        Assert.Equal(new Interval(30, 70), analysis.KalaiSmorodinskyTie!["x"]);
        Assert.Equal(new Interval(30, 70), analysis.KalaiSmorodinskyTie["y"]);
        Assert.Equal(50, analysis.KalaiSmorodinsky!.Terms["x"], 9);
        Assert.Equal(50, analysis.KalaiSmorodinsky.Terms["y"], 9);
        Assert.Equal(0.8, analysis.KalaiSmorodinsky.Utilities[0], 9);
    }

    // The logroll below has one Nash point and one Kalai–Smorodinsky point: no tie is reported.
    [Fact]
    public void A_unique_point_reports_no_tie()
    {
        var analysis = Logroll().Solve();
        Assert.Null(analysis.NashTie);
        Assert.Null(analysis.KalaiSmorodinskyTie);
    }

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
        Assert.Equal(judged.Reservation, WorldBargaining.NoDeal(position, actor, 50, parameters), 12);
        // and by hand: window 5 + 45 · 0.4 = 23, 0.6 · (1 − 0.23^1.3) = 0.6 · (1 − 0.147897) = 0.511262
        Assert.Equal(0.6 * (1 - Math.Pow(0.23, 1.3)), judged.Reservation, 12);
        // A stated reservation value at 40 replaces the window edge in both: 0.6 · (1 − 0.1^1.3) = 0.570926.
        var stated = position with { Reservation = 40 };
        var judgedStated = Negotiator.Evaluate(actor, new Dictionary<string, Position> { ["t"] = stated }, proposal, [], null, parameters);
        Assert.Equal(0.6 * (1 - Math.Pow(0.1, 1.3)), judgedStated.Reservation, 12);
        Assert.Equal(judgedStated.Reservation, WorldBargaining.NoDeal(stated, actor, 50, parameters), 12);
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

    /// <summary>The Nash product Π (Uᵢ − dᵢ) of two parties over one topic, from the closed form of each utility.</summary>
    private static double Product(double y, (double Position, double Salience, double Risk, double Reservation) a, (double Position, double Salience, double Risk, double Reservation) b)
    {
        static double U((double Position, double Salience, double Risk, double Reservation) p, double y) =>
            p.Salience * (1 - Math.Pow(Math.Abs(y - p.Position) / 100, p.Risk)) - p.Reservation;
        var (ga, gb) = (U(a, y), U(b, y));
        return ga > 0 && gb > 0 ? ga * gb : 0;
    }

    [Fact]
    public void The_errors_say_what_a_problem_lacks()
    {
        Assert.StartsWith("a bargaining problem needs at least one topic", Assert.Throws<ArgumentException>(() => new BargainingProblem([], [Party("A", 1)])).Message);
        Assert.StartsWith("a bargaining problem needs at least one party", Assert.Throws<ArgumentException>(() => new BargainingProblem(["t"], [])).Message);
    }

    [Fact]
    public void Two_equal_Nash_points_over_two_topics_are_both_given_first_topic_first()
    {
        // A at 40 and B at 60 on p and on q, salience 1, ρ = 0.5, reservations 0. Each utility is convex
        // between the two ideals, so the product peaks where each topic sits at one party's ideal:
        // (40, 40) gives Uᴬ = 2, Uᴮ = 2 − 2√0.2, product 2.2111; (40, 60) gives both 2 − √0.2 = 1.5528, product
        // 2.4111, and (60, 40) the same. A brute force over the whole-point grid below finds those two maxima.
        // Sorted by p, then q: (40, 60) comes before (60, 40).
        double A(double p, double q) => 2 - Math.Sqrt(Math.Abs(p - 40) / 100) - Math.Sqrt(Math.Abs(q - 40) / 100);
        double B(double p, double q) => 2 - Math.Sqrt(Math.Abs(p - 60) / 100) - Math.Sqrt(Math.Abs(q - 60) / 100);
        var grid = (from p in Enumerable.Range(0, 101) from q in Enumerable.Range(0, 101) select (P: (double)p, Q: (double)q)).ToArray();
        var top = grid.Max(g => A(g.P, g.Q) * B(g.P, g.Q));
        Assert.Equal([(40.0, 60.0), (60.0, 40.0)], grid.Where(g => A(g.P, g.Q) * B(g.P, g.Q) > top - 1e-12).Select(g => (g.P, g.Q)).ToArray());

        var analysis = new BargainingProblem(["q", "p"], [Party("A", 0.5, ("p", 40, 1, 0), ("q", 40, 1, 0)), Party("B", 0.5, ("p", 60, 1, 0), ("q", 60, 1, 0))]).Solve();
        Assert.Equal(2, analysis.Nash.Length);
        Assert.Equal((40, 60), (analysis.Nash[0].Terms["p"], analysis.Nash[0].Terms["q"]));
        Assert.Equal((60, 40), (analysis.Nash[1].Terms["p"], analysis.Nash[1].Terms["q"]));
        Assert.All(analysis.Nash, n => Assert.Equal(2 - Math.Sqrt(0.2), n.Utilities[0], 6));
    }

    [Fact]
    public void Two_equal_Nash_points_that_share_a_topic_s_value_are_both_given()
    {
        // A at 40 and B at 60 on p, salience 1, ρ = 0.5, both at 50 on q (salience 1), reservations 0. On q both
        // are best at 50 (1 each); on p, as in the test above, each end gives the product 2 · (2 − √0.2) and
        // any value between gives less, since each utility is convex there. So (40, 50) and (60, 50) are the two
        // Nash points, 20 points apart though their q is the same.
        var analysis = new BargainingProblem(["p", "q"],
            [Party("A", 0.5, ("p", 40, 1, 0), ("q", 50, 1, 0)), Party("B", 0.5, ("p", 60, 1, 0), ("q", 50, 1, 0))]).Solve();
        Assert.Equal([(40.0, 50.0), (60.0, 50.0)], analysis.Nash.Select(n => (n.Terms["p"], n.Terms["q"])));
        Assert.Null(analysis.NashTie);
    }

    [Fact]
    public void Of_two_local_maxima_only_the_higher_is_the_Nash_point()
    {
        // ρ = 0.5, salience 0.1; A at 40 with reservation 0.03, B at 60 with reservation 0.035. Both ideal
        // points are peaks of the product: at 40, 0.07 · (0.1(1 − √0.2) − 0.035) = 0.07 · 0.0202786 = 0.0014195;
        // at 60, (0.1(1 − √0.2) − 0.03) · 0.065 = 0.0252786 · 0.065 = 0.0016431, the higher; at 50 it dips
        // to 0.0383772 · 0.0333772 = 0.0012809. A scan of the closed form at every 0.01 points agrees.
        (double, double, double, double) a = (40, 0.1, 0.5, 0.03), b = (60, 0.1, 0.5, 0.035);
        var scan = Enumerable.Range(0, 10_001).Select(k => k / 100.0).MaxBy(y => Product(y, a, b));
        Assert.Equal(60, scan, 9);

        var analysis = new BargainingProblem(["t"], [Party("A", 0.5, ("t", 40, 0.1, 0.03)), Party("B", 0.5, ("t", 60, 0.1, 0.035))]).Solve();
        Assert.Equal(60, Assert.Single(analysis.Nash).Terms["t"], 3);
    }

    [Fact]
    public void A_Nash_point_is_found_when_a_single_grid_value_leaves_both_better_off()
    {
        // A at 0 and B at 100, salience 1, ρ = 1, reservations 0.4997: A gains only below 50.03 and B only
        // above 49.97, so of the 0.05-point grid only 50 leaves both better off. The problem is symmetric
        // about 50, where the product (0.5 − 0.4997)² is largest: Nash 50, and the Kalai–Smorodinsky point
        // too (each ideal is 0.5003, at the other's edge).
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 0, 1, 0.4997)), Party("B", 1, ("t", 100, 1, 0.4997))]).Solve();
        Assert.Equal(50, Assert.Single(analysis.Nash).Terms["t"], 3);
        Assert.Equal(50, analysis.KalaiSmorodinsky!.Terms["t"], 3);
    }

    [Fact]
    public void There_is_no_Kalai_Smorodinsky_point_when_no_outcome_suits_every_party()
    {
        // On p alone A gains only below 9.5 and B only above 54.5 (the logroll's topic by topic).
        var p = new BargainingProblem(["p"], [Party("A", 1, ("p", 0, 0.9, 0.8145)), Party("B", 1, ("p", 100, 0.1, 0.0545))]).Solve();
        Assert.Null(p.KalaiSmorodinsky);
    }

    [Fact]
    public void A_party_that_can_gain_at_most_a_ten_millionth_leaves_no_Kalai_Smorodinsky_point()
    {
        // A at 0 and B at 100 (salience 1, ρ = 1) with reservations 0.5 − 5·10⁻⁸: A accepts up to 50.000005 and
        // B from 49.999995, so each can gain at most 5·10⁻⁸ over no deal, under the 10⁻⁷ that KS needs to
        // divide by; C at 50 (reservation 0) could gain a whole point. One party that cannot gain is enough:
        // no KS point, although C alone would have one.
        var d = 0.5 - 5e-8;
        var analysis = new BargainingProblem(["t"],
            [Party("A", 1, ("t", 0, 1, d)), Party("B", 1, ("t", 100, 1, d)), Party("C", 1, ("t", 50, 1, 0))]).Solve();
        Assert.Null(analysis.KalaiSmorodinsky);
    }

    [Fact]
    public void The_Kalai_Smorodinsky_point_is_polished_off_the_grid()
    {
        // The risk-averse pair (A at 0 with ρ = 2, B at 100 with ρ = 1): equal shares 1 − z² = z give
        // z = (√5 − 1)/2, y = 61.8034, between the grid's 61.80 and 61.85; the answer is that to 10⁻³.
        var analysis = new BargainingProblem(["t"], [Party("A", 2, ("t", 0, 1, 0)), Party("B", 1, ("t", 100, 1, 0))]).Solve();
        Assert.Equal(50 * (Math.Sqrt(5) - 1), analysis.KalaiSmorodinsky!.Terms["t"], 3);
        Assert.Equal(100 / Math.Sqrt(3), Assert.Single(analysis.Nash).Terms["t"], 3);
    }

    /// <summary>A at 0 with ρ = 2 against B at 100 with ρ = 1 on every topic of <paramref name="topics"/>, salience 1, reservations 0.</summary>
    private static BargainingProblem CurvedAgainstLinear(params string[] topics) =>
        new(topics, [Party("A", 2, [.. topics.Select(t => (t, 0.0, 1.0, 0.0))]), Party("B", 1, [.. topics.Select(t => (t, 100.0, 1.0, 0.0))])]);

    [Fact]
    public void Over_two_topics_the_Kalai_Smorodinsky_point_gives_both_parties_the_same_share_of_their_ideal_gain()
    {
        // A at 0 on p and q with ρ = 2, B at 100 on both with ρ = 1, salience 1, reservations 0; z = y/100.
        // B's utility (p + q)/100 depends on the sum only, and for a given sum A's 2 − (p² + q²)/10⁴ is largest
        // at p = q (p² + q² ≥ (p + q)²/2), so every Pareto-optimal outcome has p = q = 100z, with
        // Uᴬ = 2(1 − z²) and Uᴮ = 2z. The ideals are 2 each (A's at (0, 0), where B has 0 = dᴮ; B's at
        // (100, 100)). Equal shares of the ideal gains: 1 − z² = z, z² + z − 1 = 0, z = (√5 − 1)/2 = 0.618034:
        // p = q = 61.803, each party 1.236068, each share 61.80 %. Along the curve of equal shares the smaller
        // share falls by only 2·10⁻⁴ from there to p 64, q 59.57, where a compass search on the smaller share stops.
        var z = (Math.Sqrt(5) - 1) / 2;
        var ks = CurvedAgainstLinear("p", "q").Solve().KalaiSmorodinsky!;
        Assert.Equal(100 * z, ks.Terms["p"], 3);
        Assert.Equal(100 * z, ks.Terms["q"], 3);
        Assert.Equal(2 * z, ks.Utilities[0], 4);
        Assert.Equal(2 * z, ks.Utilities[1], 4);
    }

    [Fact]
    public void Over_three_topics_the_Kalai_Smorodinsky_point_follows_the_curved_frontier()
    {
        // A at 0 on t1..t3 (ρ = 2, salience 1 each); B at 100 (ρ = 1) with saliences 1, 0.5 and 0.5;
        // reservations 0; zₜ = tₜ/100. For a given Uᴮ = z₁ + 0.5z₂ + 0.5z₃, A's Σ(1 − zₜ²) is largest where
        // 2zₜ is proportional to B's salience (Lagrange): z₁ = 2w, z₂ = z₃ = w, so Uᴬ = 3 − 6w², Uᴮ = 3w
        // (while z₁ ≤ 1). The ideals: A's 3 at 0, B's 2 at 100 on every topic. Equal shares:
        // 1 − 2w² = 1.5w, w = (−1.5 + √(2.25 + 8))/4 = 0.425390: t₁ = 85.078, t₂ = t₃ = 42.539, each share
        // 0.638086 (Uᴬ = 1.914257, Uᴮ = 1.276171). The grid of three topics has steps of 2, and the point
        // lies on none of its lines.
        var w = (-1.5 + Math.Sqrt(10.25)) / 4;
        var ks = new BargainingProblem(["t1", "t2", "t3"],
        [
            Party("A", 2, ("t1", 0, 1, 0), ("t2", 0, 1, 0), ("t3", 0, 1, 0)),
            Party("B", 1, ("t1", 100, 1, 0), ("t2", 100, 0.5, 0), ("t3", 100, 0.5, 0)),
        ]).Solve().KalaiSmorodinsky!;
        Assert.Equal(200 * w, ks.Terms["t1"], 3);
        Assert.Equal(100 * w, ks.Terms["t2"], 3);
        Assert.Equal(100 * w, ks.Terms["t3"], 3);
        Assert.Equal(1.5 * w, ks.Utilities[0] / 3, 4);
        Assert.Equal(1.5 * w, ks.Utilities[1] / 2, 4);
    }

    [Fact]
    public void An_ideal_on_a_curved_edge_of_what_the_other_party_accepts_is_found_exactly()
    {
        // A at 0 (ρ = 1) with saliences 1 on p and 0.5 on q; B at 100 (ρ = 2, salience 1 on both) needs 1
        // (reservations 0.5 and 0.5). With a = 1 − p/100, b = 1 − q/100: Uᴬ = 1.5 − (1 − a) − 0.5(1 − b) =
        // a + 0.5b and Uᴮ = 2 − a² − b², so B accepts a² + b² ≤ 1: a disc's edge, a curve. A's ideal is the
        // largest a + 0.5b on it: (a, b) ∝ (1, 0.5), a = 1/√1.25, b = 0.5/√1.25, worth √1.25 = 1.118034.
        // B's ideal is 2, at 100 on both (A has 0 = dᴬ). On the frontier (a, b) = R(1, 0.5)/√1.25, so
        // Uᴬ = √1.25·R and Uᴮ = 2 − R²: A's share R, B's 1 − R². Equal: R = (√5 − 1)/2 = 0.618034, so
        // p = 100(1 − R/√1.25) = 44.721, q = 100(1 − 0.5R/√1.25) = 72.361, Uᴬ = 0.690983, Uᴮ = 1.618034.
        var r = (Math.Sqrt(5) - 1) / 2;
        var ks = new BargainingProblem(["p", "q"],
        [
            Party("A", 1, ("p", 0, 1, 0), ("q", 0, 0.5, 0)),
            Party("B", 2, ("p", 100, 1, 0.5), ("q", 100, 1, 0.5)),
        ]).Solve().KalaiSmorodinsky!;
        Assert.Equal(100 * (1 - r / Math.Sqrt(1.25)), ks.Terms["p"], 3);
        Assert.Equal(100 * (1 - 0.5 * r / Math.Sqrt(1.25)), ks.Terms["q"], 3);
        Assert.Equal(Math.Sqrt(1.25) * r, ks.Utilities[0], 4);
        Assert.Equal(2 - r * r, ks.Utilities[1], 4);
    }

    [Fact]
    public void Three_parties_on_a_ridge_of_two_topics_meet_where_all_three_shares_are_equal()
    {
        // A holds p at 0 and C holds q at 0 (ρ = 2, salience 1); B holds both at 100 (ρ = 1, salience 1);
        // reservations 0; z = value/100. Ideals: A's 1 (p 0) and C's 1 (q 0), B's 2 (both 100), each leaving the
        // others 0 = dⱼ. Shares: 1 − z_p², 1 − z_q², (z_p + z_q)/2. For a given larger of z_p and z_q, B's share is
        // largest with both equal, so the KS point has z_p = z_q = z and 1 − z² = z: z = (√5 − 1)/2, 61.803 on
        // both topics, all three shares 0.618034. Nash: 2·log(1 − z²) + log z (symmetric and concave, so z_p = z_q)
        // is largest where −4z/(1 − z²) + 1/z = 0, 1 − z² = 4z², z = 1/√5: 44.721 on both.
        var analysis = new BargainingProblem(["p", "q"],
        [
            Party("A", 2, ("p", 0, 1, 0)),
            Party("B", 1, ("p", 100, 1, 0), ("q", 100, 1, 0)),
            Party("C", 2, ("q", 0, 1, 0)),
        ]).Solve();
        var z = (Math.Sqrt(5) - 1) / 2;
        var ks = analysis.KalaiSmorodinsky!;
        Assert.Equal(100 * z, ks.Terms["p"], 3);
        Assert.Equal(100 * z, ks.Terms["q"], 3);
        Assert.Equal([z, z, z], [ks.Utilities[0], ks.Utilities[1] / 2, ks.Utilities[2]], new ToleranceComparer(1e-4));
        var nash = Assert.Single(analysis.Nash);
        Assert.Equal(100 / Math.Sqrt(5), nash.Terms["p"], 3);
        Assert.Equal(100 / Math.Sqrt(5), nash.Terms["q"], 3);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Outcomes_equal_for_every_party_but_the_first_and_worse_for_it_lie_inside_the_frontier(int parties)
    {
        // A holds p at 0; every other party holds only q at 100; salience 1, ρ = 1, reservations 0. (p 0, q 100)
        // gives every party 1, its best. Any other p with q at 100 is as good for the others and worse for A,
        // any other q worse for the others: the frontier is that one outcome.
        var others = Enumerable.Range(1, parties - 1).Select(i => Party($"P{i}", 1, ("q", 100, 1, 0)));
        var analysis = new BargainingProblem(["p", "q"], [Party("A", 1, ("p", 0, 1, 0)), .. others]).Solve();
        var only = Assert.Single(analysis.Frontier);
        Assert.Equal((0.0, 100.0), (only.Terms["p"], only.Terms["q"]));
        Assert.All(only.Utilities, u => Assert.Equal(1, u, 12));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_Nash_point_of_the_curved_pair_is_found_off_the_grid_on_any_number_of_topics(int topics)
    {
        // The pair of the two-topic example on k topics: on the frontier every topic is at 100z, Uᴬ = k(1 − z²),
        // Uᴮ = kz, so the product k²(1 − z²)z is largest where 1 − 3z² = 0: z = 1/√3, 57.735 on every topic.
        var names = Enumerable.Range(1, topics).Select(t => $"t{t}").ToArray();
        var nash = Assert.Single(CurvedAgainstLinear(names).Solve().Nash);
        Assert.All(names, t => Assert.Equal(100 / Math.Sqrt(3), nash.Terms[t], 2));
        Assert.Equal(topics * (1 - 1.0 / 3), nash.Utilities[0], 4);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_Kalai_Smorodinsky_point_of_the_curved_pair_is_the_golden_section_on_any_number_of_topics(int topics)
    {
        // As in the two-topic example, every topic at 100z with 1 − z² = z: z = (√5 − 1)/2, 61.803 on every topic.
        var names = Enumerable.Range(1, topics).Select(t => $"t{t}").ToArray();
        var ks = CurvedAgainstLinear(names).Solve().KalaiSmorodinsky!;
        Assert.All(names, t => Assert.Equal(50 * (Math.Sqrt(5) - 1), ks.Terms[t], 2));
        Assert.Equal(topics * (Math.Sqrt(5) - 1) / 2, ks.Utilities[1], 4);
    }

    [Fact]
    public void The_frontier_is_ordered_by_the_first_party_then_the_second_party_descending()
    {
        // Z holds nothing (its utility is 0 everywhere); A at 0 and B at 100, salience 1, ρ = 1. Every value
        // in [0, 100] trades A's utility for B's, so the 2001 grid values are all on the frontier. Z's utility
        // ties them all, so they come by A's utility descending: 0, 0.05, …, 100.
        var analysis = new BargainingProblem(["t"], [Party("Z", 1), Party("A", 1, ("t", 0, 1, 0)), Party("B", 1, ("t", 100, 1, 0))]).Solve();
        Assert.Equal(2001, analysis.Frontier.Length);
        Assert.Equal(0, analysis.Frontier[0].Terms["t"], 9);
        Assert.Equal(0.05, analysis.Frontier[1].Terms["t"], 9);
        Assert.Equal(100, analysis.Frontier[^1].Terms["t"], 9);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Among_three_or_more_parties_the_values_past_the_outer_ideals_are_dominated(int parties)
    {
        // One topic, salience 1, ρ = 1: A at 0, B at 40, C at 60 (and D at 50). Between 0 and 60, A gains
        // by going down and C by going up, so no value there dominates another: 60/0.05 + 1 = 1201 grid values
        // on the frontier. Above 60 every party does better at 60 (each holds at most 60), so 60.05 … 100
        // are dominated.
        var all = new[] { Party("A", 1, ("t", 0, 1, 0)), Party("B", 1, ("t", 40, 1, 0)), Party("C", 1, ("t", 60, 1, 0)), Party("D", 1, ("t", 50, 1, 0)) };
        var analysis = new BargainingProblem(["t"], all.Take(parties)).Solve();
        Assert.Equal(1201, analysis.Frontier.Length);
        Assert.Equal(0, analysis.Frontier.Min(f => f.Terms["t"]), 9);
        Assert.Equal(60, analysis.Frontier.Max(f => f.Terms["t"]), 9);
    }

    [Fact]
    public void On_the_three_party_ridge_every_outcome_of_the_grid_is_on_the_frontier()
    {
        // The ridge above: A wants p low (ρ 2), C wants q low (ρ 2), B wants p + q high. An outcome (p′, q′)
        // at least as good for A and C has p′ ≤ p and q′ ≤ q, and then at least as good for B only if
        // p′ + q′ ≥ p + q: that is (p, q) itself. So all 201² = 40,401 grid outcomes are on the frontier.
        var analysis = new BargainingProblem(["p", "q"],
        [
            Party("A", 2, ("p", 0, 1, 0)),
            Party("B", 1, ("p", 100, 1, 0), ("q", 100, 1, 0)),
            Party("C", 2, ("q", 0, 1, 0)),
        ]).Solve();
        Assert.Equal(40_401, analysis.Frontier.Length);
    }

    [Fact]
    public void The_logroll_s_frontier_holds_its_two_edges_on_a_half_point_grid()
    {
        // Two topics search a 0.5-point grid (201² = 40,401 outcomes; 0.25 would be 401² = 160,801, over the
        // 150,000 budget). The frontier is the edges p = 0 (q from 0 to 100) and q = 100 (p from 0 to 100):
        // 201 + 201 − 1 = 401 grid outcomes, every other one dominated.
        var analysis = Logroll().Solve();
        Assert.Equal(401, analysis.Frontier.Length);
        Assert.All(analysis.Frontier, f => Assert.True(f.Terms["p"] == 0 || f.Terms["q"] == 100));
    }

    [Theory]
    [InlineData(3, 151)]
    [InlineData(4, 41)]
    public void With_more_topics_the_grid_is_coarser_and_outcomes_equal_for_both_parties_count_once(int topics, int expected)
    {
        // A at 0 and B at 100 on every topic, salience 1, ρ = 1: Uᴬ = k − Σy/100 and Uᴮ = Σy/100, so outcomes
        // with the same sum are equal for both, and different sums trade one party's utility for the other's.
        // The frontier has one outcome per sum the grid can make: three topics search steps of 2 (51³ =
        // 132,651; steps of 1 would be 101³), sums 0, 2, …, 300: 151; four topics steps of 10 (11⁴ = 14,641;
        // steps of 5 would be 21⁴ = 194,481), sums 0, 10, …, 400: 41.
        var names = Enumerable.Range(1, topics).Select(t => $"t{t}").ToArray();
        var analysis = new BargainingProblem(names,
            [Party("A", 1, [.. names.Select(t => (t, 0.0, 1.0, 0.0))]), Party("B", 1, [.. names.Select(t => (t, 100.0, 1.0, 0.0))])]).Solve();
        Assert.Equal(expected, analysis.Frontier.Length);
    }

    [Fact]
    public void Kalai_Smorodinsky_divides_each_gain_by_that_party_s_own_ideal_gain()
    {
        // A at 0 (salience 1), B at 100 (salience 0.5, reservation 0.1), ρ = 1, z = y/100. B accepts only
        // 0.5z ≥ 0.1, z ≥ 0.2, so A's ideal is 1 − 0.2 = 0.8 (gain 0.8) and B's is 0.5 at 100 (gain 0.4).
        // Equal shares: (1 − z)/0.8 = (0.5z − 0.1)/0.4, 0.4 − 0.4z = 0.4z − 0.08, z = 0.6: y = 60.
        // (Multiplying by the ideal gains instead would give 0.8(1 − z) = 0.4(0.5z − 0.1), z = 0.84.)
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 0, 1, 0)), Party("B", 1, ("t", 100, 0.5, 0.1))]).Solve();
        Assert.Equal(60, analysis.KalaiSmorodinsky!.Terms["t"], 3);
    }

    [Fact]
    public void Two_parties_with_the_same_ideal_point_at_0_meet_there()
    {
        // A and B both at 0 (saliences 1 and 0.5, ρ = 1, reservations 0): 0 is each one's best, so both gain
        // all they can there: every share is 1, the Kalai–Smorodinsky point, and the product 1 · 0.5 is the
        // largest, the Nash point. It is the first outcome of the grid, 0 on every topic.
        var analysis = new BargainingProblem(["t"], [Party("A", 1, ("t", 0, 1, 0)), Party("B", 1, ("t", 0, 0.5, 0))]).Solve();
        Assert.Equal(0, analysis.KalaiSmorodinsky!.Terms["t"], 3);
        Assert.Equal(0, Assert.Single(analysis.Nash).Terms["t"], 3);
    }
}
