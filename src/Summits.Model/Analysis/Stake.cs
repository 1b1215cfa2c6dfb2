namespace Summits.Model;

/// <summary>What one party has at stake on one topic of a bargaining problem.</summary>
/// <param name="Position">The party's ideal value on the topic's 0–100 scale.</param>
/// <param name="Salience">How much the topic matters to the party, 0..1; 0 makes the party indifferent to it.</param>
/// <param name="Reservation">The utility of no deal on this topic: the worth of the party's BATNA there, the utility of its reservation value (docs/model.md), 0..<paramref name="Salience"/>.</param>
[GenerateSerializer, Immutable, Alias("summits.stake")]
public readonly record struct Stake([Id(0)] double Position, [Id(1)] double Salience, [Id(2)] double Reservation);
