namespace Summits.Scenarios;

/// <summary>
/// How a study's sensitivity ranking was tested: every sampled input against every outcome the runs
/// moved, each ρ with a p-value, the false discovery rate held across all the pairs.
/// </summary>
/// <param name="Runs">The sample size n behind every ρ.</param>
/// <param name="Pairs">The input–outcome pairs tested (the m of the Benjamini–Hochberg procedure).</param>
/// <param name="FalseDiscoveryRate">The expected share of flagged pairs that are noise, 0.05.</param>
/// <param name="NoiseBand">The |ρ| below which one pair on its own is not told from noise at the 5% level (two-sided); NaN below 4 runs.</param>
/// <param name="Significant">Pairs flagged after the adjustment.</param>
/// <param name="UnmovedOutcomes">Final positions left out as outcomes because no run moved them: they equal their sampled input or seeded value.</param>
public sealed record SensitivityTest(int Runs, int Pairs, double FalseDiscoveryRate, double NoiseBand, int Significant, int UnmovedOutcomes)
{
    /// <summary>Fewer runs than this and the report warns that only strong associations can show.</summary>
    public const int SmallSample = 30;

    public bool IsSmall => Runs < SmallSample;
}
