using System.Collections.Immutable;

namespace Summits.Scenarios;

/// <summary>How one final position spread over a study's runs: mean, standard deviation, percentiles and a histogram.</summary>
/// <param name="Histogram">Counts over bins shared by every actor on the topic (see <see cref="Edges"/>), so that histograms on one topic can be compared bar by bar.</param>
/// <param name="Moved">The runs that moved this position away from where they started it.</param>
public sealed record Distribution(string Actor, string Topic, double Start, int Runs, double Mean, double Sd, double P5, double P50, double P95,
    double Min, double Max, ImmutableArray<Distribution.Bin> Histogram, int Moved = 0)
{
    /// <summary>About this many bins span a topic's values.</summary>
    public const int Bins = 20;

    /// <summary>Runs whose value lies in [Low, High).</summary>
    public sealed record Bin(double Low, double High, int Count);

    /// <summary>Summarises the values, skipping NaN (a run in which the actor held no position on the topic), over the bins <paramref name="edges"/> (by default <see cref="Edges"/> of the values themselves).</summary>
    public static Distribution Of(string actor, string topic, double start, IEnumerable<double> values, IReadOnlyList<double>? edges = null, int moved = 0)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
            return new Distribution(actor, topic, start, 0, 0, 0, 0, 0, 0, 0, 0, [], moved);
        var mean = sorted.Average();
        var sd = sorted.Length > 1 ? Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1)) : 0;
        return new Distribution(actor, topic, start, sorted.Length, mean, sd,
            Percentile(sorted, 0.05), Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[0], sorted[^1], Bucket(sorted, edges ?? Edges(sorted)), moved);
    }

    /// <summary>
    /// Bin edges of a round width (1, 2, 2.5 or 5 times a power of ten, the nearest to a span of <see cref="Bins"/> bins)
    /// from a multiple of the width at or below the least value to one above the greatest. Equal values
    /// get one bin of width 1 around them.
    /// </summary>
    public static double[] Edges(IEnumerable<double> values)
    {
        var finite = values.Where(v => !double.IsNaN(v)).ToArray();
        if (finite.Length == 0)
            return [];
        double min = finite.Min(), max = finite.Max();
        if (max - min < 1e-9)
            return [min - 0.5, min + 0.5];
        var raw = (max - min) / Bins;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var width = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).MinBy(w => Math.Abs(Math.Log(w / raw)));
        var first = Math.Floor(min / width + 1e-9) * width;
        var count = (int)Math.Floor((max - first) / width + 1e-9) + 1;
        return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(first + i * width, 9))];
    }

    /// <summary>Linear interpolation between the closest ranks (the common "type 7" definition).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Counts per bin [edge i, edge i + 1); a value outside the edges is counted in the nearest end bin.</summary>
    private static ImmutableArray<Bin> Bucket(double[] sorted, IReadOnlyList<double> edges)
    {
        var counts = new int[edges.Count - 1];
        foreach (var v in sorted)
        {
            var bin = 0;
            while (bin + 1 < counts.Length && v >= edges[bin + 1])
                bin++;
            counts[bin]++;
        }
        return [.. counts.Select((c, i) => new Bin(edges[i], edges[i + 1], c))];
    }
}
