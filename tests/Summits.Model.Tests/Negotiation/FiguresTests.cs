using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>How a line shows a figure: rounded half away from zero, without trailing zeros, never −0.</summary>
public sealed class FiguresTests
{
    [Theory]
    // Four decimals by default: 74.99681 rounds to 74.9968, 92.040 drops its zero, 92.00004 rounds to 92.
    [InlineData(74.99681, 4, "74.9968")]
    [InlineData(92.040, 4, "92.04")]
    [InlineData(92.00004, 4, "92")]
    // Two decimals: 2.125 is exact in binary and rounds half away from zero to 2.13.
    [InlineData(2.125, 2, "2.13")]
    // No decimals: 92.5 rounds half away from zero to 93, −92.5 to −93, 92.4 to 92.
    [InlineData(92.5, 0, "93")]
    [InlineData(-92.5, 0, "-93")]
    [InlineData(92.4, 0, "92")]
    public void A_figure_is_shown_to_its_decimals_without_trailing_zeros(double value, int decimals, string expected) =>
        Assert.Equal(expected, Figures.Text(value, decimals));

    [Theory]
    // −0.00004 rounds to −0 at four decimals, −0.4 to −0 at none, and −0 itself: each reads 0, not "-0".
    [InlineData(-0.00004, 4)]
    [InlineData(-0.4, 0)]
    [InlineData(-0.0, 2)]
    public void A_negative_figure_that_rounds_to_zero_reads_0(double value, int decimals) =>
        Assert.Equal("0", Figures.Text(value, decimals));
}
