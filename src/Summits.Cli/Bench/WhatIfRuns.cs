using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Cli.Commands;
using Summits.Cli.Hosting;
using Summits.Model;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figure 7: the Monte Carlo what-if, a study of <see cref="StudiedScenario"/> over <see cref="BenchSizes.WhatIfRuns"/>
/// sampled worlds with the options <c>summits whatif</c> takes by default (the scenario's seed, twice the processor
/// count in flight, each sample kept in memory), in the grains of a silo the figure starts for itself (as <c>summits
/// whatif</c> starts one, with no call counter) and in the pure model, timed in alternated
/// pairs as figure 5 times its runs. The studies' results are discarded; nothing is written.
/// </summary>
public static class WhatIfRuns
{
    /// <summary>The figure's id, as <c>--only</c> names it and docs/performance.md numbers it.</summary>
    public const string Figure = "7";

    /// <summary>The scenario studied, as the project's targets for the what-if name it.</summary>
    public const string StudiedScenario = "scenarios/what-if/us-presses-bilateral-fta.yaml";

    /// <summary>The most seconds a study of 10,000 runs in grains may take on two cores.</summary>
    public const double SecondsTarget = 20;

    /// <summary>The most a study in grains may take against the same study in the pure model: a ratio of times.</summary>
    public const double RatioTarget = 2;

    /// <summary>
    /// The most a <c>summits whatif</c> process's working set may reach, in MiB (1 GiB): the bench process is judged
    /// against it only when figure 7 is the first figure it measures (<see cref="PeakRow"/>).
    /// </summary>
    public const double PeakTargetMiB = 1024;

    /// <summary>
    /// <see cref="BenchSizes.WhatIfWarmups"/> untimed studies of <see cref="BenchSizes.WhatIfWarmupRuns"/> runs in each
    /// engine, grains and pure model in turn, then <see cref="BenchSizes.WhatIfPairs"/> timed pairs of studies of
    /// <see cref="BenchSizes.WhatIfRuns"/> runs, in grains then the pure model and the other way round in every second
    /// pair, each study on a collected heap (<see cref="BenchRuns.CollectGarbage"/>). A study's time is what
    /// <c>summits whatif</c> reports as its "runs in" time: from the first sample drawn to the results aggregated, the
    /// grains' lanes retired. Rows: the grains' median study (target under 20 s), the pure model's, the median of the
    /// pairs' ratios (target at most 2), and the process's peak working set (target under 1 GiB when no figure was
    /// measured before this one, <see cref="PeakRow"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">When a study finished fewer runs than it was asked for.</exception>
    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var loaded = ScenarioFile.Load(InputPath.Resolve(StudiedScenario));
        var sizes = context.Sizes;
        var peakBefore = PeakWorkingSetMiB();
        var measuredBefore = context.Results.Select(r => r.Figure).Distinct(StringComparer.Ordinal).ToArray();
        // A silo of the figure's own, as summits whatif starts one: no call counter on its calls.
        await using var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None, context.Cancellation, command: "summits bench");
        for (var i = 0; i < sizes.WhatIfWarmups; i++)
        {
            await StudyAsync(context, silo, loaded, Engine.Grains, sizes.WhatIfWarmupRuns);
            await StudyAsync(context, silo, loaded, Engine.Local, sizes.WhatIfWarmupRuns);
        }
        var pairs = new Pair[sizes.WhatIfPairs];
        for (var i = 0; i < pairs.Length; i++)
        {
            Study? local = null;
            if (i % 2 == 1)
                local = await StudyAsync(context, silo, loaded, Engine.Local, sizes.WhatIfRuns);
            var grains = await StudyAsync(context, silo, loaded, Engine.Grains, sizes.WhatIfRuns);
            local ??= await StudyAsync(context, silo, loaded, Engine.Local, sizes.WhatIfRuns);
            pairs[i] = new Pair(grains, local);
        }
        var peak = PeakWorkingSetMiB();

        var grainsTimes = pairs.Select(p => p.Grains.Seconds).ToArray();
        var localTimes = pairs.Select(p => p.Local.Seconds).ToArray();
        var ratios = pairs.Select(p => p.Ratio).ToArray();
        var (grainsMedian, localMedian, ratio) = (BenchRuns.Median(grainsTimes), BenchRuns.Median(localTimes), BenchRuns.Median(ratios));
        var runs = sizes.WhatIfRuns;
        var options = Invariant($"{StudiedScenario}, seed {loaded.Scenario.Seed} (the scenario's), {WhatIfCommand.DefaultParallel} runs in flight");
        var alternated = Invariant($"median of {Counted.Of(pairs.Length, "study", "studies")} after {Counted.Of(sizes.WhatIfWarmups, "untimed study", "untimed studies")} of {sizes.WhatIfWarmupRuns:N0} runs in each engine, taken in alternation with the other engine's, each on a collected heap");
        return
        [
            new(Figure, Invariant($"{runs:N0}-run whatif study in grains"), grainsMedian, "s", Invariant($"< {SecondsTarget:0} s"), grainsMedian < SecondsTarget,
                Invariant($"{options}, each sample kept in memory, on a silo of the figure's own with no call counter: {alternated}; studies (s) {BenchRuns.Listed(grainsTimes, "0.000")}, {BenchRuns.Spread(grainsTimes, "0.000")}; {BenchRuns.Collected(pairs.Select(p => p.Grains.Collector), "study")}")),
            new(Figure, Invariant($"{runs:N0}-run whatif study, the pure model"), localMedian, "s",
                Detail: Invariant($"the same study in plain objects (--engine local), in this process; {alternated}; studies (s) {BenchRuns.Listed(localTimes, "0.000")}, {BenchRuns.Spread(localTimes, "0.000")}; {BenchRuns.Collected(pairs.Select(p => p.Local.Collector), "study")}")),
            new(Figure, "whatif study, grains / pure model", ratio, "ratio", Invariant($"<= {RatioTarget:0}"), ratio <= RatioTarget,
                Invariant($"the median of the ratios of {Counted.Of(ratios.Length, "pair")} of studies (grains / pure model, each pair run one after the other, the pure model first in every second pair), {BenchRuns.Spread(ratios, "0.00")}; pairs {BenchRuns.Listed(ratios, "0.00")}; the medians' ratio {grainsMedian:0.000} s / {localMedian:0.000} s = {grainsMedian / localMedian:0.00}")),
            PeakRow(peak, peakBefore, measuredBefore),
        ];
    }

    /// <summary>
    /// The row of the bench process's peak working set, <paramref name="peakMiB"/> MiB, read once figure 7's studies have
    /// run, <paramref name="beforeMiB"/> MiB the peak read as the figure began. The target is a <c>summits whatif</c>
    /// process's, which holds a silo and its study: the bench process holds as much, and the bench silo besides, when
    /// <paramref name="measuredBefore"/> (the ids of the figures this bench measured before figure 7, in their order) is
    /// empty, as under <c>--only 7</c>, and only then is the row judged against under 1 GiB. After other figures the
    /// peak takes in theirs too, so the row has no target and its detail names them.
    /// </summary>
    public static BenchResult PeakRow(double peakMiB, double beforeMiB, IReadOnlyList<string> measuredBefore)
    {
        const string Name = "peak working set of the bench process";
        var before = Invariant($"{beforeMiB:0} MiB before the figure began");
        return measuredBefore.Count == 0
            ? new(Figure, Name, peakMiB, "MiB", "< 1 GiB", peakMiB < PeakTargetMiB,
                Invariant($"the process's peak once figure 7, measured first, had run: its silo and studies, as a summits whatif process holds them, and the bench silo; {before}"))
            : new(Figure, Name, peakMiB, "MiB",
                Detail: Invariant($"not judged against < 1 GiB (bench --only 7 judges it): the process's peak working set once figure 7's studies had run takes in {(measuredBefore.Count == 1 ? "figure" : "figures")} {Listed.And(measuredBefore)}, measured before it, too; {before}"));
    }

    /// <summary>One timed pair of figure 7: a study in grains and one in the pure model, one right after the other.</summary>
    private sealed record Pair(Study Grains, Study Local)
    {
        public double Ratio => Grains.Seconds / Local.Seconds;
    }

    /// <summary>One study: its time in seconds, and what the collector did during it.</summary>
    private sealed record Study(double Seconds, BenchRuns.Collecting Collector);

    /// <summary>
    /// One study of <paramref name="runs"/> sampled worlds in <paramref name="engine"/>, timed, on a heap collected
    /// untimed just before it; its results are discarded. In grains, each sample runs on its lane's world in
    /// <paramref name="silo"/>, the figure's own, kept in memory, and every lane is retired at the study's end, as
    /// <c>summits whatif</c> runs it.
    /// </summary>
    private static async Task<Study> StudyAsync(BenchContext context, EmbeddedSilo silo, LoadedScenario loaded, Engine engine, int runs)
    {
        var options = new StudyOptions(runs, loaded.Scenario.Seed, WhatIfCommand.DefaultParallel, engine);
        BenchRuns.CollectGarbage();
        var collecting = BenchRuns.Collecting.Now();
        var clock = Stopwatch.StartNew();
        var study = engine == Engine.Local
            ? await WhatIfStudy.RunAsync(loaded, options, SampleRuns.Local, cancellation: context.Cancellation)
            : await WhatIfStudy.RunAsync(loaded, options, SampleRuns.InGrains(silo.Grains, silo.Asking), cancellation: context.Cancellation,
                endLane: SampleRuns.EndInGrains(silo.Grains));
        var seconds = clock.Elapsed.TotalSeconds;
        var collector = BenchRuns.Collecting.Since(collecting);
        context.Cancellation.ThrowIfCancellationRequested();
        if (study.Finished != runs)
            throw new InvalidOperationException(Invariant($"figure 7's study in {engine} finished {study.Finished} of its {runs} runs"));
        return new Study(seconds, collector);
    }

    /// <summary>The most memory this process has held in RAM so far (<see cref="Process.PeakWorkingSet64"/>), in MiB.</summary>
    private static double PeakWorkingSetMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024);
    }
}
