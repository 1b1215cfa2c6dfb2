using System.Collections.Immutable;

namespace Summits.Cli.Bench;

/// <summary>A named measurement of <c>summits bench</c>: adding a figure is adding one of these to <see cref="BenchFigures.All"/>.</summary>
/// <param name="Needs">The figures whose results this one reads, which <c>--only</c> runs first.</param>
public sealed record BenchFigure(string Id, string Title, Func<BenchContext, Task<ImmutableArray<BenchResult>>> MeasureAsync, params string[] Needs);
