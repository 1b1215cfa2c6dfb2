using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// The state of a spatial-model run after a turn (turn 0 is the table as given): every actor's
/// position, the probability that its position prevails, and the forecast they imply.
/// </summary>
/// <param name="Number">0 for the starting state, then 1, 2, …</param>
/// <param name="Positions">[actor][dimension], 0–100.</param>
/// <param name="WinProbabilities">For each actor, the probability that its position (or one within 0.1 of it) prevails, 0..1; actors sharing a position share it.</param>
/// <param name="Forecast">Per dimension, the positions weighted by the probability that each prevails, 0–100.</param>
/// <param name="RiskAttitudes">Each actor's risk attitude R inferred from its chance of prevailing, -0.5 (averse) to 1 (acceptant).</param>
/// <param name="Bargains">The bargains chosen in the turn that led here; empty for turn 0.</param>
/// <param name="Taken">For each actor, the index in <paramref name="Bargains"/> of the bargain it took in that turn, or −1 when it kept its position.</param>
/// <param name="Shift">How far the turn moved the actors: the sum of their moves' Euclidean lengths on the 0–100 scale.</param>
[GenerateSerializer, Immutable, Alias("summits.smp-turn")]
public sealed record SmpTurn(
    [Id(0)] [property: Id(0)] int Number,
    [Id(1)] [property: Id(1)] ImmutableArray<ImmutableArray<double>> Positions,
    [Id(2)] [property: Id(2)] ImmutableArray<double> WinProbabilities,
    [Id(3)] [property: Id(3)] ImmutableArray<double> Forecast,
    [Id(4)] [property: Id(4)] ImmutableArray<double> RiskAttitudes,
    [Id(5)] [property: Id(5)] ImmutableArray<SmpBargain> Bargains,
    [Id(6)] [property: Id(6)] double Shift,
    [Id(7)] [property: Id(7)] ImmutableArray<int> Taken);
