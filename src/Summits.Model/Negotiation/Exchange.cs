namespace Summits.Model;

/// <summary>
/// What an actor has seen of the bargaining on one topic, which the imitative tactics answer: its own last
/// offer, the other side's offer it last answered and the other side's latest. Null where nothing is known yet.
/// </summary>
/// <param name="OwnLast">The actor's own last offer on the topic, or null if it has made none.</param>
/// <param name="OpponentBefore">
/// The other side's offer that the actor's last offer answered, or the other side's stated position when the rounds
/// began if the actor has answered none: what the other side concedes is counted from here, so each of its concessions
/// is answered once.
/// </param>
/// <param name="OpponentLast">The other side's latest offer.</param>
[GenerateSerializer, Immutable, Alias("summits.exchange")]
public sealed record Exchange([Id(0)] double? OwnLast, [Id(1)] double? OpponentBefore, [Id(2)] double? OpponentLast)
{
    public static Exchange None { get; } = new(null, null, null);
}
