namespace Summits.Scenarios;

/// <summary>A topic's chance of ending a run with an agreement in force, and with one made during the run.</summary>
public sealed record AgreementOdds(string Topic, Proportion InForce, Proportion Made);
