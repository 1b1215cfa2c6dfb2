using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// What a country's grain is seeded with (<see cref="ICountryGrain.Seed"/>): its actor and its positions, in the world's
/// order.
/// </summary>
/// <param name="Actor">The actor: capability, affinities, strategy and the rest of what the world file gives it.</param>
/// <param name="Positions">The actor's positions, one per topic it holds one on, in the order of the world's positions; empty when it holds none.</param>
[GenerateSerializer, Immutable, Alias("summits.country-seeding")]
public sealed record CountrySeeding([Id(0)] Actor Actor, [Id(1)] ImmutableArray<Position> Positions)
{
    /// <summary>
    /// True when <paramref name="other"/> seeds the same country, as far as a quick look tells: the same actor (the same
    /// object, or an equal record) and the same positions in the same order. Conservative, as
    /// <see cref="TopicSeeding.SeedsSameTableAs"/> is: records equal in content whose lists are different objects are told
    /// apart here, never the other way.
    /// </summary>
    public bool SeedsSameCountryAs(CountrySeeding other) =>
        Actor == other.Actor && Positions.AsSpan().SequenceEqual(other.Positions.AsSpan());

    /// <summary>Seeds <paramref name="delegation"/> with this seeding (<see cref="Delegation.Seed"/>), replacing whatever it held.</summary>
    public void Into(Delegation delegation) => delegation.Seed(Actor, Positions);
}
