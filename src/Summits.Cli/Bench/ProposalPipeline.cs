using System.Collections.Immutable;
using System.Diagnostics;
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

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var (worlds, each) = (context.Sizes.PipelineWorlds, context.Sizes.ProposalsPerWorld);
        await RunAsync(context, 2, 5);

        var before = context.Calls.Snapshot();
        var elapsed = await RunAsync(context, worlds, each);
        var after = context.Calls.Snapshot();

        var proposals = worlds * each;
        var rate = proposals / elapsed.TotalSeconds;
        var byMethod = after.Select(c => (c.Key, Calls: c.Value - before.GetValueOrDefault(c.Key)))
            .Where(c => c.Calls > 0)
            .OrderByDescending(c => c.Calls)
            .ToArray();
        var callsPerProposal = byMethod.Sum(c => c.Calls) / (double)proposals;
        var ceiling = context.Value(GrainCallRate.Figure, GrainCallRate.Concurrent);
        var allowed = ceiling / callsPerProposal;
        var breakdown = string.Join(", ", byMethod.Select(c => Invariant($"{c.Key} {c.Calls / (double)proposals:0.##}")));

        return
        [
            new(Figure, Rate, rate, "proposals/s", Invariant($">= {RateTarget:0}"), rate >= RateTarget,
                Invariant($"{worlds} worlds of 2 actors x 1 topic, {each} proposals each: {proposals} in {elapsed.TotalSeconds:0.00} s")),
            new(Figure, "grain calls per proposal", callsPerProposal, "calls", Invariant($"<= {CallsTarget}"), callsPerProposal <= CallsTarget,
                Detail: $"counted by an incoming call filter: {breakdown}"),
            new(Figure, "the ceiling's rate for that many calls", allowed, "proposals/s",
                Detail: Invariant($"{ceiling:0} trivial calls/s / {callsPerProposal:0.##} calls")),
            new(Figure, "pipeline / ceiling", rate / allowed, "ratio", ">= 0.5", rate / allowed >= 0.5,
                Invariant($"{rate:0} / {allowed:0}")),
        ];
    }

    public static async Task<ImmutableArray<BenchResult>> MeasureLocalAsync(BenchContext context)
    {
        var (worlds, each) = (context.Sizes.PipelineWorlds, context.Sizes.ProposalsPerWorld);
        await RunLocallyAsync(2, 5);
        var elapsed = await RunLocallyAsync(worlds, each);
        var proposals = worlds * each;
        var rate = proposals / elapsed.TotalSeconds;
        var grains = context.Value(Figure, Rate);
        return
        [
            new(LocalFigure, "proposals through the pure model", rate, "proposals/s",
                Detail: Invariant($"the same {worlds} worlds x {each} proposals, in plain objects: {elapsed.TotalSeconds:0.000} s")),
            new(LocalFigure, "pure model / grains", rate / grains, "ratio", Invariant($"<= {PureModelRatioTarget}"), rate / grains <= PureModelRatioTarget,
                Detail: Invariant($"the cost of distribution: {rate:0} / {grains:0} proposals/s")),
        ];
    }

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
