namespace Summits.Model;

/// <summary>
/// The probability that each option prevails when actors vote over every pair of options: each
/// actor adds capability × utility difference to the coalition it prefers, a pair is won with
/// probability proportional to coalition strength, and an option prevails when it wins all its
/// pairs, conditional on one of them doing so (Wise 2015, "conditional PCE" with proportional
/// voting and linear victory probability).
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
        var log = new double[options];
        for (var a = 0; a < options; a++)
        {
            var ua = utilities.Slice(a * voters, voters);
            for (var b = 0; b < a; b++)
            {
                var ub = utilities.Slice(b * voters, voters);
                double forA = MinCoalition, forB = MinCoalition;
                for (var v = 0; v < voters; v++)
                {
                    var vote = weights[v] * (ua[v] - ub[v]);
                    if (vote > 0)
                        forA += vote;
                    else
                        forB -= vote;
                }
                var total = forA + forB;
                log[a] += Math.Log(forA / total);
                log[b] += Math.Log(forB / total);
            }
        }
        return Normalised(log);
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
