using System.Collections.Immutable;

namespace Summits.Scenarios;

/// <summary>How one final position spread over a study's runs: mean, standard deviation, percentiles and a histogram.</summary>
public sealed record Distribution(string Actor, string Topic, double Start, int Runs, double Mean, double Sd, double P5, double P50, double P95,
    double Min, double Max, ImmutableArray<Distribution.Bin> Histogram)
{
    public const int Bins = 20;

    /// <summary>Runs whose value lies in [Low, High) (the last bin includes High).</summary>
    public sealed record Bin(double Low, double High, int Count);

    /// <summary>Summarises the values, skipping NaN (a run in which the actor held no position on the topic).</summary>
    public static Distribution Of(string actor, string topic, double start, IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
            return new Distribution(actor, topic, start, 0, 0, 0, 0, 0, 0, 0, 0, []);
        var mean = sorted.Average();
        var sd = sorted.Length > 1 ? Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1)) : 0;
        return new Distribution(actor, topic, start, sorted.Length, mean, sd,
            Percentile(sorted, 0.05), Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[0], sorted[^1], Bucket(sorted));
    }

    /// <summary>Linear interpolation between the closest ranks (the common "type 7" definition).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static ImmutableArray<Bin> Bucket(double[] sorted)
    {
        double min = sorted[0], max = sorted[^1];
        if (max - min < 1e-9)
            return [new Bin(min, max, sorted.Length)];
        var width = (max - min) / Bins;
        var counts = new int[Bins];
        foreach (var v in sorted)
            counts[Math.Min(Bins - 1, (int)((v - min) / width))]++;
        return [.. counts.Select((c, i) => new Bin(min + i * width, i == Bins - 1 ? max : min + (i + 1) * width, c))];
    }
}
