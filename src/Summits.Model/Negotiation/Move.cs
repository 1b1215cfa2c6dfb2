namespace Summits.Model;

/// <summary>A position that moved, from what to what, and why.</summary>
[GenerateSerializer, Immutable, Alias("summits.move")]
public sealed record Move([Id(0)] string Actor, [Id(1)] string Topic, [Id(2)] double Before, [Id(3)] double After, [Id(4)] string Cause);
