namespace Summits.Scenarios;

/// <summary>How many of a study's runs had an outcome, the share, and its 95% Wilson score interval.</summary>
public sealed record Proportion(int Count, int Runs, double P, double Low, double High)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval: unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and does not
    /// collapse to a point when every run or none had the outcome. With no runs it is all of [0, 1].
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
        return new Proportion(count, runs, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
