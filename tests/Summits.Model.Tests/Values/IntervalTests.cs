using Summits.Model;

namespace Summits.Model.Tests;

public sealed class IntervalTests
{
    [Fact]
    public void Refuses_low_above_high() =>
        Assert.Throws<ArgumentException>(() => new Interval(60, 40));

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.NaN)]
    public void Refuses_an_end_that_is_not_a_number(double low, double high) =>
        Assert.Throws<ArgumentException>(() => new Interval(low, high));

    [Theory]
    [InlineData(40, true)]
    [InlineData(50, true)]
    [InlineData(60, true)]
    [InlineData(39.99, false)]
    [InlineData(60.01, false)]
    [InlineData(double.NaN, false)]
    public void Contains_its_ends_and_what_lies_between(double value, bool expected) =>
        Assert.Equal(expected, new Interval(40, 60).Contains(value));

    [Fact]
    public void A_point_contains_only_itself()
    {
        var point = Interval.Point(25);
        Assert.True(point.Contains(25));
        Assert.False(point.Contains(25.5));
        Assert.Equal(0, point.Width);
    }

    [Fact]
    public void Width_is_high_minus_low() => Assert.Equal(15, new Interval(80, 95).Width);

    [Fact]
    public void Prints_as_the_world_file_writes_it() => Assert.Equal("[0.85, 1]", new Interval(0.85, 1).ToString());

    // 100 / 3 and 200 / 3 on the scale, to four decimals at most as every figure is shown: 33.3333 and 66.6667.
    [Fact]
    public void Prints_each_end_to_four_decimals_at_most() => Assert.Equal("[33.3333, 66.6667]", new Interval(100.0 / 3, 200.0 / 3).ToString());
}
