namespace Summits.Cli.Bench;

/// <summary>One measured number of a figure, with its unit and, where the project sets one, its target.</summary>
/// <param name="Figure">The figure it belongs to, such as <c>2</c> or <c>ktab-40</c>.</param>
/// <param name="Name">What was measured, in words.</param>
/// <param name="Target">The target in words, such as <c>&gt;= 100000</c>; null for a raw number beside a ratio.</param>
/// <param name="Met">Whether the target was met; null where there is none.</param>
/// <param name="Detail">How it was measured: sizes, counts, the numbers a ratio was made from.</param>
public sealed record BenchResult(string Figure, string Name, double Value, string Unit, string? Target = null, bool? Met = null, string Detail = "");
