using System.Collections.Immutable;

namespace Summits.Cli.Bench;

/// <summary>A named measurement of <c>summits bench</c>: adding a figure is adding one of these to <see cref="BenchFigures.All"/>.</summary>
public sealed record BenchFigure(string Id, string Title, Func<BenchContext, Task<ImmutableArray<BenchResult>>> MeasureAsync);
