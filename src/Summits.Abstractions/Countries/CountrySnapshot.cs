using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>A country as it stands: the actor and its positions, in topic order.</summary>
[GenerateSerializer, Immutable, Alias("summits.country-snapshot")]
public sealed record CountrySnapshot([Id(0)] Actor Actor, [Id(1)] ImmutableArray<Position> Positions);
