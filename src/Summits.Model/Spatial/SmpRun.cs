using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A whole spatial-model run: the table, every turn from 0, and why it stopped.</summary>
/// <param name="Converged">True when the stopping rule ended the run, false when it reached the most turns allowed.</param>
public sealed record SmpRun(SmpTable Table, SmpParameters Parameters, ImmutableArray<SmpTurn> Turns, bool Converged)
{
    /// <summary>The forecast per dimension after the last turn, 0–100.</summary>
    public ImmutableArray<double> Forecast => Turns[^1].Forecast;

    /// <summary>Turns run after the starting state.</summary>
    public int TurnCount => Turns.Length - 1;
}
