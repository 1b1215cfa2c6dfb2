namespace Summits.Model;

/// <summary>A position that moved, from what to what, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record Move(string Actor, string Topic, double Before, double After, string Cause);
