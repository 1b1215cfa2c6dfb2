using System.Collections.Immutable;
using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figure 8: the proposal pipeline with telemetry off, with metrics only, and with full tracing to a
/// JSONL file, each repetition in a silo of its own started the way <c>summits run</c> starts it.
/// </summary>
/// <remarks>
/// <para>
/// A repetition of a mode starts its silo, warms it with a small run, collects the heap, then times <see cref="Batches"/>
/// batches of the pipeline back to back (each batch <c>PipelineWorlds / 4</c> worlds of <c>ProposalsPerWorld</c>
/// proposals, seeded and started untimed, figure 2's workload): at full size 8 × 16 × 100 = 12,800 proposals, about
/// 0.4 s on a quiet 2-core machine with telemetry off.
/// </para>
/// <para>
/// A round is one repetition of each mode: off, metrics only, full tracing in even rounds and the other way round in
/// odd ones, so that each ratio's two modes run in one order in half the rounds and in the other in the rest, and
/// neither always runs first or right after the other's silo. <see cref="BenchSizes.TelemetryWarmups"/> untimed rounds
/// come first, so that every mode's code is compiled at its full optimisation before any is timed; then
/// <see cref="BenchSizes.TelemetryRounds"/> timed ones. Each ratio is the median of the rounds' ratios (a round's
/// metrics only, or full tracing, over its own "off"), given with its smallest and largest and the middle half (the
/// 25th to 75th percentile by nearest rank), beside every repetition's time.
/// </para>
/// <para>
/// The silos run one at a time because the Summits meter and activity source are static: the OpenTelemetry providers
/// of a live silo listen to them by name in the whole process, so a second silo's "off" would record too. Before it is
/// timed, each repetition checks that the process listens as its mode says (<see cref="Check"/>).
/// </para>
/// </remarks>
public static class TelemetryOverhead
{
    public const string Figure = "8";

    /// <summary>The batches a repetition times back to back at full size; <c>--quick</c> times one.</summary>
    public const int Batches = 8;

    private const string Off = "off";
    private const string Metrics = "metrics only";
    private const string Full = "full tracing to JSONL";

    /// <summary>A mode of telemetry: its name, its settings for a JSONL file, and whether it records metrics and spans.</summary>
    private sealed record Mode(string Name, Func<string, TelemetrySettings> Settings, bool Meters, bool Spans);

    private static readonly Mode[] Modes =
    [
        new(Off, _ => TelemetrySettings.None, Meters: false, Spans: false),
        new(Metrics, file => new TelemetrySettings(JsonlPath: file, MetricsOnly: true), Meters: true, Spans: false),
        new(Full, file => new TelemetrySettings(JsonlPath: file), Meters: true, Spans: true),
    ];

    /// <summary>One timed repetition: the batches' time, and what the collector did during them.</summary>
    private sealed record Repetition(TimeSpan Elapsed, BenchRuns.Collecting Collector);

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var worlds = Math.Max(1, sizes.PipelineWorlds / 4);
        var each = sizes.ProposalsPerWorld;
        var batches = sizes == BenchSizes.Quick ? 1 : Batches;
        var times = Modes.ToDictionary(m => m.Name, _ => new List<Repetition>());
        var folder = Directory.CreateTempSubdirectory("summits-bench-");
        try
        {
            for (var round = 0; round < sizes.TelemetryWarmups + sizes.TelemetryRounds; round++)
            {
                IEnumerable<Mode> order = round % 2 == 0 ? Modes : Enumerable.Reverse(Modes);
                foreach (var mode in order)
                {
                    var file = Path.Combine(folder.FullName, $"{round}-{mode.Name.Replace(' ', '-')}.jsonl");
                    var repetition = await RepeatAsync(context, mode, file, worlds, each, batches);
                    if (round >= sizes.TelemetryWarmups)
                        times[mode.Name].Add(repetition);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var proposals = worlds * each * batches;
        double[] Ms(string mode) => [.. times[mode].Select(r => r.Elapsed.TotalMilliseconds)];
        var (off, metrics, full) = (Ms(Off), Ms(Metrics), Ms(Full));
        double[] Ratios(double[] mode) => [.. mode.Zip(off, (t, o) => t / o)];
        var (metricsRatios, fullRatios) = (Ratios(metrics), Ratios(full));
        double Rate(double[] ms) => proposals / (BenchRuns.Median(ms) / 1000);
        var detail = Invariant($"{batches} batches of {worlds} worlds x {each} proposals a repetition, each in a fresh silo on a collected heap; median of {Counted.Of(off.Length, "round")} after {Counted.Of(sizes.TelemetryWarmups, "untimed round")}, the modes' order reversed every round");
        string Times(string mode, double[] ms) => Invariant($"{mode}: median {BenchRuns.Median(ms):0} ms, repetitions (ms) {BenchRuns.Listed(ms, "0")}; {BenchRuns.Collected(times[mode].Select(r => r.Collector), "repetition")}");
        string Spread(string mode, double[] ratios, double[] ms) =>
            Invariant($"the median of {Counted.Of(ratios.Length, "round")}' ratios ({mode} / off, each round's own), {BenchRuns.Spread(ratios, "0.000")}; rounds {BenchRuns.Listed(ratios, "0.000")}; {Times(mode, ms)}; {Times(Off, off)}");
        var metricsRatio = BenchRuns.Median(metricsRatios);
        var fullRatio = BenchRuns.Median(fullRatios);
        return
        [
            new(Figure, "telemetry off", Rate(off), "proposals/s", Detail: detail),
            new(Figure, "metrics only", Rate(metrics), "proposals/s", Detail: detail),
            new(Figure, "full tracing to JSONL", Rate(full), "proposals/s", Detail: detail),
            new(Figure, "metrics only / off, time", metricsRatio, "ratio", "<= 1.10", metricsRatio <= 1.10, Spread(Metrics, metricsRatios, metrics)),
            new(Figure, "full tracing / off, time", fullRatio, "ratio", "<= 2", fullRatio <= 2, Spread(Full, fullRatios, full)),
        ];
    }

    /// <summary>
    /// One repetition of <paramref name="mode"/>: its own silo, a small untimed run, the heap collected (the silo before
    /// this one left its garbage behind, which is no mode's cost), then <paramref name="batches"/> batches timed.
    /// </summary>
    private static async Task<Repetition> RepeatAsync(BenchContext context, Mode mode, string file, int worlds, int each, int batches)
    {
        await using var silo = await EmbeddedSilo.StartAsync(mode.Settings(file), context.Cancellation, command: "summits bench");
        Check(mode);
        var own = new BenchContext(context.Sizes, silo, context.Cancellation);
        await ProposalPipeline.RunAsync(own, 2, 5);
        BenchRuns.CollectGarbage();
        var collecting = BenchRuns.Collecting.Now();
        var elapsed = TimeSpan.Zero;
        for (var batch = 0; batch < batches; batch++)
            elapsed += await ProposalPipeline.RunAsync(own, worlds, each);
        return new Repetition(elapsed, BenchRuns.Collecting.Since(collecting));
    }

    /// <summary>
    /// Whether anything in the process listens to the Summits meter and activity source as <paramref name="mode"/> says:
    /// in "off", nothing (no silo before it left a provider behind); in metrics only, the meter and not the source.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process listens otherwise: the figure would not measure the mode.</exception>
    private static void Check(Mode mode)
    {
        var (meters, spans) = (SummitsTelemetry.Proposals.Enabled, SummitsTelemetry.Source.HasListeners());
        if (meters != mode.Meters || spans != mode.Spans)
            throw new InvalidOperationException(Invariant($"figure 8's \"{mode.Name}\" silo found the Summits meter {(meters ? "listened to" : "unheard")} and its activity source {(spans ? "listened to" : "unheard")}; the mode needs {(mode.Meters ? "the meter listened to" : "no listener on the meter")} and {(mode.Spans ? "the source listened to" : "no listener on the source")}."));
    }
}
