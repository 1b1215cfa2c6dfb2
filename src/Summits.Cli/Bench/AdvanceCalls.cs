using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Grains;
using Summits.Grains.Bench;
using Summits.Model;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figure 10: a call an advance makes, from a grain to a country grain of a world kept in memory, set beside a trivial
/// call from a grain to a grain, both made one after another as a world grain makes them, by one caller and by four at
/// once (a study's lanes): the time and processor time each call costs.
/// </summary>
public static class AdvanceCalls
{
    public const string Figure = "10";

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var calls = context.Sizes.ChainCalls;
        var world = WorldGenerator.Generate(2, 1, seed: 1, context.NewWorldId("calls"));
        var key = WorldKey.Of(world.Id);
        var actor = world.Actors[0];
        var topic = world.Topics[0].Id;
        var results = ImmutableArray.CreateBuilder<BenchResult>();
        foreach (var callers in (int[])[1, 4])
        {
            var chains = Enumerable.Range(0, callers).Select(i => context.Grains.GetGrain<ICallChainGrain>(callers * 100 + i)).ToArray();
            var pings = Enumerable.Range(0, callers).Select(i => context.Grains.GetGrain<IPingGrain>(10_000 + callers * 100 + i)).ToArray();
            var countries = new ICountryGrain[callers];
            using (InMemoryWorlds.Begin())
                for (var i = 0; i < callers; i++)
                {
                    var country = WorldKey.Derived(key.Value, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    countries[i] = context.Grains.GetGrain<ICountryGrain>(country.Country(actor.Id));
                    await countries[i].Seed(actor, [.. world.PositionsOf(actor.Id)]);
                }
            var attempt = new AdvanceAttempt(0, Guid.NewGuid());
            // Untimed first, so that both kinds run compiled at full optimisation.
            for (var warm = 0; warm < 3; warm++)
            {
                await Task.WhenAll(chains.Select((c, i) => c.Pings(pings[i], calls / 4)));
                await Task.WhenAll(chains.Select((c, i) => c.Reads(countries[i], topic, attempt, calls / 4)));
            }
            var (pingTime, pingCpu) = await TimedAsync(() => Task.WhenAll(chains.Select((c, i) => c.Pings(pings[i], calls))));
            var (readTime, readCpu) = await TimedAsync(() => Task.WhenAll(chains.Select((c, i) => c.Reads(countries[i], topic, attempt, calls))));
            var total = (double)calls * callers;
            var who = callers == 1 ? "one caller" : $"{callers} callers at once";
            results.Add(new(Figure, $"grain to grain, trivial, {who}: time per call", pingTime.TotalMicroseconds / calls, "µs",
                Detail: Invariant($"{calls} calls a caller in {pingTime.TotalSeconds:0.000} s")));
            results.Add(new(Figure, $"grain to grain, trivial, {who}: CPU per call", pingCpu.TotalMicroseconds / total, "µs",
                Detail: "process CPU time over the calls, every core counted"));
            results.Add(new(Figure, $"an advance's read of a country, {who}: time per call", readTime.TotalMicroseconds / calls, "µs",
                Detail: Invariant($"{calls} calls a caller in {readTime.TotalSeconds:0.000} s")));
            results.Add(new(Figure, $"an advance's read of a country, {who}: CPU per call", readCpu.TotalMicroseconds / total, "µs",
                Detail: "process CPU time over the calls, every core counted"));
        }
        return results.ToImmutable();
    }

    private static async Task<(TimeSpan Elapsed, TimeSpan Cpu)> TimedAsync(Func<Task> calls)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await calls();
        return (clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }
}
