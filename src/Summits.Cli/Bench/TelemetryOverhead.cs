using System.Collections.Immutable;
using Summits.Cli.Hosting;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figure 8: the proposal pipeline with telemetry off, with metrics only, and with full tracing to a
/// JSONL file, each in a silo of its own started the way <c>summits run</c> starts it.
/// </summary>
/// <remarks>
/// <para>
/// A repetition of a mode starts its silo, warms it with a small run, then times <see cref="Batches"/> batches of
/// the pipeline back to back (each batch <c>PipelineWorlds / 4</c> worlds of <c>ProposalsPerWorld</c> proposals,
/// seeded and started untimed, figure 2's workload): at full size 8 × 16 × 100 = 12,800 proposals, about 0.4 s on a
/// quiet 2-core machine with telemetry off. A single batch is only about 50 ms there, too short to tell a 10 %
/// difference from a garbage collection or a tier-up falling in one mode's window and not another's.
/// </para>
/// <para>
/// The modes take turns (off, metrics only, full tracing, then again), so a burst of other work on a shared
/// machine falls on them alike, and each mode keeps its fastest repetition: work from elsewhere only ever adds
/// time, so the fastest is the closest to a mode's own cost, and a repetition is long enough to hold that mode's
/// own collections and span exports. Each repetition starts timing on a collected heap, so the garbage the silo
/// before left (the full tracing's spans, for the next round's "off") is not counted against the mode after it.
/// The silos run one at a time because the Summits meter and activity source are static: a second live silo's
/// listeners would make the "off" mode record too. The ratio of each round's repetitions is shown beside the
/// best, as the spread to read the best against.
/// </para>
/// </remarks>
public static class TelemetryOverhead
{
    public const string Figure = "8";

    /// <summary>The batches a repetition times back to back at full size; <c>--quick</c> times one.</summary>
    public const int Batches = 8;

    private sealed record Mode(string Name, Func<string, TelemetrySettings> Settings);

    private static readonly Mode[] Modes =
    [
        new("off", _ => TelemetrySettings.None),
        new("metrics only", file => new TelemetrySettings(JsonlPath: file, MetricsOnly: true)),
        new("full tracing to JSONL", file => new TelemetrySettings(JsonlPath: file)),
    ];

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var worlds = Math.Max(1, context.Sizes.PipelineWorlds / 4);
        var each = context.Sizes.ProposalsPerWorld;
        var batches = context.Sizes == BenchSizes.Quick ? 1 : Batches;
        var times = Modes.ToDictionary(m => m.Name, _ => new List<TimeSpan>());
        var folder = Directory.CreateTempSubdirectory("summits-bench-");
        try
        {
            for (var round = 0; round < context.Sizes.TelemetryRepeats; round++)
            {
                foreach (var mode in Modes)
                {
                    var file = Path.Combine(folder.FullName, $"{round}-{mode.Name.Replace(' ', '-')}.jsonl");
                    await using var silo = await EmbeddedSilo.StartAsync(mode.Settings(file), context.Cancellation, command: "summits bench");
                    var own = new BenchContext(context.Sizes, silo, context.Cancellation);
                    await ProposalPipeline.RunAsync(own, 2, 5);
                    // The silo before this one left its garbage behind: collected here, it is no mode's cost.
                    BenchRuns.CollectGarbage();
                    var elapsed = TimeSpan.Zero;
                    for (var batch = 0; batch < batches; batch++)
                        elapsed += await ProposalPipeline.RunAsync(own, worlds, each);
                    times[mode.Name].Add(elapsed);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var proposals = worlds * each * batches;
        var off = times["off"].Min();
        var metrics = times["metrics only"].Min();
        var full = times["full tracing to JSONL"].Min();
        string Rate(TimeSpan t) => Invariant($"{proposals / t.TotalSeconds:0} proposals/s ({t.TotalMilliseconds:0} ms)");
        string Rounds(string mode) => string.Join(", ", times[mode].Zip(times["off"], (t, o) => Invariant($"{t / o:0.00}")));
        var detail = Invariant($"{batches} batches of {worlds} worlds x {each} proposals timed a repetition, best of {context.Sizes.TelemetryRepeats} per mode");
        return
        [
            new(Figure, "telemetry off", proposals / off.TotalSeconds, "proposals/s", Detail: detail),
            new(Figure, "metrics only", proposals / metrics.TotalSeconds, "proposals/s", Detail: detail),
            new(Figure, "full tracing to JSONL", proposals / full.TotalSeconds, "proposals/s", Detail: detail),
            new(Figure, "metrics only / off, time", metrics / off, "ratio", "<= 1.10", metrics / off <= 1.10,
                $"{Rate(metrics)} against {Rate(off)}; round by round {Rounds("metrics only")}"),
            new(Figure, "full tracing / off, time", full / off, "ratio", "<= 2", full / off <= 2,
                $"{Rate(full)} against {Rate(off)}; round by round {Rounds("full tracing to JSONL")}"),
        ];
    }
}
