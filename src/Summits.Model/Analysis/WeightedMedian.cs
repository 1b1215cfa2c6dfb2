namespace Summits.Model;

/// <summary>
/// The weighted median of values on the 0–100 scale: a value with at most half of the total weight
/// strictly below it and at most half strictly above it. When a whole interval qualifies (the weight
/// splits exactly in two), the midpoint of that interval is the median, so the answer does not lean
/// toward either side. Weights are compared with a relative tolerance, so round-off in a sum such as
/// 0.1 + 0.7 cannot decide which side a tie falls on.
/// </summary>
public static class WeightedMedian
{
    /// <summary>The relative tolerance with which a cumulative weight is taken to equal half the total.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// The weighted median of <paramref name="values"/>, each with a weight ≥ 0; NaN when there are no
    /// values. When every weight is zero, each value counts once.
    /// </summary>
    /// <exception cref="ArgumentException">A weight is negative or not a number.</exception>
    public static double Of(IReadOnlyList<(double Value, double Weight)> values)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.OrderBy(v => v.Value).ToArray();
        var total = 0.0;
        foreach (var (_, weight) in sorted)
        {
            if (!(weight >= 0))
                throw new ArgumentException($"a weight must be zero or more, not {weight}", nameof(values));
            total += weight;
        }
        var equal = total == 0;
        if (equal)
            total = sorted.Length;
        var half = total / 2 - Tolerance * total;

        // The lowest value with half the weight at or below it, and the highest with half at or above it.
        double low = sorted[^1].Value, high = sorted[0].Value, running = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            running += equal ? 1 : sorted[i].Weight;
            if (running >= half)
            {
                low = sorted[i].Value;
                break;
            }
        }
        running = 0;
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            running += equal ? 1 : sorted[i].Weight;
            if (running >= half)
            {
                high = sorted[i].Value;
                break;
            }
        }
        return (low + high) / 2;
    }
}
