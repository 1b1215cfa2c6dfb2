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
/// (<see cref="ClassroomLoad.ProposeAsync"/>), then answer the first of each other's proposals
/// (<see cref="ClassroomLoad.AnswerAsync"/>), and the facilitator injects shocks (<see cref="ClassroomLoad.InjectAsync"/>).
/// A push's latency runs from the moment its proposal, answer or shock was sent to the moment the push arrived, at both
/// teams and the facilitator alike; each kind has its own percentiles.
/// </summary>
public static class ClassroomPushes
{
    /// <summary>The figure's name for <c>summits bench --only</c>.</summary>
    public const string Figure = "classroom";

    /// <summary>The exercise every table plays, the shipped one with a shock.</summary>
    public const string Exercise = "scenarios/exercises/north-korea-line.yaml";

    /// <summary>The target: 95 % of pushes arrive within this many milliseconds of their proposal.</summary>
    public const double P95TargetMs = 250;

    /// <summary>How many proposals at each table are answered after the proposing, at most (each table has two a team's proposals).</summary>
    public const int Answers = 4;

    /// <summary>How many shocks the facilitator injects at each table after the answers.</summary>
    public const int Shocks = 2;

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
        var exercise = ExerciseFile.Load(InputPath.Resolve(Exercise));
        var settings = (context.Silo ?? throw new InvalidOperationException("the classroom figure runs grains; the bench started no silo")).Settings;
        await using var server = await ClassroomServer.StartAsync(exercise, port: 0, tables, settings, Console.Error, context.Cancellation);
        await using var load = await ClassroomLoad.StartAsync(server, tables);
        var clock = Stopwatch.StartNew();
        await load.ProposeAsync(each, interval);
        var proposing = clock.Elapsed;
        // Then the answers and the shocks, each of which replays the table's play in its world before it is pushed.
        var answers = Math.Min(Answers, 2 * each);
        await load.AnswerAsync(each, answers, interval);
        await load.InjectAsync(2 * each + 1 + answers, Shocks, interval);
        // Each proposal, answer and shock is pushed to three pages: both teams of its table and the facilitator.
        var expected = (load.Proposals.Count + load.Changes.Count) * 3;
        await load.ArrivedAsync(expected, Drain);

        var sent = load.Proposals.Select(p => (Kind: "proposal", p.Table, p.Version, p.Sent))
            .Concat(load.Changes.Select(c => (c.Kind, c.Table, c.Version, c.Sent)))
            .ToDictionary(c => (c.Table, c.Version), c => (c.Kind, c.Sent));
        var latencies = load.Pushes
            .Where(p => sent.ContainsKey((p.Table, p.Version)))
            .Select(p => (sent[(p.Table, p.Version)].Kind, Ms: Stopwatch.GetElapsedTime(sent[(p.Table, p.Version)].Sent, p.At).TotalMilliseconds))
            .ToLookup(l => l.Kind, l => l.Ms);
        double Percentile(string kind, double percent) => RunAnalysis.Percentile([.. latencies[kind]], percent) ?? double.NaN;
        var arrived = latencies.Sum(l => l.Count());
        var p95 = Percentile("proposal", 95);
        var (answerP95, shockP95) = (Percentile("answer", 95), Percentile("shock", 95));
        int Pushes(string kind) => latencies[kind].Count();
        var detail = Invariant($"{tables} tables, {2 * tables} teams, {each} proposals a team, one every {interval.TotalSeconds:0.#} s, in {proposing.TotalSeconds:0.0} s: {Pushes("proposal")} pushes of {load.Proposals.Count * 3}, {load.Errors.Count} errors");
        return
        [
            new(Figure, "push latency, median", Percentile("proposal", 50), "ms", Detail: detail),
            new(Figure, "push latency, 95th percentile", p95, "ms", Invariant($"< {P95TargetMs:0}"), p95 < P95TargetMs,
                Invariant($"nearest rank over {Pushes("proposal")} pushes, from the proposal's sending to the push's arrival")),
            new(Figure, "push latency, 99th percentile", Percentile("proposal", 99), "ms"),
            new(Figure, "push latency, slowest", Pushes("proposal") == 0 ? double.NaN : latencies["proposal"].Max(), "ms"),
            new(Figure, "answer push latency, median", Percentile("answer", 50), "ms",
                Detail: Invariant($"{answers} answers at each table, each a rejection that replays the play, one every {interval.TotalSeconds / 2:0.#} s at a table: {Pushes("answer")} pushes")),
            new(Figure, "answer push latency, 95th percentile", answerP95, "ms", Invariant($"< {P95TargetMs:0}"), answerP95 < P95TargetMs,
                Invariant($"nearest rank over {Pushes("answer")} pushes, from the answer's sending to the push's arrival")),
            new(Figure, "shock push latency, median", Percentile("shock", 50), "ms",
                Detail: Invariant($"{Shocks} shocks at each table, the exercise's first, injected by the facilitator one every {interval.TotalSeconds / 2:0.#} s at a table: {Pushes("shock")} pushes")),
            new(Figure, "shock push latency, 95th percentile", shockP95, "ms", Invariant($"< {P95TargetMs:0}"), shockP95 < P95TargetMs,
                Invariant($"nearest rank over {Pushes("shock")} pushes, from the shock's sending to the push's arrival")),
            new(Figure, "pushes arrived / sent", arrived / (double)expected, "ratio", "= 1", arrived == expected && load.Errors.Count == 0,
                Invariant($"{arrived} of {expected} (3 pages a change: {load.Proposals.Count} proposals, {load.Changes.Count(c => c.Kind == "answer")} answers, {load.Changes.Count(c => c.Kind == "shock")} shocks); errors: {(load.Errors.Count == 0 ? "none" : string.Join("; ", load.Errors.Take(3)))}")),
        ];
    }
}
