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
        Assert.Equal(Distribution.Bins, d.Histogram.Length);
        Assert.Equal(101, d.Histogram.Sum(b => b.Count));
    }
}
