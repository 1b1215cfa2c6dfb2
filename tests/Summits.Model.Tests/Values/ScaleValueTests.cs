using Summits.Model;

namespace Summits.Model.Tests;

public sealed class ScaleValueTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(42.5)]
    [InlineData(100)]
    public void Keeps_a_value_on_the_scale(double value) =>
        Assert.Equal(value, new ScaleValue(value).Value);

    [Theory]
    [InlineData(-0.001)]
    [InlineData(100.001)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_a_value_off_the_scale(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaleValue(value));

    [Fact]
    public void Converts_to_its_number() => Assert.Equal(73.0, (double)new ScaleValue(73));

    // 100 / 3 = 33.33333…: four decimals at most, as every figure is shown, is 33.3333; 2/3 of a point above 60 is
    // 60.66666…, rounded half away from zero at the fourth decimal to 60.6667; 92.5 keeps its one decimal.
    [Theory]
    [InlineData(100.0 / 3, "33.3333")]
    [InlineData(60 + 2.0 / 3, "60.6667")]
    [InlineData(92.5, "92.5")]
    public void Prints_at_most_four_decimals_as_every_figure_is(double value, string shown) => Assert.Equal(shown, new ScaleValue(value).ToString());
}
