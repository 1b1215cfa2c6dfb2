namespace Summits.Model;

/// <summary>
/// What an actor has seen of the bargaining on one topic, which the imitative tactics answer: its own last
/// offer, and the other side's offer before its latest and its latest. Null where nothing is known yet.
/// </summary>
/// <param name="OwnLast">The actor's own last offer on the topic, or null if it has made none.</param>
/// <param name="OpponentBefore">The other side's offer before its latest one, or its stated position when the rounds began.</param>
/// <param name="OpponentLast">The other side's latest offer.</param>
[GenerateSerializer, Immutable, Alias("summits.exchange")]
public sealed record Exchange([Id(0)] double? OwnLast, [Id(1)] double? OpponentBefore, [Id(2)] double? OpponentLast)
{
    public static Exchange None { get; } = new(null, null, null);
}
