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

    [Fact]
    public void Prints_at_most_two_decimals() => Assert.Equal("33.33", new ScaleValue(100.0 / 3).ToString());
}
