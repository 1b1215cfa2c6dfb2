using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One point of a bargaining problem: terms on each of its topics and the utility each party draws from them.</summary>
/// <param name="Terms">A value on the 0–100 scale for each topic of the problem.</param>
/// <param name="Utilities">The utility of each party, in the order of the problem's parties.</param>
[GenerateSerializer, Immutable, Alias("summits.outcome")]
public sealed record Outcome([Id(0)] ImmutableSortedDictionary<string, double> Terms, [Id(1)] ImmutableArray<double> Utilities);
