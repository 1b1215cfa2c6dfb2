using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>A country in one world, keyed <c>{world}/{actor}</c>: it owns its positions.</summary>
public interface ICountryGrain : IGrainWithStringKey
{
    Task Seed(Actor actor, ImmutableArray<Position> positions);

    Task<CountrySnapshot> Get();

    Task<Position?> PositionOn(string topic);
}
