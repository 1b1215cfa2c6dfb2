using System.Collections.Immutable;

namespace Summits.Cli.Bench;

/// <summary>Every figure <c>summits bench</c> measures, in the order it measures them; later figures read earlier ones.</summary>
public static class BenchFigures
{
    public static ImmutableArray<BenchFigure> All { get; } =
    [
        // First, while the heap holds nothing but the silo: later figures leave garbage that a collection would count against it.
        new(WorldMemory.Figure, "memory per active world", WorldMemory.MeasureAsync),
        new(GrainCallRate.Figure, "plain grain-call rate of this silo: the ceiling", GrainCallRate.MeasureAsync),
        new(AdvanceCalls.Figure, "the calls an advance makes beside trivial ones, grain to grain, one after another and 20 at once", AdvanceCalls.MeasureAsync),
        new(ProposalPipeline.Figure, "proposals through the whole pipeline, many worlds at once", ProposalPipeline.MeasureAsync, GrainCallRate.Figure),
        new(ProposalPipeline.LocalFigure, "the same proposals through the pure model", ProposalPipeline.MeasureLocalAsync, ProposalPipeline.Figure) { PureModel = true },
        new(ProcessRun.Figure, "the summit baseline from process start to exit", ProcessRun.MeasureAsync),
        new(ConvergenceRuns.SoeFigure, "the SOE KTAB tables bargaining to convergence", async c => [.. await ConvergenceRuns.MeasureSoeAsync(c), .. await ProcessRun.MeasureKtabAsync(c)]),
        new(ConvergenceRuns.FortyFigure, "KTAB's 40-actor table to convergence", ConvergenceRuns.MeasureFortyAsync),
        new(ConvergenceRuns.BigFigure, "a 160-actor table to convergence", ConvergenceRuns.MeasureBigAsync),
        new(WhatIfRuns.Figure, "the Monte Carlo what-if study, in grains and in the pure model", WhatIfRuns.MeasureAsync),
        // Its child runs take the spatial model, which runs in the child's own process (--engine local, the default).
        new(SmpRuns.Figure, "KTAB's spatial model: its tables against smpc, and growth with actors and dimensions", SmpRuns.MeasureAsync) { PureModel = true },
        new(SyntheticRounds.Figure, "200 actors x 50 topics, 10 rounds", SyntheticRounds.MeasureAsync),
        new(ClassroomPushes.Figure, "the classroom's push latency: 60 teams at 30 tables proposing for a minute", ClassroomPushes.MeasureAsync),
        new(TelemetryOverhead.Figure, "telemetry off, metrics only, full tracing", TelemetryOverhead.MeasureAsync),
    ];

    /// <summary>
    /// Every figure in the order a reader looks one up: the numbered ones by number (the numbers
    /// docs/performance.md uses), then the named ones in the order they are measured.
    /// </summary>
    public static ImmutableArray<BenchFigure> Listed { get; } =
    [
        .. All.Where(f => Number(f.Id) is not null).OrderBy(f => Number(f.Id)),
        .. All.Where(f => Number(f.Id) is null),
    ];

    private static int? Number(string id) =>
        int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The figures named, with the ones they read, in the order of <see cref="All"/>; every figure when none is named.</summary>
    public static ImmutableArray<BenchFigure> Select(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
            return All;
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        foreach (var figure in All.Reverse())
        {
            if (wanted.Contains(figure.Id))
                wanted.UnionWith(figure.Needs);
        }
        return [.. All.Where(f => wanted.Contains(f.Id))];
    }
}
