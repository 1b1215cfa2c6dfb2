namespace Summits.Scenarios;

/// <summary>
/// How strongly a sampled input went with an outcome over a study's runs, and whether that is more
/// than noise.
/// </summary>
/// <param name="Rho">Spearman's ρ over the runs, from −1 to 1.</param>
/// <param name="P">
/// The two-sided p-value of ρ = 0 (no association), in 0..1: exact up to 9 runs (<see cref="SpearmanNullDistribution"/>), from the
/// t approximation with n − 2 degrees of freedom above.
/// </param>
/// <param name="Q">The p-value adjusted for the number of pairs tested (Benjamini and Hochberg, 1995), in 0..1.</param>
/// <param name="Significant">Q is below the study's false discovery rate: the association is unlikely to be noise.</param>
public sealed record Sensitivity(string Input, string Outcome, double Rho, double P, double Q, bool Significant);
