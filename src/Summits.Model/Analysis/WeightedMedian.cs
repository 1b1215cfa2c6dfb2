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
        var sorted = values.ToArray();
        Array.Sort(sorted, (a, b) => a.Value.CompareTo(b.Value));
        var total = 0.0;
        foreach (var (_, weight) in sorted)
        {
            if (!(weight >= 0))
                throw new ArgumentException($"a weight must be zero or more, not {weight}", nameof(values));
            total += weight;
        }
        if (total == 0)
            return Of([.. sorted.Select(v => (v.Value, 1.0))]);

        var half = total / 2;
        var tolerance = Tolerance * total;
        // The lowest value with half the weight at or below it.
        var low = 0;
        var running = sorted[0].Weight;
        while (running < half - tolerance)
            running += sorted[++low].Weight;
        // When the weight at or below it is exactly half, every value up to the next one with weight has
        // half on each side: the median is the midpoint of that interval.
        var high = low;
        if (Math.Abs(running - half) <= tolerance)
        {
            high++;
            while (sorted[high].Weight == 0)
                high++;
        }
        return (sorted[low].Value + sorted[high].Value) / 2;
    }
}
