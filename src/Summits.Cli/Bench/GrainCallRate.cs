using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Grains;
using Summits.Grains.Bench;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>Figure 1, the ceiling: how many trivial grain calls a second this silo makes, concurrently and one after another.</summary>
public static class GrainCallRate
{
    public const string Figure = "1";
    public const string Concurrent = "trivial grain calls, concurrent";
    public const string Sequential = "trivial grain calls, one after another";

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var inFlight = Environment.ProcessorCount * context.Sizes.CallsInFlightPerCore;
        var grains = Enumerable.Range(0, inFlight).Select(i => context.Grains.GetGrain<IPingGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Ping(0)));
        await CallAsync(grains, context.Sizes.CallDuration / 4);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (calls, elapsed) = await CallAsync(grains, context.Sizes.CallDuration);
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / calls;
        var (oneByOne, oneByOneElapsed) = await CallAsync(grains[..1], context.Sizes.CallDuration);

        return
        [
            new(Figure, Concurrent, calls / elapsed.TotalSeconds, "calls/s",
                Detail: Invariant($"{inFlight} in flight on {grains.Length} grains: {calls} calls in {elapsed.TotalSeconds:0.00} s")),
            new(Figure, Sequential, oneByOne / oneByOneElapsed.TotalSeconds, "calls/s",
                Detail: Invariant($"one caller: {oneByOne} calls in {oneByOneElapsed.TotalSeconds:0.00} s")),
            new(Figure, "CPU per trivial call, concurrent", cpuPerCall, "µs",
                Detail: "process CPU time over the concurrent calls, every core counted"),
        ];
    }

    /// <summary>Keeps one call in flight per grain until the time is up.</summary>
    private static async Task<(long Calls, TimeSpan Elapsed)> CallAsync(IPingGrain[] grains, TimeSpan duration)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(grains.Select(async grain =>
        {
            long mine = 0;
            while (clock.Elapsed < duration)
            {
                await grain.Ping(1);
                mine++;
            }
            Interlocked.Add(ref calls, mine);
        }));
        return (calls, clock.Elapsed);
    }
}
