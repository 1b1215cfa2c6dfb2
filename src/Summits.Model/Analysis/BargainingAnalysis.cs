using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// The reference points of a bargaining problem over one or more topics: its Pareto frontier, the
/// Nash bargaining point (Nash 1950) and the Kalai–Smorodinsky point (Kalai and Smorodinsky 1975),
/// all measured against the parties' disagreement point.
/// </summary>
/// <param name="Topics">The topics searched: those of the problem that matter to at least one party.</param>
/// <param name="Parties">The parties, in the order of every utility vector.</param>
/// <param name="Indifferent">The parties no topic matters to: they neither gain nor lose, so they veto nothing.</param>
/// <param name="Disagreement">The disagreement point: each party's utility if there is no deal, its BATNA's worth (the sum over the topics of the utility of its reservation value).</param>
/// <param name="Nash">
/// Every maximiser of Π (Uᵢ − dᵢ) over the parties with a stake: empty when no outcome leaves every one
/// of them better off than no deal; more than one when the product has equal maxima (a risk-seeking ρ &lt; 1
/// makes the problem non-convex), in which case the Nash point is not unique and all are given.
/// </param>
/// <param name="KalaiSmorodinsky">The outcome giving every party with a stake the same share of its ideal gain; null when no outcome leaves them all better off.</param>
/// <param name="Frontier">The Pareto-optimal outcomes of the search grid, by the first party's utility ascending.</param>
/// <param name="NashTie">
/// When the largest Nash product is shared by a continuum of outcomes (a segment of terms where the parties'
/// utilities trade one for one, say), the range of each topic's value over them; <paramref name="Nash"/> then
/// holds the two ends of the tie. Null when the Nash point or points are isolated.
/// </param>
/// <param name="KalaiSmorodinskyTie">
/// When a continuum of outcomes gives every party the same largest share of its ideal gain, the range of each
/// topic's value over them; <paramref name="KalaiSmorodinsky"/> is then the tied outcome nearest the middle of
/// that range, one of many. Null when the point is unique.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.bargaining-analysis")]
public sealed record BargainingAnalysis(
    [Id(0)] ImmutableArray<string> Topics,
    [Id(1)] ImmutableArray<BargainingParty> Parties,
    [Id(2)] ImmutableArray<string> Indifferent,
    [Id(3)] ImmutableArray<double> Disagreement,
    [Id(4)] ImmutableArray<Outcome> Nash,
    [Id(5)] Outcome? KalaiSmorodinsky,
    [Id(6)] ImmutableArray<Outcome> Frontier,
    [Id(7)] ImmutableSortedDictionary<string, Interval>? NashTie = null,
    [Id(8)] ImmutableSortedDictionary<string, Interval>? KalaiSmorodinskyTie = null)
{
    /// <summary>The ranges of a tie over a continuum in words, as "x 30–70, y 30–70" (values by <see cref="Figures.Text(double)"/>, to four decimals).</summary>
    public static string RangeText(ImmutableSortedDictionary<string, Interval> range) =>
        string.Join(", ", range.Select(r => $"{r.Key} {Figures.Text(r.Value.Low)}–{Figures.Text(r.Value.High)}"));

    /// <summary>The Nash bargaining point when there is exactly one; null when there is none or it is not unique.</summary>
    public Outcome? UniqueNash => Nash.Length == 1 ? Nash[0] : null;

    /// <summary>The utility of each party, in the order of <see cref="Parties"/>, of the terms <paramref name="terms"/>.</summary>
    public ImmutableArray<double> Utilities(IReadOnlyDictionary<string, double> terms) => [.. Parties.Select(p => p.Utility(terms))];

    /// <summary>
    /// How far the terms lie inside the Pareto frontier, in utility units: 0 when no outcome is better
    /// for one party and no worse for any; otherwise the Euclidean distance, in the parties' utility
    /// space, to the nearest Pareto-optimal outcome.
    /// </summary>
    public double DistanceToFrontier(IReadOnlyDictionary<string, double> terms)
    {
        var u = Utilities(terms);
        // An outcome at least as good for every party either betters the terms, or is the terms themselves
        // (to 10⁻⁹), at distance 0: either way the distance to the nearest frontier outcome is the answer.
        if (!Frontier.Any(f => AtLeastAsGood(f.Utilities, u)))
            return 0;
        return Frontier.Min(f => Math.Sqrt(f.Utilities.Select((x, i) => (x - u[i]) * (x - u[i])).Sum()));
    }

    private static bool AtLeastAsGood(ImmutableArray<double> a, ImmutableArray<double> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] < b[i] - 1e-9)
                return false;
        }
        return true;
    }
}
