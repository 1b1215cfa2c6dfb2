using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Summits.Model;

/// <summary>
/// The probability that each option prevails when actors vote over every pair of options: each
/// actor adds capability × utility difference to the coalition it prefers, a pair is won with
/// probability proportional to coalition strength, and an option prevails when it wins all its
/// pairs, conditional on one of them doing so (KTAB's conditional probabilistic Condorcet
/// election with proportional voting and linear victory probability).
/// </summary>
internal static class Pce
{
    /// <summary>Each coalition starts from this strength, so an empty one cannot divide by 0 (KTAB's 1E-8).</summary>
    private const double MinCoalition = 1e-8;

    /// <param name="utilities">Options-major: <c>utilities[option * voters + voter]</c>.</param>
    /// <param name="weights">Each voter's weight, 0 or more.</param>
    /// <returns>One probability per option, summing to 1.</returns>
    public static double[] Conditional(ReadOnlySpan<double> utilities, int voters, int options, ReadOnlySpan<double> weights)
    {
        // Each pair is decided once, by the row of its larger index; its two log-probabilities land in
        // cells no other pair writes, so rows can run on several threads and the sums below stay in order.
        var pairs = new double[options * options];
        var u = utilities.ToArray();
        var w = weights.ToArray();
        SmpAssessment.Each(options, a =>
        {
            var ua = u.AsSpan(a * voters, voters);
            for (var b = 0; b < a; b++)
            {
                var (forA, forB) = Coalitions(ua, u.AsSpan(b * voters, voters), w);
                var total = forA + forB;
                pairs[a * options + b] = Math.Log(forA / total);
                pairs[b * options + a] = Math.Log(forB / total);
            }
        }, options * voters);
        var log = new double[options];
        for (var a = 0; a < options; a++)
        {
            double sum = 0;
            for (var b = 0; b < options; b++)
                sum += pairs[a * options + b];
            log[a] = sum;
        }
        return Normalised(log);
    }

    /// <summary>
    /// The strength of the coalitions for a and for b: each voter adds weight × (u(a) − u(b)) to the
    /// side it prefers. Four voters at a time, in a fixed order, so every machine sums alike.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double ForA, double ForB) Coalitions(ReadOnlySpan<double> ua, ReadOnlySpan<double> ub, ReadOnlySpan<double> w)
    {
        var n = ua.Length;
        var forA = Vector256<double>.Zero;
        var forB = Vector256<double>.Zero;
        var v = 0;
        for (; v + 4 <= n; v += 4)
        {
            var vote = Vector256.Create(w.Slice(v, 4)) * (Vector256.Create(ua.Slice(v, 4)) - Vector256.Create(ub.Slice(v, 4)));
            forA += Vector256.Max(vote, Vector256<double>.Zero);
            forB -= Vector256.Min(vote, Vector256<double>.Zero);
        }
        double a = MinCoalition + (forA[0] + forA[1]) + (forA[2] + forA[3]);
        double b = MinCoalition + (forB[0] + forB[1]) + (forB[2] + forB[3]);
        for (; v < n; v++)
        {
            var vote = w[v] * (ua[v] - ub[v]);
            if (vote > 0)
                a += vote;
            else
                b -= vote;
        }
        return (a, b);
    }

    /// <summary>exp(log) scaled to sum 1, computed from the largest down so that long products cannot underflow.</summary>
    private static double[] Normalised(double[] log)
    {
        var max = log.Max();
        var p = new double[log.Length];
        double sum = 0;
        for (var i = 0; i < p.Length; i++)
            sum += p[i] = Math.Exp(log[i] - max);
        for (var i = 0; i < p.Length; i++)
            p[i] /= sum;
        return p;
    }

    /// <summary>The index of the largest probability, the first one on a tie.</summary>
    public static int MostLikely(double[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++)
            if (p[i] > p[best])
                best = i;
        return best;
    }
}
