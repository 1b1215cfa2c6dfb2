namespace Summits.Model;

/// <summary>An actor's stated position on a topic, with its uncertainty, its provenance, and how it bargains on the topic.</summary>
/// <param name="Reservation">
/// The reservation value on the 0–100 scale: the worst value the actor accepts rather than no deal. Null
/// means the default: the edge of the actor's window, <see cref="ModelParameters.Window"/>, on the side of the other party.
/// </param>
/// <param name="Strategy">The bidding tactic on this topic when it differs from the actor's own; null for the actor's.</param>
/// <param name="Acceptance">The acceptance condition on this topic when it differs from the actor's own; null for the actor's.</param>
/// <param name="Ktab">For a position imported from a KTAB table whose numbers print differently from the plain values (73.50), the numbers as written; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("summits.position")]
public sealed record Position(
    [Id(0)] string Actor,
    [Id(1)] string Topic,
    [Id(2)] ScaleValue Value,
    [Id(3)] Interval ValueRange,
    [Id(4)] Salience Salience,
    [Id(5)] Interval SalienceRange,
    [Id(6)] Provenance Provenance,
    [Id(7)] double? Reservation = null,
    [Id(8)] Strategy? Strategy = null,
    [Id(9)] AcceptanceCondition? Acceptance = null,
    [Id(10)] KtabNumbers? Ktab = null);
