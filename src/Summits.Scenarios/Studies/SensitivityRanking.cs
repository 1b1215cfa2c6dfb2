using System.Collections.Immutable;
using MathNet.Numerics.Distributions;

namespace Summits.Scenarios;

/// <summary>
/// Ranks inputs against outcomes by Spearman's ρ and tests each against no association: the t
/// approximation t = ρ √((n − 2) / (1 − ρ²)) with n − 2 degrees of freedom (Zar, 1972), and the
/// Benjamini–Hochberg step-up adjustment over all pairs, so that of the pairs flagged at most the false
/// discovery rate are noise on average.
/// </summary>
public static class SensitivityRanking
{
    public const double FalseDiscoveryRate = 0.05;

    /// <summary>
    /// Every input against every outcome, strongest |ρ| first; a pair whose outcome is the input's own
    /// final value (same name) is not ranked, nor one where either side does not vary.
    /// </summary>
    /// <param name="inputs">Per input, its value in each run.</param>
    /// <param name="outcomes">Per outcome, its value in each run, the same runs in the same order.</param>
    public static ImmutableArray<Sensitivity> Rank(IReadOnlyList<(string Name, double[] Values)> inputs, IReadOnlyList<(string Name, double[] Values)> outcomes)
    {
        var n = inputs.Count > 0 ? inputs[0].Values.Length : 0;
        if (n < 4)
            return [];
        var ranked = new List<(string Input, string Outcome, double Rho, double P)>();
        var outcomeRanks = outcomes.Where(o => Varies(o.Values)).Select(o => (o.Name, Ranks: Spearman.Ranks(o.Values))).ToList();
        foreach (var (input, values) in inputs)
        {
            if (!Varies(values))
                continue;
            var ranks = Spearman.Ranks(values);
            foreach (var (outcome, other) in outcomeRanks)
            {
                if (outcome == input)
                    continue;
                var rho = Spearman.Pearson(ranks, other);
                if (!double.IsNaN(rho))
                    ranked.Add((input, outcome, rho, PValue(rho, n)));
            }
        }
        var q = Adjust([.. ranked.Select(r => r.P)]);
        return [.. ranked.Select((r, i) => new Sensitivity(r.Input, r.Outcome, Math.Round(r.Rho, 6), r.P, q[i], q[i] < FalseDiscoveryRate))
            .OrderByDescending(s => Math.Abs(s.Rho)).ThenBy(s => s.Input, StringComparer.Ordinal).ThenBy(s => s.Outcome, StringComparer.Ordinal)];
    }

    /// <summary>The two-sided p-value of ρ over <paramref name="n"/> runs under no association; 0 for |ρ| = 1.</summary>
    public static double PValue(double rho, int n)
    {
        if (Math.Abs(rho) >= 1)
            return 0;
        var t = Math.Abs(rho) * Math.Sqrt((n - 2) / (1 - rho * rho));
        return Math.Clamp(2 * StudentT.CDF(0, 1, n - 2, -t), 0, 1);
    }

    /// <summary>The smallest |ρ| whose two-sided p-value over <paramref name="n"/> runs is below <paramref name="alpha"/>: t / √(n − 2 + t²) with t the 1 − α/2 quantile of Student's t.</summary>
    public static double NoiseBand(int n, double alpha = 0.05)
    {
        if (n < 4)
            return double.NaN;
        var t = StudentT.InvCDF(0, 1, n - 2, 1 - alpha / 2);
        return t / Math.Sqrt(n - 2 + t * t);
    }

    /// <summary>Benjamini–Hochberg adjusted p-values: q(i) = min over j ≥ i of p(j) · m / j, p sorted ascending, capped at 1.</summary>
    public static double[] Adjust(IReadOnlyList<double> p)
    {
        var m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ToArray();
        var q = new double[m];
        var running = 1.0;
        for (var k = m - 1; k >= 0; k--)
        {
            running = Math.Min(running, p[order[k]] * m / (k + 1));
            q[order[k]] = running;
        }
        return q;
    }

    private static bool Varies(double[] column) => column.Length > 0 && column.All(v => !double.IsNaN(v)) && column.Any(v => v != column[0]);
}
