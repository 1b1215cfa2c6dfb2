namespace Summits.Scenarios;

/// <summary>
/// How a study's sensitivity ranking was tested: every sampled input against every outcome the runs
/// moved, each ρ with a p-value, the false discovery rate held across all the pairs; or, over fewer than
/// <see cref="SensitivityRanking.FewestRuns"/> runs, that nothing was ranked.
/// </summary>
/// <param name="Runs">The sample size n behind every ρ: the runs that finished.</param>
/// <param name="Pairs">The input–outcome pairs tested (the m of the Benjamini–Hochberg procedure); 0 when not <see cref="Ranked"/>.</param>
/// <param name="FalseDiscoveryRate">The expected share of flagged pairs that are noise, 0.05.</param>
/// <param name="NoiseBand">
/// The |ρ| below which one pair on its own is not told from noise at the 5% level (two-sided; <see cref="SensitivityRanking.NoiseBand"/>),
/// in (0, 1]; null when no |ρ| can be, over 4 runs or fewer.
/// </param>
/// <param name="Significant">Pairs flagged after the adjustment.</param>
/// <param name="UnmovedOutcomes">Final positions left out as outcomes because no run moved them: they equal their sampled input or seeded value.</param>
/// <param name="ExpectedByChance">
/// How many of the <paramref name="Pairs"/> would show |ρ| at least <paramref name="NoiseBand"/> by chance alone had no
/// input anything to do with any outcome, from 0 to <paramref name="Pairs"/>: up to 9 runs the sum of each pair's exact
/// chance, its ranks tied as observed (a pair that cannot reach the band adds 0); from 10 runs the pairs times 0.05, the
/// t approximation's share (<see cref="SensitivityRanking.Rank(IReadOnlyList{ValueTuple{string, double[]}}, IReadOnlyList{ValueTuple{string, double[]}}, out double?)"/>).
/// Null when there is no band, or for a test made without it (the parameter's default).
/// </param>
public sealed record SensitivityTest(int Runs, int Pairs, double FalseDiscoveryRate, double? NoiseBand, int Significant, int UnmovedOutcomes,
    double? ExpectedByChance = null)
{
    /// <summary>Fewer runs than this and the report warns that only strong associations can show.</summary>
    public const int SmallSample = 30;

    /// <summary>Fewer than <see cref="SmallSample"/> runs.</summary>
    public bool IsSmall => Runs < SmallSample;

    /// <summary>The fewest runs a ranking needs, <see cref="SensitivityRanking.FewestRuns"/>; written with the test so that a reader of the results sees why nothing was ranked.</summary>
    public int FewestRuns => SensitivityRanking.FewestRuns;

    /// <summary>Whether the pairs were ranked at all: false over fewer than <see cref="FewestRuns"/> runs.</summary>
    public bool Ranked => Runs >= FewestRuns;

    /// <summary>
    /// Whether every p-value is exact, from the permutation distribution of the pair's ranks (from 4 to
    /// <see cref="SpearmanNullDistribution.MostRuns"/> runs), rather than from the t approximation with n − 2 degrees of freedom.
    /// </summary>
    public bool Exact => Ranked && Runs <= SpearmanNullDistribution.MostRuns;
}
