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
    /// Figure 2: one untimed batch, then <see cref="BenchSizes.PipelineRepeats"/> timed ones, each on a collected heap
    /// (<see cref="BenchRuns.RepeatedAsync{T}"/>); the rate is a batch's proposals over the median batch's time, and the
    /// calls a proposal are counted over every timed batch, seeding and start included.
    /// </summary>
    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var (worlds, each, repeats) = (context.Sizes.PipelineWorlds, context.Sizes.ProposalsPerWorld, context.Sizes.PipelineRepeats);
        await RunAsync(context, worlds, each);

        var before = context.Calls.Snapshot();
        var times = await BenchRuns.RepeatedAsync(repeats, () => RunAsync(context, worlds, each));
        var after = context.Calls.Snapshot();

        var proposals = worlds * each;
        var elapsed = Median(times);
        var rate = proposals / elapsed.TotalSeconds;
        var (callsPerProposal, breakdown) = PerProposal(before, after, proposals * repeats);
        var ceiling = context.Value(GrainCallRate.Figure, GrainCallRate.Concurrent);
        var allowed = ceiling / callsPerProposal;

        return
        [
            new(Figure, Rate, rate, "proposals/s", Invariant($">= {RateTarget:0}"), rate >= RateTarget,
                Invariant($"{worlds} worlds of 2 actors x 1 topic, {each} proposals each: {proposals} in {elapsed.TotalSeconds:0.000} s, the median of {Batches(times)}")),
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

    public static async Task<ImmutableArray<BenchResult>> MeasureLocalAsync(BenchContext context)
    {
        var (worlds, each, repeats) = (context.Sizes.PipelineWorlds, context.Sizes.ProposalsPerWorld, context.Sizes.PipelineRepeats);
        await RunLocallyAsync(worlds, each);
        var times = await BenchRuns.RepeatedAsync(repeats, () => RunLocallyAsync(worlds, each));
        var elapsed = Median(times);
        var proposals = worlds * each;
        var rate = proposals / elapsed.TotalSeconds;
        var grains = context.Value(Figure, Rate);
        return
        [
            new(LocalFigure, "proposals through the pure model", rate, "proposals/s",
                Detail: Invariant($"the same {worlds} worlds x {each} proposals, in plain objects: {elapsed.TotalSeconds:0.000} s, the median of {Batches(times)}")),
            new(LocalFigure, "pure model / grains", rate / grains, "ratio", Invariant($"<= {PureModelRatioTarget}"), rate / grains <= PureModelRatioTarget,
                Detail: Invariant($"the cost of distribution: {rate:0} / {grains:0} proposals/s")),
        ];
    }

    /// <summary>The middle time of <paramref name="times"/> (the mean of the two middle ones for an even count).</summary>
    private static TimeSpan Median(TimeSpan[] times) => TimeSpan.FromSeconds(BenchRuns.Median(times.Select(t => t.TotalSeconds)));

    /// <summary>The timed batches in words, each batch's seconds in the order run: <c>5 batches (0.271, 0.254, ...)</c>.</summary>
    private static string Batches(TimeSpan[] times) =>
        Invariant($"{Counted.Of(times.Length, "batch", "batches")} ({string.Join(", ", times.Select(t => Invariant($"{t.TotalSeconds:0.000}")))} s)");

    /// <summary>Seeds and starts every world untimed, then times every world advancing to its end at once.</summary>
    public static async Task<TimeSpan> RunAsync(BenchContext context, int worlds, int each)
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
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> RunLocallyAsync(int worlds, int each)
    {
        var scenarios = Enumerable.Range(0, worlds).Select(i => BenchScenarios.Proposals($"local-{i}", each)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(scenarios.Select(loaded => Task.Run(() => ScenarioRun.LocallyAsync(loaded))));
        return clock.Elapsed;
    }
}
