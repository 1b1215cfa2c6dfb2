namespace Summits.Scenarios;

/// <summary>How many of a study's runs had an outcome, the share, and its 95% Wilson score interval.</summary>
public sealed record Proportion(int Count, int Runs, double P, double Low, double High)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval: unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and does not
    /// collapse to a point when every run or none had the outcome. With no runs it is all of [0, 1].
    /// At the edges the bound on the side of the share is the share itself, exactly: with p = 1 the upper bound
    /// (p + z²/2n + z·√(z²/4n²)) / (1 + z²/n) is (1 + z²/n) / (1 + z²/n) = 1, and with p = 0 the lower bound is
    /// (z²/2n − z·√(z²/4n²)) / (1 + z²/n) = 0 (Wilson 1927, JASA 22:209). Computed in floating point they come out a
    /// rounding away (0.9999999999999998 for 2000 of 2000), so they are set to 1 and 0 outright.
    /// </summary>
    public static Proportion Of(int count, int runs, double z = Z95)
    {
        if (runs <= 0)
            return new Proportion(0, 0, 0, 0, 1);
        var n = (double)runs;
        var p = count / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        var low = count <= 0 ? 0 : Math.Max(0, centre - half);
        var high = count >= runs ? 1 : Math.Min(1, centre + half);
        return new Proportion(count, runs, p, low, high);
    }
}
