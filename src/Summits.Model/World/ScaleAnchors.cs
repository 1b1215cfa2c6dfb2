namespace Summits.Model;

/// <summary>What the ends and the middle of a topic's 0–100 scale mean, in words.</summary>
[GenerateSerializer, Immutable]
public sealed record ScaleAnchors(string Low, string Middle, string High);
