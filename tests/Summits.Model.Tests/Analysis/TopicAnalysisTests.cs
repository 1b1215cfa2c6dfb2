namespace Summits.Model.Tests;

public sealed class TopicAnalysisTests
{
    private static double NoDeal(double salience, double risk = 1) => WorldBargaining.NoDeal(
        new Position("a", "t", new ScaleValue(50), Interval.Point(50), new Salience(salience), Interval.Point(salience), new Provenance(PositionKind.Synthetic, Provenance.Nobody, [], "")),
        new Actor("a", "a", "", null, 1, Strategy.Linear, risk, System.Collections.Immutable.ImmutableSortedDictionary<string, double>.Empty, ""),
        100, ModelParameters.Default);

    [Fact]
    public void Mean_and_median_weigh_each_actor_by_capability_times_salience()
    {
        var analysis = TopicAnalysis.Of("t", [("a", 0, 0.8, 1, 1, 0), ("b", 100, 0.5, 1, 1, 0), ("c", 60, 0.5, 1, 1, 0)]);
        // Mean: (0·0.8 + 100·0.5 + 60·0.5) / 1.8 = 80 / 1.8 = 44.444…
        Assert.Equal(80 / 1.8, analysis.WeightedMean, 9);
        // Median: weight 1.8, half 0.9; at or below 60: 1.3 ≥ 0.9, at or above 60: 1.0 ≥ 0.9, so 60.
        Assert.Equal(60, analysis.WeightedMedian, 9);
    }

    [Fact]
    public void The_median_of_a_tie_between_two_equal_actors_is_halfway()
    {
        // Weights 0.5 · 1 on each side: the tie interval [20, 80], midpoint 50 (the old scan gave 20).
        var analysis = TopicAnalysis.Of("t", [("a", 20, 0.5, 1, 1, 0), ("b", 80, 0.5, 1, 1, 0)]);
        Assert.Equal(50, analysis.WeightedMedian, 9);
    }

    [Fact]
    public void The_Nash_point_of_two_symmetric_parties_is_halfway()
    {
        // ρ = 1, salience 0.5 each, the same reservation: the product (0.5(1 − |y−40|/100) − d)(0.5(1 − |60−y|/100) − d)
        // is symmetric about 50 and concave between 40 and 60, so its one maximum is 50.
        var analysis = TopicAnalysis.Of("t", [("a", 40, 0.5, 1, 1, NoDeal(0.5)), ("b", 60, 0.5, 1, 1, NoDeal(0.5))]);
        Assert.Equal(50, analysis.Nash!.Value, 3);
    }

    [Fact]
    public void The_Nash_point_leans_toward_the_party_that_cares_more()
    {
        // ρ = 1, z = y/100. Reservations: d_A = 0.9 · (1 − 9.5/100) = 0.8145 (window 5 + 45 · 0.1),
        // d_B = 0.3 · (1 − 36.5/100) = 0.1905 (window 5 + 45 · 0.7).
        // For 40 ≤ y ≤ 60 the gains are 0.4455 − 0.9z and 0.3z − 0.0705; the product's derivative
        // 0.1971 − 0.54z is negative for z ≥ 0.365, so the product falls from 40 on.
        // For y ≤ 40 the gains are 0.9z − 0.2745 and 0.3z − 0.0705; the derivative 0.54z − 0.1458
        // is positive for z > 0.27, so the product rises up to 40. The maximum is A's own 40.
        var analysis = TopicAnalysis.Of("t", [("a", 40, 0.9, 1, 1, NoDeal(0.9)), ("b", 60, 0.3, 1, 1, NoDeal(0.3))]);
        Assert.Equal(40, analysis.Nash!.Value, 3);
    }

    [Fact]
    public void There_is_no_Nash_point_when_no_value_leaves_both_better_off_than_no_deal()
    {
        // Salience 1: window 5 each, so A at 0 gains only below 5 and B at 100 only above 95.
        var analysis = TopicAnalysis.Of("t", [("a", 0, 1, 1, 1, NoDeal(1)), ("b", 100, 1, 1, 1, NoDeal(1))]);
        Assert.Null(analysis.Nash);
        Assert.Empty(analysis.NashPoints);
        Assert.Null(analysis.Bargaining!.KalaiSmorodinsky);
    }

    [Fact]
    public void An_indifferent_party_does_not_veto_the_Nash_point()
    {
        // A at 40 and B at 60 with salience 0.5 and ρ = 1 meet at 50 (symmetric); C has salience 0,
        // so it neither gains nor loses and takes no part in the product: Nash 50, not "none".
        var analysis = TopicAnalysis.Of("t", [("a", 40, 0.5, 1, 1, NoDeal(0.5)), ("b", 60, 0.5, 1, 1, NoDeal(0.5)), ("c", 50, 0, 1, 1, 0)]);
        Assert.Equal(50, analysis.Nash!.Value, 3);
        Assert.Equal(["c"], analysis.Bargaining!.Indifferent.AsEnumerable());
    }

    [Fact]
    public void With_risk_seeking_parties_two_equal_Nash_points_are_both_reported()
    {
        // ρ = 0.5, salience 0.1, reservation 0.03 each. At y = 40: A gains 0.1 − 0.03 = 0.07 and
        // B 0.1(1 − √0.2) − 0.03 = 0.0252786, product 0.0017695; at 60 the same by symmetry; at 50
        // each gains 0.1(1 − √0.1) − 0.03 = 0.0383772, product 0.0014728; at 41, 0.06 · 0.0254110 =
        // 0.0015247. The product dips between the two ideal points: two equal maxima, 40 and 60.
        var analysis = TopicAnalysis.Of("t", [("a", 40, 0.1, 1, 0.5, 0.03), ("b", 60, 0.1, 1, 0.5, 0.03)]);
        Assert.Null(analysis.Nash);
        Assert.Equal(2, analysis.NashPoints.Length);
        Assert.Equal(40, analysis.NashPoints[0], 3);
        Assert.Equal(60, analysis.NashPoints[1], 3);
    }
    [Fact]
    public void A_topic_nobody_holds_has_no_points()
    {
        var analysis = TopicAnalysis.Of("t", []);
        Assert.True(double.IsNaN(analysis.WeightedMean));
        Assert.True(double.IsNaN(analysis.WeightedMedian));
        Assert.Null(analysis.Nash);
        Assert.Empty(analysis.NashPoints);
    }

    [Fact]
    public void When_no_actor_has_weight_the_mean_is_the_plain_mean()
    {
        // Salience 0 for both: c·s = 0, so each position counts once: (20 + 60) / 2 = 40.
        var analysis = TopicAnalysis.Of("t", [("A", 20, 0, 0.5, 1, 0), ("B", 60, 0, 0.5, 1, 0)]);
        Assert.Equal(40, analysis.WeightedMean, 9);
    }

    [Fact]
    public void The_weight_is_capability_times_salience_not_their_ratio()
    {
        // A at 10 (c 1, s 0.5), B at 90 (c 0.5, s 1), C at 50 (c 0.2, s 0.5): weights c·s 0.5, 0.5, 0.1.
        // Mean (5 + 45 + 5) / 1.1 = 50; median: at or below 50 is 0.6 of 1.1, at or above 0.6: 50.
        // Weighted by c / s instead (2, 0.5, 0.4) the median would be 10.
        var analysis = TopicAnalysis.Of("t", [("A", 10, 0.5, 1, 1, 0), ("B", 90, 1, 0.5, 1, 0), ("C", 50, 0.5, 0.2, 1, 0)]);
        Assert.Equal(50, analysis.WeightedMean, 9);
        Assert.Equal(50, analysis.WeightedMedian, 9);
    }
}
