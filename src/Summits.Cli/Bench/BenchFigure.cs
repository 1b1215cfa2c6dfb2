using System.Collections.Immutable;

namespace Summits.Cli.Bench;

/// <summary>A named measurement of <c>summits bench</c>: adding a figure is adding one of these to <see cref="BenchFigures.All"/>.</summary>
/// <param name="Needs">The figures whose results this one reads, which <c>--only</c> runs first.</param>
public sealed record BenchFigure(string Id, string Title, Func<BenchContext, Task<ImmutableArray<BenchResult>>> MeasureAsync, params string[] Needs)
{
    /// <summary>
    /// True for a figure that runs no grains anywhere (not on the bench silo, a silo of its own or a child
    /// <c>summits</c> that starts one): a bench of such figures alone starts no silo, so it neither reads nor checks
    /// the grain settings (<c>Summits:CheckpointEvery</c>, <c>Summits:CallTimeout</c>).
    /// </summary>
    public bool PureModel { get; init; }
}
