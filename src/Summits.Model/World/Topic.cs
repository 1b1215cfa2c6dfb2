using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A negotiation topic with its scale and the topics it is linked to.</summary>
[GenerateSerializer, Immutable]
public sealed record Topic(string Id, string Title, ScaleAnchors Scale, ImmutableArray<string> Related);
