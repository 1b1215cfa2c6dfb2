using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A negotiation topic with its scale and the topics it is linked to.</summary>
/// <param name="Ktab">For a topic imported from a KTAB table, its columns' headers there; null otherwise.</param>
[GenerateSerializer, Immutable]
public sealed record Topic(string Id, string Title, ScaleAnchors Scale, ImmutableArray<string> Related, KtabColumns? Ktab = null);
