namespace Summits.Model;

/// <summary>What the ends and the middle of a topic's 0–100 scale mean, in words.</summary>
[GenerateSerializer, Immutable, Alias("summits.scale-anchors")]
public sealed record ScaleAnchors([Id(0)] string Low, [Id(1)] string Middle, [Id(2)] string High);
