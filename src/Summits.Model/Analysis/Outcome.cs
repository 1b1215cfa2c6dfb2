using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One point of a bargaining problem: terms on each of its topics and the utility each party draws from them.</summary>
/// <param name="Terms">A value on the 0–100 scale for each topic of the problem.</param>
/// <param name="Utilities">The utility of each party, in the order of the problem's parties.</param>
[GenerateSerializer, Immutable]
public sealed record Outcome(ImmutableSortedDictionary<string, double> Terms, ImmutableArray<double> Utilities);
