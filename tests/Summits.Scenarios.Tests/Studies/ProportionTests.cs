namespace Summits.Scenarios.Tests;

public sealed class ProportionTests
{
    // Published 95% Wilson score intervals: Newcombe (1998), Statistics in Medicine 17, table I.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    public void The_Wilson_interval_matches_published_values(int count, int runs, double low, double high)
    {
        var p = Proportion.Of(count, runs);
        Assert.Equal((double)count / runs, p.P, 12);
        Assert.Equal(low, p.Low, 4);
        Assert.Equal(high, p.High, 4);
    }

    [Fact]
    public void The_bound_at_the_edge_of_a_share_of_all_or_none_is_exactly_one_or_zero()
    {
        // Wilson (1927): with p = 1 the upper bound is (1 + z²/2n + z·z/2n) / (1 + z²/n) = 1, with p = 0 the lower is
        // (z²/2n − z·z/2n) / (1 + z²/n) = 0. Worked in doubles they came out 0.9999999999999998 and 1.08e-19 for n = 2000.
        Assert.Equal(1.0, Proportion.Of(2000, 2000).High);
        Assert.Equal(0.0, Proportion.Of(0, 2000).Low);
        Assert.Equal("1", Proportion.Of(2000, 2000).High.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0", Proportion.Of(0, 2000).Low.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_interior_share_has_the_wilson_bounds_worked_by_hand()
    {
        // 2 of 4 with z = 2: z²/n = 1, so the divisor 1 + z²/n = 2; the centre (0.5 + z²/2n) / 2 = (0.5 + 0.5) / 2 = 0.5;
        // the half-width z / 2 · √(p(1 − p)/n + z²/4n²) = 1 · √(0.25/4 + 4/64) = √0.125 = 0.35355339;
        // so 0.5 ∓ 0.35355339 = 0.14644661 and 0.85355339.
        var p = Proportion.Of(2, 4, z: 2);
        Assert.Equal(0.14644661, p.Low, 8);
        Assert.Equal(0.85355339, p.High, 8);
    }

    [Fact]
    public void No_runs_leave_the_whole_unit_interval_open()
    {
        var p = Proportion.Of(0, 0);
        Assert.Equal((0.0, 1.0), (p.Low, p.High));
    }

    [Fact]
    public void Spearman_sees_any_monotone_relation_and_shares_ranks_among_ties()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Equal(1.0, Spearman.Of(x, [1, 8, 27, 64, 125]), 12);
        Assert.Equal(-1.0, Spearman.Of(x, [9, 7, 5, 3, 1]), 12);
        Assert.Equal([1.5, 1.5, 3, 4.5, 4.5], Spearman.Ranks([2, 2, 5, 7, 7]));
        Assert.True(double.IsNaN(Spearman.Of(x, [3, 3, 3, 3, 3])));
    }

    [Fact]
    public void Percentiles_interpolate_between_ranks_and_the_histogram_counts_every_value()
    {
        var d = Distribution.Of("A", "t", 0, Enumerable.Range(0, 101).Select(i => (double)i).Append(double.NaN));
        Assert.Equal(101, d.Runs);
        Assert.Equal(50, d.Mean, 9);
        Assert.Equal(5, d.P5, 9);
        Assert.Equal(50, d.P50, 9);
        Assert.Equal(95, d.P95, 9);
        // 0..100 over about 20 bins: width 100 / 20 = 5, a round width; the bins run from 0 to 105 so
        // that 100 has a bin [100, 105); each of [0, 5) … [95, 100) holds five integers, the last one.
        Assert.Equal(21, d.Histogram.Length);
        Assert.All(d.Histogram, b => Assert.Equal(5, b.High - b.Low, 9));
        Assert.Equal(0, d.Histogram[0].Low);
        Assert.Equal(105, d.Histogram[^1].High);
        Assert.All(d.Histogram.SkipLast(1), b => Assert.Equal(5, b.Count));
        Assert.Equal(1, d.Histogram[^1].Count);
    }

    [Fact]
    public void Bin_edges_have_a_round_width_and_cover_every_value()
    {
        // Span 53.2 − 11.7 = 41.5, over 20 bins 2.075: the nearest round width is 2 (2.5 is further
        // in ratio: 2.075 / 2 = 1.04 against 2.5 / 2.075 = 1.20). First edge 10 (the multiple of 2 at
        // or below 11.7); the last bin must hold 53.2, so edges run to 54: 23 edges.
        var edges = Distribution.Edges([11.7, 30, 53.2]);
        Assert.Equal(10, edges[0]);
        Assert.Equal(54, edges[^1]);
        Assert.Equal(23, edges.Length);
        Assert.All(edges.Zip(edges.Skip(1)), e => Assert.Equal(2, e.Second - e.First, 9));
        // Equal values get one bin of width 1 around them.
        Assert.Equal([49.5, 50.5], Distribution.Edges([50, 50]));
    }

    [Fact]
    public void Histograms_over_shared_edges_line_up_bin_for_bin()
    {
        // Two actors on one topic with different ranges, counted over the same edges [0, 10, 20, 30).
        double[] edges = [0, 10, 20, 30];
        var a = Distribution.Of("A", "t", 0, [1, 2, 15], edges);
        var b = Distribution.Of("B", "t", 0, [25, 29, 12], edges);
        Assert.Equal(a.Histogram.Select(h => (h.Low, h.High)), b.Histogram.Select(h => (h.Low, h.High)));
        Assert.Equal([2, 1, 0], a.Histogram.Select(h => h.Count));
        Assert.Equal([0, 1, 2], b.Histogram.Select(h => h.Count));
    }
}
