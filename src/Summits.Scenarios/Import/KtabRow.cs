namespace Summits.Scenarios;

/// <summary>One actor's row of a KTAB table, numbers as written (positions and saliences on 0–100).</summary>
/// <param name="Row">The actor's place among the table's rows, from 1.</param>
/// <param name="Line">The file line the row stands on, from 1.</param>
public sealed record KtabRow(int Row, int Line, string Name, string Description, decimal Power, IReadOnlyList<decimal> Positions, IReadOnlyList<decimal> Saliences);
