using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Grains.Bench;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figure 10: the calls an advance makes, from a grain to a country grain of a world kept in memory, set beside trivial
/// calls from a grain to a grain, on a silo of its own with no call filter (the bench silo's call counter would be one
/// more step on every call): by four callers at once (a study's four lanes), each call after the last one's answer, a
/// ping, a country's <c>PositionOn</c> and a copy of its state (<c>StateDuring</c>), and pings sent 20 at once (a sample's
/// seeding and read-back); by one caller, the time a ping and a <c>PositionOn</c> take. Each kind is timed in
/// <see cref="Repeats"/> windows, the kinds' order reversed from one window to the next, and reported as the median
/// window's processor time a call (µs, every core counted, the thread-pool's idle workers looking for work included) or
/// time a call (µs).
/// </summary>
public static class AdvanceCalls
{
    public const string Figure = "10";

    /// <summary>How many timed windows of each kind give its median: odd, so that the median is one window's.</summary>
    public const int Repeats = 5;

    /// <summary>How many grains a caller pings at once in the fanned-out kind: a sample's 20 countries and topics.</summary>
    public const int FanOut = 20;

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        await using var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None, context.Cancellation, command: "summits bench");
        var grains = silo.Grains;
        var calls = context.Sizes.ChainCalls;
        var world = WorldGenerator.Generate(2, 1, seed: 1, context.NewWorldId("calls"));
        var actor = world.Actors[0];
        var topic = world.Topics[0].Id;
        const int lanes = 4;
        var chains = Enumerable.Range(0, lanes).Select(i => grains.GetGrain<ICallChainGrain>(i)).ToArray();
        var pings = Enumerable.Range(0, lanes).Select(i => grains.GetGrain<IPingGrain>(i)).ToArray();
        var fans = Enumerable.Range(0, lanes)
            .Select(lane => Enumerable.Range(0, FanOut).Select(i => grains.GetGrain<IPingGrain>(1_000 + lane * FanOut + i)).ToArray()).ToArray();
        var countries = new ICountryGrain[lanes];
        using (InMemoryWorlds.Begin())
            for (var lane = 0; lane < lanes; lane++)
            {
                var key = WorldKey.Derived(world.Id, lane.ToString(CultureInfo.InvariantCulture));
                countries[lane] = grains.GetGrain<ICountryGrain>(key.Country(actor.Id));
                await countries[lane].Seed(actor, [.. world.PositionsOf(actor.Id)]);
            }
        var attempt = new AdvanceAttempt(0, Guid.NewGuid());

        var kinds = new (string Name, Func<int, Task> Run, int CallsPerUnit)[]
        {
            ("a ping", n => Task.WhenAll(chains.Select((c, i) => c.Pings(pings[i], n))), 1),
            ("a country's PositionOn", n => Task.WhenAll(chains.Select((c, i) => c.Reads(countries[i], topic, attempt, n))), 1),
            ("a copy of a country's state (StateDuring)", n => Task.WhenAll(chains.Select((c, i) => c.Copies(countries[i], attempt, n))), 1),
            ($"pings {FanOut} at once", n => Task.WhenAll(chains.Select((c, i) => c.Fans(fans[i], n / FanOut))), FanOut),
        };
        // Untimed first, so that every kind has had the calls tiered compilation needs before it is timed.
        for (var warm = 0; warm < 3; warm++)
            foreach (var kind in kinds)
                await kind.Run(calls / 4);

        var windows = kinds.Select(_ => new List<Window>()).ToArray();
        for (var repeat = 0; repeat < Repeats; repeat++)
            foreach (var k in repeat % 2 == 0 ? Enumerable.Range(0, kinds.Length) : Enumerable.Range(0, kinds.Length).Reverse())
                windows[k].Add(await TimedAsync(() => kinds[k].Run(calls), lanes * (calls / kinds[k].CallsPerUnit * kinds[k].CallsPerUnit)));

        var results = ImmutableArray.CreateBuilder<BenchResult>();
        for (var k = 0; k < kinds.Length; k++)
            results.Add(new(Figure, $"{kinds[k].Name}, grain to grain, {lanes} callers at once: CPU per call", Median(windows[k], w => w.CpuPerCall), "µs",
                Detail: Described(windows[k], w => w.CpuPerCall)));
        foreach (var (name, one) in new (string, Func<Task>)[]
            {
                ("a ping", () => chains[0].Pings(pings[0], calls)),
                ("a country's PositionOn", () => chains[0].Reads(countries[0], topic, attempt, calls)),
            })
        {
            var timed = new List<Window>();
            for (var repeat = 0; repeat < Repeats; repeat++)
                timed.Add(await TimedAsync(one, calls));
            results.Add(new(Figure, $"{name}, grain to grain, one caller: time per call", Median(timed, w => w.TimePerCall), "µs",
                Detail: Described(timed, w => w.TimePerCall)));
        }
        await Task.WhenAll(countries.Select(c => c.Retire()));
        return results.ToImmutable();
    }

    /// <summary>One timed window: its calls' time and processor time, each a call (µs), and the collections it took.</summary>
    private sealed record Window(double TimePerCall, double CpuPerCall, int Collections);

    private static async Task<Window> TimedAsync(Func<Task> calls, int count)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        await calls();
        var elapsed = clock.Elapsed;
        self.Refresh();
        return new(elapsed.TotalMicroseconds / count, (self.TotalProcessorTime - cpu).TotalMicroseconds / count, GC.CollectionCount(0) - collections);
    }

    private static double Median(List<Window> windows, Func<Window, double> value) =>
        windows.Select(value).Order().ElementAt(windows.Count / 2);

    private static string Described(List<Window> windows, Func<Window, double> value) =>
        Invariant($"median of {windows.Count} windows: {string.Join(", ", windows.Select(w => Invariant($"{value(w):0.00}")))} µs; collections {string.Join(", ", windows.Select(w => w.Collections))}");
}
