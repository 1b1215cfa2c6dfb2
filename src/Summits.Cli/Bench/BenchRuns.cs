using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Summits.Grains;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Bench;

/// <summary>A scenario run in the silo's grains, timed in its parts: seeding the world, and running it.</summary>
public static class BenchRuns
{
    /// <summary>What one timed run took and produced.</summary>
    public sealed record Timed(TimeSpan Seeding, TimeSpan Running, ImmutableArray<TimelineEvent> Timeline)
    {
        public int Rounds => Timeline.Count(e => e.Kind == EventKind.Round);

        public bool Converged => Timeline.Any(e => e.Kind == EventKind.Converged);

        /// <summary>What the collector did, in the whole process, while the run ran (not while it was seeded or retired).</summary>
        public Collecting Collector { get; init; }
    }

    /// <summary>
    /// What the garbage collector did in the whole process over some stretch of time: how many collections it made (each
    /// collection, of any generation, counts as one of gen 0), how long it held the program's threads for them, and how
    /// many bytes the program allocated (<see cref="GC.GetTotalAllocatedBytes"/>, to within an allocation context's
    /// few kilobytes a thread).
    /// </summary>
    public readonly record struct Collecting(int Collections, TimeSpan Paused, long Allocated)
    {
        /// <summary>The process's counts so far; <see cref="Since"/> gives what happened after.</summary>
        public static Collecting Now() => new(GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

        /// <summary>What the collector did between <paramref name="before"/> (taken by <see cref="Now"/>) and now.</summary>
        public static Collecting Since(Collecting before)
        {
            var now = Now();
            return new(now.Collections - before.Collections, now.Paused - before.Paused, now.Allocated - before.Allocated);
        }
    }

    /// <summary>How every call of a bench run is asked: again after a timeout, the bench silo's (<see cref="Hosting.EmbeddedSilo.Asking"/>, set when it starts).</summary>
    public static GrainAsking Asking { get; set; } = GrainAsking.Default;

    /// <summary>Starts <paramref name="scenario"/> on a seeded world, asked again after a timeout.</summary>
    public static Task StartAsync(IWorldGrain world, Scenario scenario) =>
        Asking.AskAsync("the start", world.GetPrimaryKeyString(), () => world.Start(scenario));

    /// <summary>Seeds a fresh copy of the scenario's world and starts the scenario on it.</summary>
    public static async Task<IWorldGrain> SeedAsync(IGrainFactory grains, LoadedScenario loaded, string worldId)
    {
        var world = grains.GetGrain<IWorldGrain>(worldId);
        await Asking.AskAsync("seeding", worldId, () => world.Seed(loaded.World with { Id = worldId }));
        return world;
    }

    /// <summary>Advances a started world until its scenario has finished, as a client does (<see cref="ScenarioRun.AdvanceToEndAsync"/>), and returns every event.</summary>
    public static async Task<ImmutableArray<TimelineEvent>> RunToEndAsync(IWorldGrain world) =>
        (await ScenarioRun.AdvanceToEndAsync(world, Asking)).Events;

    /// <summary>
    /// Seeds, then starts and runs to the end, the second part being the run's time; then, untimed, retires the world, as
    /// a finished world is retired: what it stored would otherwise stay in the silo's memory for the rest of the bench,
    /// and the collector's work over it would fall on the figures measured after it.
    /// </summary>
    public static async Task<Timed> InGrainsAsync(BenchContext context, LoadedScenario loaded, string prefix)
    {
        var clock = Stopwatch.StartNew();
        var world = await SeedAsync(context.Grains, loaded, context.NewWorldId(prefix));
        var seeding = clock.Elapsed;
        var collecting = Collecting.Now();
        clock.Restart();
        await StartAsync(world, loaded.Scenario);
        var timeline = await RunToEndAsync(world);
        var running = clock.Elapsed;
        var collector = Collecting.Since(collecting);
        await Asking.AskAsync("the retire", world.GetPrimaryKeyString(), () => world.Retire());
        return new Timed(seeding, running, timeline) { Collector = collector };
    }

    /// <summary>
    /// Collects the whole heap, compacting it, with finalizers run between two collections and after them: done untimed
    /// before a timed run, so that the garbage of what ran before it (another run, another figure, another silo) is no
    /// run's cost. The last wait matters too: after a full collection the runtime's finalizer thread trims the shared
    /// array pools, work that would otherwise share the two cores with the timed run.
    /// </summary>
    public static void CollectGarbage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>
    /// Runs <paramref name="run"/> <paramref name="repeats"/> times, one after another, each on a heap collected untimed
    /// just before it (<see cref="CollectGarbage"/>), and returns what each run gave, in the order run: an array of
    /// <paramref name="repeats"/> values, empty for 0. Each run times itself (a <see cref="TimeSpan"/>, milliseconds, or a
    /// <see cref="Timed"/>), so that its untimed parts, such as seeding a world before or retiring it after, stay out of its time.
    /// </summary>
    public static async Task<T[]> RepeatedAsync<T>(int repeats, Func<Task<T>> run)
    {
        var results = new T[repeats];
        for (var i = 0; i < repeats; i++)
        {
            CollectGarbage();
            results[i] = await run();
        }
        return results;
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count); at least one value.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// The spread of <paramref name="ratios"/> as a figure's detail gives it: "from MIN to MAX, middle half P25 to P75",
    /// each written in <paramref name="format"/>, the middle half bounded by the 25th and 75th percentiles by nearest rank
    /// (<see cref="Analysis.RunAnalysis.Percentile"/>, as the classroom's push latency takes its percentiles).
    /// </summary>
    /// <param name="ratios">At least one value.</param>
    /// <param name="format">A .NET numeric format, as "0.00".</param>
    public static string Spread(double[] ratios, string format)
    {
        string Written(double? value) => (value ?? double.NaN).ToString(format, CultureInfo.InvariantCulture);
        return $"from {Written(ratios.Min())} to {Written(ratios.Max())}, middle half {Written(Analysis.RunAnalysis.Percentile(ratios, 25))} to {Written(Analysis.RunAnalysis.Percentile(ratios, 75))}";
    }

    /// <summary>The values in their order, comma-separated, each written in <paramref name="format"/> (a .NET numeric format).</summary>
    public static string Listed(IEnumerable<double> values, string format) =>
        string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>
    /// What each of <paramref name="spans"/> (one per run or repetition, <paramref name="each"/> naming it) allocated, the
    /// collections it took and the time they held the program's threads, as medians over them:
    /// "a run allocated a median 21.9 MB; collections a run: median 1 (1, 1, …), pausing the program a median 9.5 ms".
    /// </summary>
    public static string Collected(IEnumerable<Collecting> spans, string each)
    {
        var all = spans.ToArray();
        var collections = all.Select(c => (double)c.Collections).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"a {each} allocated a median {Median(all.Select(c => c.Allocated / 1e6)):0.0} MB; collections a {each}: median {Median(collections):0.#} ({Listed(collections, "0")}), pausing the program a median {Median(all.Select(c => c.Paused.TotalMilliseconds)):0.0} ms");
    }
}
