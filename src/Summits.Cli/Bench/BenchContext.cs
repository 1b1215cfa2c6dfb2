using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Grains.Bench;

namespace Summits.Cli.Bench;

/// <summary>
/// What every figure of one bench run shares: the sizes, one warm silo that counts its calls (none when every figure of
/// the run is <see cref="BenchFigure.PureModel"/>), the command's cancellation, and the results so far.
/// </summary>
public sealed class BenchContext(BenchSizes sizes, EmbeddedSilo? silo, CancellationToken cancellation = default)
{
    private int _worlds;

    public BenchSizes Sizes { get; } = sizes;

    /// <summary>The bench silo; null in a run of pure-model figures alone.</summary>
    public EmbeddedSilo? Silo { get; } = silo;

    private EmbeddedSilo GrainSilo =>
        Silo ?? throw new InvalidOperationException("a figure that runs grains is marked PureModel: this bench started no silo");

    /// <summary>The bench command's token (Ctrl-C), which every silo a figure starts of its own is started with.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public IGrainFactory Grains => GrainSilo.Grains;

    public GrainCallCounter Calls => (GrainCallCounter)GrainSilo.Services.GetService(typeof(GrainCallCounter))!;

    /// <summary>
    /// The proposal pipeline's timed batches, as figure 2 took them in pairs with the pure model's; null until figure 2
    /// has run. Figure 3 reads its own from here.
    /// </summary>
    public ProposalPipeline.Batches? Pipeline { get; set; }

    /// <summary>Every result measured so far, so that a later figure can be read against an earlier one.</summary>
    public List<BenchResult> Results { get; } = [];

    /// <summary>A world id no other world of this run has used.</summary>
    public string NewWorldId(string prefix) =>
        Summits.Grains.WorldKey.Derived("bench", prefix, Interlocked.Increment(ref _worlds).ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

    public double Value(string figure, string name) =>
        Results.First(r => r.Figure == figure && r.Name == name).Value;

    /// <summary>
    /// Starts the silo every in-process figure runs on, with the call counter in it, when some of
    /// <paramref name="figures"/> runs grains: only then are the grain settings read and checked, so a bad one refuses
    /// a bench of grain figures before any figure runs, and does not stop one of pure-model figures.
    /// </summary>
    /// <exception cref="Summits.Hosting.SettingException">When a figure runs grains and a configured setting has a value it cannot take.</exception>
    public static async Task<BenchContext> StartAsync(BenchSizes sizes, IEnumerable<BenchFigure> figures, CancellationToken cancellation)
    {
        if (figures.All(f => f.PureModel))
            return new BenchContext(sizes, null, cancellation);
        var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None, cancellation, silo => GrainCallCounter.AddTo(silo, Summits.Grains.StorageNames.Summits), command: "summits bench");
        BenchRuns.Asking = silo.Asking;
        return new BenchContext(sizes, silo, cancellation);
    }
}
