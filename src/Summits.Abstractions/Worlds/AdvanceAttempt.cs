namespace Summits.Grains;

/// <summary>
/// One attempt at one advance of a world's run: <see cref="Advance"/> counts the world's completed advances
/// (0 for the first), and <see cref="Attempt"/> tells a retry of the same advance from the first try.
/// Every call the world grain makes to a country or a topic during an advance carries it.
/// </summary>
[GenerateSerializer, Immutable, Alias("summits.advance-attempt")]
public sealed record AdvanceAttempt([Id(0)] int Advance, [Id(1)] Guid Attempt);
