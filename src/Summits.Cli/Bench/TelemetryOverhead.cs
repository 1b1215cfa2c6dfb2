using System.Collections.Immutable;
using Summits.Cli.Hosting;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figure 8: the proposal pipeline with telemetry off, with metrics only, and with full tracing to a
/// JSONL file, each in a silo of its own started the way <c>summits run</c> starts it. The modes take
/// turns, and each keeps its best time, so that a burst of other work on the machine hits them alike.
/// </summary>
public static class TelemetryOverhead
{
    public const string Figure = "8";

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
        var best = Modes.ToDictionary(m => m.Name, _ => TimeSpan.MaxValue);
        var folder = Directory.CreateTempSubdirectory("summits-bench-");
        try
        {
            for (var round = 0; round < context.Sizes.TelemetryRepeats; round++)
            {
                foreach (var mode in Modes)
                {
                    var file = Path.Combine(folder.FullName, $"{round}-{best.Count}-{mode.Name.Replace(' ', '-')}.jsonl");
                    await using var silo = await EmbeddedSilo.StartAsync(mode.Settings(file), context.Cancellation, command: "summits bench");
                    var own = new BenchContext(context.Sizes, silo, context.Cancellation);
                    await ProposalPipeline.RunAsync(own, 2, 5);
                    var elapsed = await ProposalPipeline.RunAsync(own, worlds, each);
                    if (elapsed < best[mode.Name])
                        best[mode.Name] = elapsed;
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var proposals = worlds * each;
        var off = best["off"];
        var metrics = best["metrics only"];
        var full = best["full tracing to JSONL"];
        string Rate(TimeSpan t) => Invariant($"{proposals / t.TotalSeconds:0} proposals/s ({t.TotalMilliseconds:0} ms)");
        var detail = Invariant($"{worlds} worlds x {each} proposals, best of {context.Sizes.TelemetryRepeats} per mode");
        return
        [
            new(Figure, "telemetry off", proposals / off.TotalSeconds, "proposals/s", Detail: detail),
            new(Figure, "metrics only", proposals / metrics.TotalSeconds, "proposals/s", Detail: detail),
            new(Figure, "full tracing to JSONL", proposals / full.TotalSeconds, "proposals/s", Detail: detail),
            new(Figure, "metrics only / off, time", metrics / off, "ratio", "<= 1.10", metrics / off <= 1.10, $"{Rate(metrics)} against {Rate(off)}"),
            new(Figure, "full tracing / off, time", full / off, "ratio", "<= 2", full / off <= 2, $"{Rate(full)} against {Rate(off)}"),
        ];
    }
}
