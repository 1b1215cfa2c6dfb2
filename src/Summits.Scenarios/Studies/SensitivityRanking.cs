using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Summits.Scenarios;

/// <summary>
/// Ranks inputs against outcomes by Spearman's ρ and tests each against no association, and adjusts the p-values over
/// all pairs by the Benjamini–Hochberg step-up procedure, so that of the pairs flagged at most the false discovery rate
/// are noise on average. Up to <see cref="SpearmanNullDistribution.MostRuns"/> runs a p-value is exact, from the
/// permutation distribution of the pair's own ranks (<see cref="SpearmanNullDistribution"/>); above that it is the t
/// approximation t = ρ √((n − 2) / (1 − ρ²)) with n − 2 degrees of freedom (Zar, 1972). The approximation is lenient,
/// more so the fewer the runs and the more tied the ranks: over 4 runs it would give |ρ| = 1 a p of 0, where 2 of the
/// 24 pairings are as strong, and so flag chance pairs; at 10 untied runs its noise band is 0.6319 where the exact one
/// is 0.648; at 10 runs against an agreement in force in 5 of them, a perfect separation has an exact p of
/// 2/C(10, 5) = 2/252 = 0.0079, and the t approximation gives it about 0.001.
/// </summary>
public static class SensitivityRanking
{
    /// <summary>The expected share of flagged pairs that are noise, 0.05.</summary>
    public const double FalseDiscoveryRate = 0.05;

    /// <summary>
    /// The fewest finished runs that are ranked, 4. Over 3 runs ρ takes only the values ±1 and ±½ and the smallest
    /// two-sided p-value is 2/3! = ⅓: the order of the pairs would be mostly ties and none could be told from noise.
    /// </summary>
    public const int FewestRuns = 4;

    /// <summary>
    /// The fewest runs over which one pair of untied ranks can be told from noise at 5 %, 5: its |ρ| = 1 then has the
    /// two-sided p 2/5! = 0.0167, where over 4 runs the smallest is 2/4! = 0.0833 (<see cref="NoiseBand"/> is null below it).
    /// </summary>
    public const int FewestRunsToFlag = 5;

    /// <summary>
    /// Every input against every outcome, strongest |ρ| first; a pair whose outcome is the input's own
    /// final value (same name) is not ranked, nor one where either side does not vary, nor any over fewer
    /// than <see cref="FewestRuns"/> runs (then the result is empty).
    /// </summary>
    /// <param name="inputs">Per input, its value in each run.</param>
    /// <param name="outcomes">Per outcome, its value in each run, the same runs in the same order.</param>
    public static ImmutableArray<Sensitivity> Rank(IReadOnlyList<(string Name, double[] Values)> inputs, IReadOnlyList<(string Name, double[] Values)> outcomes) =>
        Rank(inputs, outcomes, out _);

    /// <summary>
    /// Ranks as <see cref="Rank(IReadOnlyList{ValueTuple{string, double[]}}, IReadOnlyList{ValueTuple{string, double[]}})"/>
    /// does, and says how many of the ranked pairs would reach the noise band (<see cref="NoiseBand"/>) by chance alone
    /// had no input anything to do with any outcome.
    /// </summary>
    /// <param name="inputs">Per input, its value in each run.</param>
    /// <param name="outcomes">Per outcome, its value in each run, the same runs in the same order.</param>
    /// <param name="byChance">
    /// The expected number of ranked pairs whose |ρ| is at least the noise band under no association, from 0 to the
    /// pairs ranked. Up to <see cref="SpearmanNullDistribution.MostRuns"/> runs it is exact: the sum over the pairs of
    /// each pair's own share of pairings at least as strong (<see cref="SpearmanNullDistribution.PValue"/> at the band),
    /// its ranks tied as observed, so that a pair that cannot reach the band at all (an untied input against an agreement
    /// in force in 3 of 6 runs: at most |ρ| = √(54/70) = 0.8783, short of 0.8857) counts 0, not the untied share. Above
    /// that it is the pairs times 0.05, the share the t approximation gives every pair at the band whatever its ties.
    /// To 6 decimals. Null when there is no band (over 4 runs or fewer, or no input); 0 when no pair was ranked.
    /// </param>
    public static ImmutableArray<Sensitivity> Rank(IReadOnlyList<(string Name, double[] Values)> inputs, IReadOnlyList<(string Name, double[] Values)> outcomes,
        out double? byChance)
    {
        byChance = null;
        var n = inputs.Count > 0 ? inputs[0].Values.Length : 0;
        if (n < FewestRuns)
            return [];
        var band = NoiseBand(n);
        var expected = 0.0;
        // Exact distributions depend only on the two sets of ranks, which few patterns of ties cover.
        var exact = n <= SpearmanNullDistribution.MostRuns ? new Dictionary<string, SpearmanNullDistribution>(StringComparer.Ordinal) : null;
        var ranked = new List<(string Input, string Outcome, double Rho, double P)>();
        var outcomeRanks = outcomes.Where(o => Varies(o.Values)).Select(o => (o.Name, Ranks: Spearman.Ranks(o.Values))).ToList();
        var outcomeTies = outcomeRanks.Select(o => exact is null ? "" : Ties(o.Ranks)).ToList();
        foreach (var (input, values) in inputs)
        {
            if (!Varies(values))
                continue;
            var ranks = Spearman.Ranks(values);
            var ties = exact is null ? "" : Ties(ranks);
            for (var o = 0; o < outcomeRanks.Count; o++)
            {
                var (outcome, other) = outcomeRanks[o];
                if (outcome == input)
                    continue;
                var rho = Spearman.Pearson(ranks, other);
                if (double.IsNaN(rho))
                    continue;
                double p;
                if (exact is null)
                {
                    p = PValue(rho, n);
                    expected += 0.05; // the noise band's level: its t band is where the approximation puts 5% of pairings
                }
                else
                {
                    var distribution = Exact(exact, ranks, ties, other, outcomeTies[o]);
                    p = distribution.PValue(rho);
                    if (band is { } b)
                        expected += distribution.PValue(b);
                }
                ranked.Add((input, outcome, rho, p));
            }
        }
        // To 6 decimals, as ρ is: the sum carries the rounding of each share, and a reader wants 10.8, not 10.799999999999972.
        byChance = band is null ? null : Math.Round(expected, 6);
        var q = Adjust([.. ranked.Select(r => r.P)]);
        return [.. ranked.Select((r, i) => new Sensitivity(r.Input, r.Outcome, Math.Round(r.Rho, 6), r.P, q[i], q[i] < FalseDiscoveryRate))
            .OrderByDescending(s => Math.Abs(s.Rho)).ThenBy(s => s.Input, StringComparer.Ordinal).ThenBy(s => s.Outcome, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The two-sided p-value of ρ over <paramref name="n"/> runs of untied ranks under no association, in 0..1: up to
    /// <see cref="SpearmanNullDistribution.MostRuns"/> runs exact (<see cref="SpearmanNullDistribution.PValue"/>; |ρ| = 1
    /// gives 2/n!), above that from the t approximation (0 for |ρ| = 1). Below 2 runs nothing can be told from noise,
    /// and the p is 1, as <see cref="NoiseBand"/> is then null.
    /// </summary>
    public static double PValue(double rho, int n)
    {
        if (n < 2)
            return 1;
        if (n <= SpearmanNullDistribution.MostRuns)
            return Untied(n).PValue(rho);
        if (Math.Abs(rho) >= 1)
            return 0;
        var t = Math.Abs(rho) * Math.Sqrt((n - 2) / (1 - rho * rho));
        return Math.Clamp(2 * StudentT.CDF(0, 1, n - 2, -t), 0, 1);
    }

    /// <summary>
    /// The noise band: the smallest |ρ| whose two-sided p-value over <paramref name="n"/> runs of untied ranks is below
    /// <paramref name="alpha"/>, in (0, 1]. Up to <see cref="SpearmanNullDistribution.MostRuns"/> runs it is the
    /// smallest such value a pairing takes (<see cref="SpearmanNullDistribution.Critical"/>: at 0.05, 1 for 5 runs,
    /// 0.8857 for 6, 0.7 for 9, as the published tables give); above that t / √(n − 2 + t²) with t the 1 − α/2 quantile
    /// of Student's t. Null when no |ρ| reaches it, as over 4 runs or fewer at 0.05 (below 2 runs, where
    /// <see cref="PValue"/> is 1, too).
    /// </summary>
    public static double? NoiseBand(int n, double alpha = 0.05)
    {
        if (n < 2)
            return null;
        if (n <= SpearmanNullDistribution.MostRuns)
            return Untied(n).Critical(alpha);
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

    /// <summary>The distributions of n untied runs, by n, each counted the first time it is asked for.</summary>
    private static readonly SpearmanNullDistribution?[] untied = new SpearmanNullDistribution?[SpearmanNullDistribution.MostRuns + 1];

    private static SpearmanNullDistribution Untied(int n)
    {
        // Two threads may both count one n; either's distribution is the same, and a reference is written whole.
        if (untied[n] is { } known)
            return known;
        double[] ranks = [.. Enumerable.Range(1, n).Select(r => (double)r)];
        return untied[n] = new SpearmanNullDistribution(ranks, ranks);
    }

    private static SpearmanNullDistribution Exact(Dictionary<string, SpearmanNullDistribution> known, double[] x, string xTies, double[] y, string yTies)
    {
        var key = xTies + "|" + yTies;
        if (!known.TryGetValue(key, out var distribution))
            known[key] = distribution = new SpearmanNullDistribution(x, y);
        return distribution;
    }

    /// <summary>The ranks sorted, as text: two columns with the same ties give the same text.</summary>
    private static string Ties(double[] ranks) => string.Join(" ", ranks.Order().Select(r => r.ToString(CultureInfo.InvariantCulture)));

    private static bool Varies(double[] column) => column.Length > 0 && column.All(v => !double.IsNaN(v)) && column.Any(v => v != column[0]);
}
