using Summits.Reports.Charts;

namespace Summits.Reports.Tests;

/// <summary>The ends and tick step of a position axis (see <see cref="Chart.PositionAxis"/>).</summary>
public sealed class PositionAxisTests
{
    [Theory]
    // 53.4 to 91.6 spreads 38.2 points (over 20, not over 50): step 5; 53.4 floors to 50, 91.6 ceils to 95.
    [InlineData(53.4, 91.6, 50, 95, 5)]
    // 12 to 85 spreads 73 (over 50): step 10; 10 and 90.
    [InlineData(12, 85, 10, 90, 10)]
    // 61 to 70 spreads 9 (over 8): step 2; 60 and 70.
    [InlineData(61, 70, 60, 70, 2)]
    // 40.2 to 44.9 spreads 4.7: step 1; 40 and 45.
    [InlineData(40.2, 44.9, 40, 45, 1)]
    // −4 to 104 (margins past the scale): step 10, clamped to 0 and 100.
    [InlineData(-4, 104, 0, 100, 10)]
    // 100 to 100 (every value at the top): step 1, the axis takes the last step below, 99 to 100.
    [InlineData(100, 100, 99, 100, 1)]
    // 30 to 30: step 1, 30 to 31.
    [InlineData(30, 30, 30, 31, 1)]
    public void Its_ends_are_multiples_of_its_step_on_the_scale(double low, double high, double min, double max, double step)
    {
        var axis = Chart.PositionAxis("position", low, high);
        Assert.Equal(min, (double)axis["min"]!);
        Assert.Equal(max, (double)axis["max"]!);
        Assert.Equal(step, (double)axis["interval"]!);
    }
}
