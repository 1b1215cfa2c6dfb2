using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Grains.Bench;

namespace Summits.Cli.Bench;

/// <summary>What every figure of one bench run shares: the sizes, one warm silo that counts its calls, the command's cancellation, and the results so far.</summary>
public sealed class BenchContext(BenchSizes sizes, EmbeddedSilo silo, CancellationToken cancellation = default)
{
    private int _worlds;

    public BenchSizes Sizes { get; } = sizes;

    public EmbeddedSilo Silo { get; } = silo;

    /// <summary>The bench command's token (Ctrl-C), which every silo a figure starts of its own is started with.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public IGrainFactory Grains => Silo.Grains;

    public GrainCallCounter Calls => (GrainCallCounter)Silo.Services.GetService(typeof(GrainCallCounter))!;

    /// <summary>Every result measured so far, so that a later figure can be read against an earlier one.</summary>
    public List<BenchResult> Results { get; } = [];

    /// <summary>A world id no other world of this run has used.</summary>
    public string NewWorldId(string prefix) =>
        Summits.Grains.WorldKey.Derived("bench", prefix, Interlocked.Increment(ref _worlds).ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

    public double Value(string figure, string name) =>
        Results.First(r => r.Figure == figure && r.Name == name).Value;

    /// <summary>Starts the silo every in-process figure runs on, with the call counter in it.</summary>
    public static async Task<BenchContext> StartAsync(BenchSizes sizes, CancellationToken cancellation)
    {
        var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None, cancellation, silo => GrainCallCounter.AddTo(silo), command: "summits bench");
        BenchRuns.Asking = silo.Asking;
        return new BenchContext(sizes, silo, cancellation);
    }
}
