using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>A country as it stands: the actor and its positions, in topic order.</summary>
[GenerateSerializer, Immutable]
public sealed record CountrySnapshot(Actor Actor, ImmutableArray<Position> Positions);
