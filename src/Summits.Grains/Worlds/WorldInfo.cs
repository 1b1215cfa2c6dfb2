using System.Collections.Immutable;

namespace Summits.Grains;

/// <summary>A world's metadata: what it is and which countries and topics belong to it.</summary>
[GenerateSerializer, Immutable]
public sealed record WorldInfo(string Id, string Title, string About, string Source, ImmutableArray<string> Actors, ImmutableArray<string> Topics);
