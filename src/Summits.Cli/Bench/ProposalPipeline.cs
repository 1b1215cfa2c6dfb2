using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Grains;
using Summits.Scenarios;

using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figures 2 and 3: single-recipient proposals through the whole pipeline (world grain, topic, proposer,
/// recipient, commit) in many worlds at once, the grain calls each one makes, and the same scenario
/// through the pure model.
/// </summary>
public static class ProposalPipeline
{
    public const string Figure = "2";
    public const string LocalFigure = "3";
    public const string Rate = "proposals through grains";

    /// <summary>The floor set for the pipeline, in single-recipient proposals a second.</summary>
    public const double RateTarget = 100_000;

    /// <summary>The most grain calls a single-recipient proposal may cost, storage calls counted.</summary>
    public const int CallsTarget = 4;

    /// <summary>The most the pure model may outrun the grains on the same proposals: a ratio of rates, 1 or more.</summary>
    public const int PureModelRatioTarget = 2;

    /// <summary>
    /// The pipeline's timed batches, in the order timed: pair i is <c>Grains[i]</c> and <c>Local[i]</c>, the same
    /// proposals in grains and in the pure model.
    /// </summary>
    public sealed record Batches(TimeSpan[] Grains, TimeSpan[] Local);

    /// <summary>
    /// Figure 2: <see cref="BenchSizes.PipelineWarmups"/> untimed pairs of batches, one in grains and one in the pure
    /// model, then <see cref="BenchSizes.PipelineRepeats"/> timed pairs, each pair's order the other way round from the
    /// pair before it and each batch on a collected heap (<see cref="BenchRuns.RepeatedAsync{T}"/>), as figure 5 takes
    /// its runs: both engines warmed alike, and neither timed while the runtime compiles its hot code again. The rate is
    /// a batch's proposals over the median grains batch's time, and the calls a proposal are counted over every timed
    /// batch, seeding and start included; the pure model's batches are kept for figure 3 (<see cref="BenchContext.Pipeline"/>).
    /// Each grains batch's worlds are retired after it, untimed and uncounted, so that none is left active under the
    /// batches and figures after it.
    /// </summary>
    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var (worlds, each, repeats) = (context.Sizes.PipelineWorlds, context.Sizes.ProposalsPerWorld, context.Sizes.PipelineRepeats);
        for (var i = 0; i < context.Sizes.PipelineWarmups; i++)
        {
            await RunThenRetireAsync(context, worlds, each, counted: null);
            await RunLocallyAsync(worlds, each);
        }

        var counted = new Dictionary<string, long>(StringComparer.Ordinal);
        var (times, local) = (new TimeSpan[repeats], new TimeSpan[repeats]);
        for (var i = 0; i < repeats; i++)
        {
            if (i % 2 == 1)
                local[i] = await TimedAsync(() => RunLocallyAsync(worlds, each));
            times[i] = await TimedAsync(() => RunThenRetireAsync(context, worlds, each, counted));
            if (i % 2 == 0)
                local[i] = await TimedAsync(() => RunLocallyAsync(worlds, each));
        }
        context.Pipeline = new Batches(times, local);

        var proposals = worlds * each;
        var elapsed = Median(times);
        var rate = proposals / elapsed.TotalSeconds;
        var (callsPerProposal, breakdown) = PerProposal(new Dictionary<string, long>(), counted, proposals * repeats);
        var ceiling = context.Value(GrainCallRate.Figure, GrainCallRate.Concurrent);
        var allowed = ceiling / callsPerProposal;

        return
        [
            new(Figure, Rate, rate, "proposals/s", Invariant($">= {RateTarget:0}"), rate >= RateTarget,
                Invariant($"{worlds} worlds of 2 actors x 1 topic, {each} proposals each: {proposals} in {elapsed.TotalSeconds:0.000} s, the median of {Listed(times)}, each paired with one of figure 3's, after {Counted.Of(context.Sizes.PipelineWarmups, "untimed pair")}")),
            new(Figure, "grain calls per proposal", callsPerProposal, "calls", Invariant($"<= {CallsTarget}"), callsPerProposal <= CallsTarget,
                Detail: $"counted by an incoming call filter: {breakdown}"),
            new(Figure, "the ceiling's rate for that many calls", allowed, "proposals/s",
                Detail: Invariant($"{ceiling:0} trivial calls/s / {callsPerProposal:0.##} calls")),
            new(Figure, "pipeline / ceiling", rate / allowed, "ratio", ">= 0.5", rate / allowed >= 0.5,
                Invariant($"{rate:0} / {allowed:0}")),
            .. await MeasureCountedAsync(context),
        ];
    }

    /// <summary>
    /// The checkpoint intervals the counted targets are read at: every advance, every 10 and every 100 advances (the
    /// silo's default, <see cref="Grains.CheckpointOptions.DefaultEvery"/>). The workload is the same at each; only how often its world is written differs.
    /// </summary>
    public static readonly ImmutableArray<int> CountedIntervals = [1, 10, 100];

    /// <summary>The most storage writes one grain may take at one checkpoint, all its states together.</summary>
    public const int WritesTarget = 1;

    /// <summary>
    /// The counted targets at each of <see cref="CountedIntervals"/>: one world of the pipeline's workload, seeded,
    /// started at that interval and advanced one proposal at a time with nothing else running, its grain calls counted
    /// (seeding and starting included) and, at each checkpoint, the storage writes of each of its grains since the last.
    /// </summary>
    public static async Task<ImmutableArray<BenchResult>> MeasureCountedAsync(BenchContext context)
    {
        var results = ImmutableArray.CreateBuilder<BenchResult>();
        foreach (var every in CountedIntervals)
        {
            var (calls, breakdown, writes, grain) = await CountAsync(context, context.Sizes.ProposalsPerWorld, every);
            results.Add(new(Figure, Invariant($"grain calls per proposal, checkpoint every {every}"), calls, "calls", Invariant($"<= {CallsTarget}"),
                calls <= CallsTarget, Detail: Invariant($"one world, one proposal at a time: {breakdown}")));
            results.Add(new(Figure, Invariant($"storage writes per grain per checkpoint, checkpoint every {every}"), writes, "writes",
                Invariant($"<= {WritesTarget}"), writes <= WritesTarget,
                Detail: Invariant($"the most any grain of the world took at one checkpoint ({grain})")));
        }
        return results.ToImmutable();
    }

    private static async Task<(double Calls, string Breakdown, long MostWrites, string Grain)> CountAsync(BenchContext context, int each, int every)
    {
        var id = context.NewWorldId("counted");
        var loaded = BenchScenarios.Proposals(id, each);
        var before = context.Calls.Snapshot();
        var world = await BenchRuns.SeedAsync(context.Grains, loaded, id);
        await BenchRuns.Asking.AskAsync("the start", id, () => world.Start(loaded.Scenario, every));
        var written = WritesOf(context, id);
        var (most, grain) = (0L, "none");
        Advance advance;
        var step = 0;
        do
        {
            var asked = step++;
            advance = await BenchRuns.Asking.AskAsync(Invariant($"advance {asked}"), id, () => world.Advance(asked));
            if (step % every != 0 && !advance.Finished)
                continue;
            var now = WritesOf(context, id);
            foreach (var (key, count) in now)
            {
                var since = count - written.GetValueOrDefault(key);
                if (since > most)
                    (most, grain) = (since, key);
            }
            written = now;
        }
        while (!advance.Finished);
        var (calls, breakdown) = PerProposal(before, context.Calls.Snapshot(), step);
        return (calls, breakdown, most, grain);
    }

    /// <summary>
    /// The calls counted between two snapshots of the counter, per proposal, in all and by method (the largest first,
    /// as <c>interface.method calls</c>); the silo's own calls (<see cref="SilosOwn"/>) are not the proposals'.
    /// </summary>
    private static (double Calls, string Breakdown) PerProposal(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, int proposals)
    {
        var byMethod = after.Select(c => (c.Key, Calls: c.Value - before.GetValueOrDefault(c.Key)))
            .Where(c => c.Calls > 0 && !SilosOwn(c.Key))
            .OrderByDescending(c => c.Calls)
            .ToArray();
        var breakdown = string.Join(", ", byMethod.Select(c => Invariant($"{c.Key} {c.Calls / (double)proposals:0.##}")));
        return (byMethod.Sum(c => c.Calls) / (double)proposals, breakdown);
    }

    /// <summary>
    /// True for a call the silo makes of its own whatever runs on it (grain timers, membership): an Orleans interface
    /// other than the grain storage's.
    /// </summary>
    private static bool SilosOwn(string method) =>
        method.StartsWith("Orleans.", StringComparison.Ordinal) && !method.StartsWith("Orleans.Storage.", StringComparison.Ordinal);

    /// <summary>The storage writes counted so far of the grains of world <paramref name="id"/> (keys <c>TYPE/WORLD</c> and <c>TYPE/WORLD/MEMBER</c>).</summary>
    private static Dictionary<string, long> WritesOf(BenchContext context, string id) =>
        context.Calls.WritesByGrain()
            .Where(w => w.Key.EndsWith($"/{id}", StringComparison.Ordinal) || w.Key.Contains($"/{id}/", StringComparison.Ordinal))
            .ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);

    /// <summary>
    /// Figure 3: the pure model's batches that figure 2 timed beside its own, each paired with one in grains; the ratio
    /// is the median of the pairs' ratios (a grains batch's time over its pair's pure-model batch's), so that what the
    /// machine did during one pair weighs on that pair alone.
    /// </summary>
    /// <exception cref="InvalidOperationException">When figure 2 has not run in this bench (it is the figure this one reads).</exception>
    public static Task<ImmutableArray<BenchResult>> MeasureLocalAsync(BenchContext context)
    {
        var (worlds, each) = (context.Sizes.PipelineWorlds, context.Sizes.ProposalsPerWorld);
        var batches = context.Pipeline
            ?? throw new InvalidOperationException("figure 3 is timed with figure 2, in pairs, and figure 2 has not run");
        var elapsed = Median(batches.Local);
        var rate = worlds * each / elapsed.TotalSeconds;
        var ratios = batches.Grains.Zip(batches.Local, (g, l) => g / l).ToArray();
        var ratio = BenchRuns.Median(ratios);
        return Task.FromResult<ImmutableArray<BenchResult>>(
        [
            new(LocalFigure, "proposals through the pure model", rate, "proposals/s",
                Detail: Invariant($"the same {worlds} worlds x {each} proposals, in plain objects: {elapsed.TotalSeconds:0.000} s, the median of {Listed(batches.Local)}, each paired with one of figure 2's")),
            new(LocalFigure, "pure model / grains", ratio, "ratio", Invariant($"<= {PureModelRatioTarget}"), ratio <= PureModelRatioTarget,
                Detail: Invariant($"the median of the ratios of {Counted.Of(ratios.Length, "pair")}, a grains batch's time to its pure-model batch's ({BenchRuns.Listed(ratios, "0.00")}): {BenchRuns.Spread(ratios, "0.00")}")),
        ]);
    }

    /// <summary>Times <paramref name="run"/> once, on a collected heap.</summary>
    private static async Task<TimeSpan> TimedAsync(Func<Task<TimeSpan>> run) => (await BenchRuns.RepeatedAsync(1, run))[0];

    /// <summary>The middle time of <paramref name="times"/> (the mean of the two middle ones for an even count).</summary>
    private static TimeSpan Median(TimeSpan[] times) => TimeSpan.FromSeconds(BenchRuns.Median(times.Select(t => t.TotalSeconds)));

    /// <summary>The timed batches in words, each batch's seconds in the order run: <c>5 batches (0.271, 0.254, ...)</c>.</summary>
    private static string Listed(TimeSpan[] times) =>
        Invariant($"{Counted.Of(times.Length, "batch", "batches")} ({string.Join(", ", times.Select(t => Invariant($"{t.TotalSeconds:0.000}")))} s)");

    /// <summary>Seeds and starts every world untimed, then times every world advancing to its end at once.</summary>
    public static async Task<TimeSpan> RunAsync(BenchContext context, int worlds, int each) =>
        (await RunWorldsAsync(context, worlds, each)).Elapsed;

    /// <summary>
    /// A batch as <see cref="RunAsync"/> runs it, the calls it made added to <paramref name="counted"/> by method (as the
    /// call counter keys them; none when null), and then its worlds retired, neither timed nor counted.
    /// </summary>
    private static async Task<TimeSpan> RunThenRetireAsync(BenchContext context, int worlds, int each, Dictionary<string, long>? counted)
    {
        var before = context.Calls.Snapshot();
        var (elapsed, started) = await RunWorldsAsync(context, worlds, each);
        if (counted is not null)
        {
            foreach (var (method, calls) in context.Calls.Snapshot())
            {
                var made = calls - before.GetValueOrDefault(method);
                if (made != 0)
                    counted[method] = counted.GetValueOrDefault(method) + made;
            }
        }
        await Task.WhenAll(started.Select(world => world.Retire()));
        return elapsed;
    }

    private static async Task<(TimeSpan Elapsed, IWorldGrain[] Worlds)> RunWorldsAsync(BenchContext context, int worlds, int each)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, worlds).Select(async _ =>
        {
            var id = context.NewWorldId("proposals");
            var loaded = BenchScenarios.Proposals(id, each);
            var world = await BenchRuns.SeedAsync(context.Grains, loaded, id);
            await BenchRuns.StartAsync(world, loaded.Scenario);
            return world;
        }));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(started.Select(BenchRuns.RunToEndAsync));
        return (clock.Elapsed, started);
    }

    private static async Task<TimeSpan> RunLocallyAsync(int worlds, int each)
    {
        var scenarios = Enumerable.Range(0, worlds).Select(i => BenchScenarios.Proposals($"local-{i}", each)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(scenarios.Select(loaded => Task.Run(() => ScenarioRun.LocallyAsync(loaded))));
        return clock.Elapsed;
    }
}
