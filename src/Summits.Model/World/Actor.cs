using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A country at the table: who leads it, how strong it is and how it bargains.</summary>
/// <param name="Speaker">The name the source attributes this actor's statements to, or null if it does not speak.</param>
/// <param name="Capability">Relative power to move others, 0..1.</param>
/// <param name="Strategy">The bidding tactic on every topic whose position names none of its own.</param>
/// <param name="Curvature">
/// The exponent ρ of the utility curve s·(1 − (d/100)^ρ), 0.1..10: 1 is linear in distance, above 1 tolerant
/// of small departures and averse to large ones, below 1 the reverse. It is a shape, not a risk attitude:
/// no lottery is evaluated with it.
/// </param>
/// <param name="Affinity">Closeness toward each other actor, -1..1.</param>
/// <param name="Acceptance">The acceptance condition on every topic whose position names none of its own.</param>
/// <param name="KtabPower">For an actor imported from one KTAB table, its power there as written (102.543, 100.0), which an export writes back; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("summits.actor")]
public sealed record Actor(
    [Id(0)] string Id,
    [Id(1)] string Name,
    [Id(2)] string Leader,
    [Id(3)] string? Speaker,
    [Id(4)] double Capability,
    [Id(5)] Strategy Strategy,
    [Id(6)] double Curvature,
    [Id(7)] ImmutableSortedDictionary<string, double> Affinity,
    [Id(8)] string Why,
    [Id(9)] AcceptanceCondition Acceptance = AcceptanceCondition.Next,
    [Id(10)] string? KtabPower = null)
{
    public double AffinityToward(string other) => Affinity.TryGetValue(other, out var a) ? a : 0;

    /// <summary>The bidding tactic on a topic: the position's own, or the actor's.</summary>
    public Strategy StrategyOn(Position? position) => position?.Strategy ?? Strategy;

    /// <summary>The acceptance condition on a topic: the position's own, or the actor's.</summary>
    public AcceptanceCondition AcceptanceOn(Position? position) => position?.Acceptance ?? Acceptance;
}
