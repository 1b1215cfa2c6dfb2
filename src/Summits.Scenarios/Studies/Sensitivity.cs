namespace Summits.Scenarios;

/// <summary>How strongly a sampled input went with an outcome over a study's runs: Spearman's ρ, from −1 to 1.</summary>
public sealed record Sensitivity(string Input, string Outcome, double Rho);
