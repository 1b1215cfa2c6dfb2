namespace Summits.Scenarios;

/// <summary>One actor's row of a KTAB table: its numbers (positions and saliences on 0–100), and each as written.</summary>
/// <param name="Row">The actor's place among the table's rows, from 1.</param>
/// <param name="Line">The file line the row stands on, from 1.</param>
/// <param name="PowerText">The power's field as written, trimmed (<c>102.543</c>, <c>100.0</c>, <c>1e2</c>), which an export writes back.</param>
/// <param name="PositionTexts">Each position's field as written, trimmed, in dimension order.</param>
/// <param name="SalienceTexts">Each salience's field as written, trimmed, in dimension order.</param>
public sealed record KtabRow(int Row, int Line, string Name, string Description, decimal Power, IReadOnlyList<decimal> Positions, IReadOnlyList<decimal> Saliences,
    string PowerText, IReadOnlyList<string> PositionTexts, IReadOnlyList<string> SalienceTexts);
