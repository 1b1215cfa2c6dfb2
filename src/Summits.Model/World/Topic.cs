using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A negotiation topic with its scale and the topics it is linked to.</summary>
/// <param name="Ktab">For a topic imported from a KTAB table, its columns' headers there; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("summits.topic")]
public sealed record Topic([Id(0)] string Id, [Id(1)] string Title, [Id(2)] ScaleAnchors Scale, [Id(3)] ImmutableArray<string> Related, [Id(4)] KtabColumns? Ktab = null);
