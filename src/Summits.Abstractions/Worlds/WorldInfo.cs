using System.Collections.Immutable;

namespace Summits.Grains;

/// <summary>A world's metadata: what it is and which countries and topics belong to it.</summary>
[GenerateSerializer, Immutable, Alias("summits.world-info")]
public sealed record WorldInfo([Id(0)] string Id, [Id(1)] string Title, [Id(2)] string About, [Id(3)] string Source, [Id(4)] ImmutableArray<string> Actors, [Id(5)] ImmutableArray<string> Topics);
