namespace Summits.Model.Tests;

public sealed class WeightedMedianTests
{
    [Fact]
    public void Equal_weights_at_0_and_100_give_the_midpoint_50()
    {
        // Total 2, half 1: the weight at 0 alone is half, and so is the weight at 100 alone, so every
        // value in [0, 100] has at most half on each side; the midpoint of that tie interval is 50.
        Assert.Equal(50, WeightedMedian.Of([(0, 1), (100, 1)]), 9);
    }

    [Fact]
    public void Equal_weights_at_20_and_80_give_the_midpoint_50()
    {
        // The tie interval is [20, 80]; (20 + 80) / 2 = 50.
        Assert.Equal(50, WeightedMedian.Of([(20, 0.5), (80, 0.5)]), 9);
    }

    [Fact]
    public void Weights_point_1_point_7_point_8_at_10_20_30_give_25()
    {
        // Total 1.6, half 0.8. At or below 20: 0.1 + 0.7 = 0.8 (0.7999999999999999 in floating point);
        // at or above 30: 0.8. Both sides hold exactly half, so the tie interval is [20, 30]: 25.
        Assert.Equal(25, WeightedMedian.Of([(10, 0.1), (20, 0.7), (30, 0.8)]), 9);
    }

    [Fact]
    public void Weights_point_2_point_6_point_8_at_10_20_30_give_25()
    {
        // Total 1.6, half 0.8. At or below 20: 0.2 + 0.6 = 0.8 (0.8000000000000002 in floating point);
        // at or above 30: 0.8. Same tie interval [20, 30] as with 0.1 and 0.7: 25.
        Assert.Equal(25, WeightedMedian.Of([(10, 0.2), (20, 0.6), (30, 0.8)]), 9);
    }

    [Fact]
    public void Without_a_tie_the_median_is_the_value_where_the_weight_crosses_half()
    {
        // Total 1.5, half 0.75. At or below 20: 0.6 ≥ 0.75? no; at or below 30: 1.1, so the lowest
        // qualifying value is 30. At or above 40: 0.4; at or above 30: 0.9 ≥ 0.75, the highest is 30.
        Assert.Equal(30, WeightedMedian.Of([(40, 0.4), (10, 0.3), (20, 0.3), (30, 0.5)]), 9);
    }

    [Fact]
    public void A_value_of_zero_weight_neither_moves_nor_ends_the_tie_interval()
    {
        // Weights 1 at 10 and 1 at 30 tie on [10, 30]; the weightless 12 lies inside and changes
        // nothing: (10 + 30) / 2 = 20.
        Assert.Equal(20, WeightedMedian.Of([(10, 1), (12, 0), (30, 1)]), 9);
    }

    [Fact]
    public void When_every_weight_is_zero_each_value_counts_once()
    {
        // Three values counted once each: the middle one, 40.
        Assert.Equal(40, WeightedMedian.Of([(70, 0), (10, 0), (40, 0)]), 9);
    }

    [Fact]
    public void No_values_have_no_median() => Assert.True(double.IsNaN(WeightedMedian.Of([])));

    [Fact]
    public void A_negative_weight_is_refused() =>
        Assert.Throws<ArgumentException>(() => WeightedMedian.Of([(10, 1), (20, -0.5)]));
    [Fact]
    public void A_negative_weight_is_refused_with_what_was_wrong()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightedMedian.Of([(10, 1), (20, -0.5)]));
        Assert.StartsWith("a weight must be zero or more, not -0.5", error.Message);
    }

    [Fact]
    public void Tiny_weights_are_compared_with_a_tolerance_relative_to_their_total()
    {
        // Total 5e-11, half 2.5e-11. At or below 20: 2e-11 < half; at or below 30: 5e-11, so 30. At or
        // above 30: 3e-11 ≥ half, so 30 from above too: the median is 30, not a tie. A tolerance that did
        // not scale with the total (10⁻⁹ against weights of 10⁻¹¹) would call every value a median.
        Assert.Equal(30, WeightedMedian.Of([(10, 1e-11), (20, 1e-11), (30, 3e-11)]), 9);
    }

    [Fact]
    public void A_tie_missed_by_round_off_in_large_weights_is_still_a_tie()
    {
        // 10000.7 + 6000.6 = 16001.3 in decimals, half of the total 32002.6, so 20 and 30 tie and the
        // median is 25. In floating point the sum is 16001.300000000001, 1.8·10⁻¹² over half: inside the
        // tolerance 10⁻⁹ · 32002.6 = 3.2·10⁻⁵, but not inside 10⁻⁹ / 32002.6.
        Assert.Equal(25, WeightedMedian.Of([(30, 16001.3), (10, 10000.7), (20, 6000.6)]), 9);
    }

    [Fact]
    public void A_weightless_lowest_value_is_passed_over()
    {
        // The 0 at 5 adds nothing: 1 at 10 is half of 2, so 10 and 30 tie: 20.
        Assert.Equal(20, WeightedMedian.Of([(5, 0), (10, 1), (30, 1)]), 9);
    }
}
