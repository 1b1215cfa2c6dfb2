using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A country at the table: who leads it, how strong it is and how it bargains.</summary>
/// <param name="Speaker">The name the source attributes this actor's statements to, or null if it does not speak.</param>
/// <param name="Capability">Relative power to move others, 0..1.</param>
/// <param name="RiskAttitude">The exponent ρ of the utility curve: 1 is risk neutral.</param>
/// <param name="Affinity">Closeness toward each other actor, -1..1.</param>
[GenerateSerializer, Immutable]
public sealed record Actor(
    string Id,
    string Name,
    string Leader,
    string? Speaker,
    double Capability,
    Strategy Strategy,
    double RiskAttitude,
    ImmutableSortedDictionary<string, double> Affinity,
    string Why)
{
    public double AffinityToward(string other) => Affinity.TryGetValue(other, out var a) ? a : 0;
}
