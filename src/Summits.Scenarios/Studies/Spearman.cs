namespace Summits.Scenarios;

/// <summary>Spearman's rank correlation: Pearson's correlation of the ranks, ties sharing their average rank.</summary>
public static class Spearman
{
    /// <summary>The ranks of the values, from 1; tied values share the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
                j++;
            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
                ranks[order[k]] = rank;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>Pearson's correlation; NaN when either side does not vary.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        if (n < 2)
            return double.NaN;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx <= 1e-24 || syy <= 1e-24 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    public static double Of(IReadOnlyList<double> x, IReadOnlyList<double> y) => Pearson(Ranks(x), Ranks(y));
}
