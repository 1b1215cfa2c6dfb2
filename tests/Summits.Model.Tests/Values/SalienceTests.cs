using Summits.Model;

namespace Summits.Model.Tests;

public sealed class SalienceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(0.35)]
    [InlineData(1)]
    public void Keeps_a_salience_from_zero_to_one(double value) =>
        Assert.Equal(value, new Salience(value).Value);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(50)]
    [InlineData(double.NaN)]
    public void Refuses_a_salience_outside_zero_to_one(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Salience(value));

    [Fact]
    public void Converts_to_its_number() => Assert.Equal(0.4, (double)new Salience(0.4));
}
