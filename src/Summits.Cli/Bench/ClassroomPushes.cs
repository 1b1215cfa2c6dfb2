using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Classroom;
using Summits.Cli.Analysis;
using Summits.Cli.Commands;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// The classroom figure: how long a table's change takes to reach the pages that watch it, with a full class playing.
/// A classroom of its own, on the bench silo's settings, at 127.0.0.1; both teams of every table and the facilitator
/// connected through the .NET SignalR client as pages connect; the teams take turns proposing
/// (<see cref="ClassroomLoad.ProposeAsync"/>). A push's latency runs from the moment its proposal was sent to the moment
/// the push arrived, at the proposing team, the other team and the facilitator alike.
/// </summary>
public static class ClassroomPushes
{
    /// <summary>The figure's name for <c>summits bench --only</c>.</summary>
    public const string Figure = "classroom";

    /// <summary>The exercise every table plays, the shipped one with a shock.</summary>
    public const string Exercise = "scenarios/exercises/north-korea-line.yaml";

    /// <summary>The target: 95 % of pushes arrive within this many milliseconds of their proposal.</summary>
    public const double P95TargetMs = 250;

    /// <summary>How long the pushes still on their way after the last proposal may take before those missing are counted as lost.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Plays <see cref="BenchSizes.ClassroomTables"/> tables, each team proposing <see cref="BenchSizes.ClassroomProposals"/>
    /// times, once every <see cref="BenchSizes.ClassroomInterval"/>, and gives the pushes' latency in milliseconds (median,
    /// 95th and 99th percentiles by nearest rank, the slowest) and the share of pushes that arrived (1 when all did and
    /// nothing failed).
    /// </summary>
    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var (tables, each, interval) = (context.Sizes.ClassroomTables, context.Sizes.ClassroomProposals, context.Sizes.ClassroomInterval);
        var exercise = ExerciseFile.Load(CommonOptions.Resolve(Exercise));
        var settings = (context.Silo ?? throw new InvalidOperationException("the classroom figure runs grains; the bench started no silo")).Settings;
        await using var server = await ClassroomServer.StartAsync(exercise, port: 0, tables, settings, Console.Error, context.Cancellation);
        await using var load = await ClassroomLoad.StartAsync(server, tables);
        var clock = Stopwatch.StartNew();
        await load.ProposeAsync(each, interval);
        var proposing = clock.Elapsed;
        // Each proposal is pushed to three pages: both teams of its table and the facilitator.
        var expected = load.Proposals.Count * 3;
        await load.ArrivedAsync(expected, Drain);

        var sent = load.Proposals.ToDictionary(p => (p.Table, p.Version), p => p.Sent);
        var latencies = load.Pushes
            .Where(p => sent.ContainsKey((p.Table, p.Version)))
            .Select(p => Stopwatch.GetElapsedTime(sent[(p.Table, p.Version)], p.At).TotalMilliseconds)
            .ToArray();
        double Percentile(double percent) => RunAnalysis.Percentile(latencies, percent) ?? double.NaN;
        var p95 = Percentile(95);
        var detail = Invariant($"{tables} tables, {2 * tables} teams, {each} proposals a team, one every {interval.TotalSeconds:0.#} s, in {proposing.TotalSeconds:0.0} s: {latencies.Length} pushes of {expected}, {load.Errors.Count} errors");
        return
        [
            new(Figure, "push latency, median", Percentile(50), "ms", Detail: detail),
            new(Figure, "push latency, 95th percentile", p95, "ms", Invariant($"< {P95TargetMs:0}"), p95 < P95TargetMs,
                Invariant($"nearest rank over {latencies.Length} pushes, from the proposal's sending to the push's arrival")),
            new(Figure, "push latency, 99th percentile", Percentile(99), "ms"),
            new(Figure, "push latency, slowest", latencies.Length == 0 ? double.NaN : latencies.Max(), "ms"),
            new(Figure, "pushes arrived / sent", latencies.Length / (double)expected, "ratio", "= 1", latencies.Length == expected && load.Errors.Count == 0,
                Invariant($"{latencies.Length} of {expected} (3 pages a proposal, {load.Proposals.Count} proposals); errors: {(load.Errors.Count == 0 ? "none" : string.Join("; ", load.Errors.Take(3)))}")),
        ];
    }
}
