using System.Numerics;

namespace Summits.Scenarios;

/// <summary>
/// The exact distribution of Spearman's ρ under no association for two given sets of ranks: every one of the n!
/// pairings of the one side's ranks with the other's is equally likely, and the two-sided p-value of an observed ρ is
/// the share of pairings whose |ρ| is at least as large. This is the permutation distribution of Spearman's statistic
/// (Kendall and Gibbons, <i>Rank Correlation Methods</i>, 5th ed., 1990, ch. 3–4), whose critical values for untied
/// ranks are the published tables (Zar, 1972). Tied values keep their midranks, so the distribution is that of the
/// ranks actually observed: a binary outcome, heavily tied, has far fewer distinct values of ρ than n distinct ranks.
/// </summary>
/// <remarks>
/// With a = 2x − (n + 1) and b = 2y − (n + 1) (integers, since midranks are multiples of ½, and each summing to 0),
/// ρ = Σ a·b / √(Σ a² · Σ b²), and the denominator does not change from one pairing to another: so |ρ| orders the
/// pairings as the integer |Σ a·b| does, which is what is counted.
/// </remarks>
public sealed class SpearmanNullDistribution
{
    /// <summary>The most runs whose pairings are counted: 9! = 362,880 of them.</summary>
    public const int MostRuns = 9;

    /// <summary>
    /// How far, in ρ, an |ρ| may fall short of a pairing's and still count as equal to it, 5·10⁻⁵: half the last
    /// place of a ρ rounded to 4 decimals, and far more than a rounding to 6 moves it. Two values of |ρ| some pairing
    /// takes differ by at least 1/scale, the denominator √(Σa²·Σb²) being at most that of 9 untied runs, 240, so at
    /// least 1/240 ≈ 0.0042 apart: the tolerance never merges two of them.
    /// </summary>
    public const double Tolerance = 5e-5;

    private readonly double scale;
    private readonly long[] count;
    private readonly long pairings;

    /// <summary>Counts the n! pairings of <paramref name="x"/>'s ranks with <paramref name="y"/>'s.</summary>
    /// <param name="x">One side's ranks from 1 to n, ties sharing their midrank (<see cref="Spearman.Ranks"/>); the order does not matter.</param>
    /// <param name="y">The other side's ranks, as many.</param>
    /// <exception cref="ArgumentException">The two differ in length, n is below 2 or above <see cref="MostRuns"/>, or either side does not vary; the message names which.</exception>
    public SpearmanNullDistribution(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        if (y.Count != n)
            throw new ArgumentException($"Exact ranks need two sides of the same length, not {x.Count} and {y.Count}.");
        if (n < 2 || n > MostRuns)
            throw new ArgumentException($"Exact ranks need from 2 to {MostRuns} runs, not {n}.");
        var a = x.Select(r => (long)Math.Round(2 * r) - (n + 1)).ToArray();
        var b = y.Select(r => (long)Math.Round(2 * r) - (n + 1)).ToArray();
        scale = Math.Sqrt(a.Sum(v => (double)v * v) * b.Sum(v => (double)v * v));
        if (scale == 0)
            throw new ArgumentException("Exact ranks need both sides to vary: one side has every rank equal.");
        // ways[used][range + sum]: how many pairings of x's first k ranks with the k of y's in the bit set used give
        // that partial sum. A partial sum is bounded as the whole is, by Σ|a| · max|b|. Counting by sum rather than
        // pairing by pairing takes n·2ⁿ⁻¹ steps over the sums, not n!: 9 runs take milliseconds.
        var range = a.Sum(Math.Abs) * b.Max(Math.Abs);
        var ways = new long[1 << n][];
        ways[0] = new long[2 * range + 1];
        ways[0][range] = 1;
        for (var used = 0; used < ways.Length - 1; used++)
        {
            var from = ways[used];
            var k = BitOperations.PopCount((uint)used);
            for (var j = 0; j < n; j++)
            {
                if ((used & 1 << j) != 0)
                    continue;
                var to = ways[used | 1 << j] ??= new long[2 * range + 1];
                var step = a[k] * b[j];
                for (var sum = 0; sum < from.Length; sum++)
                    if (from[sum] != 0)
                        to[sum + step] += from[sum];
            }
            ways[used] = [];
        }
        count = new long[range + 1];
        for (var sum = 0; sum <= 2 * range; sum++)
            count[Math.Abs(sum - range)] += ways[^1][sum];
        pairings = count.Sum();
    }

    /// <summary>
    /// The share of pairings whose |ρ| is at least |<paramref name="rho"/>|, in [0, 1]: the two-sided p-value of
    /// <paramref name="rho"/> observed over these ranks (0 for an |ρ| above every pairing's). A pairing whose |ρ| falls
    /// short of it by less than <see cref="Tolerance"/> counts as equal, so that a ρ computed in floating point, or read
    /// back rounded to 6 decimals from the JSON or CSV, finds its own pairing among those at least as strong.
    /// </summary>
    public double PValue(double rho)
    {
        var least = (Math.Abs(rho) - Tolerance) * scale;
        long atLeast = 0;
        for (var k = Math.Max(0, (int)Math.Ceiling(least)); k < count.Length; k++)
            atLeast += count[k];
        return (double)atLeast / pairings;
    }

    /// <summary>
    /// The smallest |ρ| some pairing takes whose two-sided p-value (<see cref="PValue"/>) is below
    /// <paramref name="alpha"/>, in (0, 1]; null when none is, as for every n below 5 at 0.05.
    /// </summary>
    public double? Critical(double alpha)
    {
        long atLeast = 0;
        double? critical = null;
        for (var k = count.Length - 1; k >= 0; k--)
        {
            if (count[k] == 0)
                continue;
            atLeast += count[k];
            if ((double)atLeast / pairings >= alpha)
                break;
            critical = Math.Min(1, k / scale);
        }
        return critical;
    }
}
