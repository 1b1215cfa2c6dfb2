using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Runs a what-if study: draws N worlds from the scenario's uncertainty, runs the scenario on each
/// (at most <see cref="StudyOptions.Parallel"/> at once), reduces each finished run to its summary
/// and aggregates the summaries in sample order. Cancelling stops starting new runs, abandons the
/// ones in flight and returns the results of those that finished.
/// </summary>
/// <remarks>
/// The samples run in lanes, one per run in flight (<see cref="StudyOptions.Parallel"/>, at most one per sample): each
/// lane is one world (<see cref="Summits.Grains.WorldKey.Lane"/>) that runs a sample, takes the next one not yet taken
/// and runs it in the same world, and is ended once (<see cref="LaneEnd"/>) when no sample is left or the study stops.
/// A sample's result does not depend on its lane: its world and seed are drawn from its index alone.
/// </remarks>
public static class WhatIfStudy
{
    /// <summary>Runs the study of <paramref name="loaded"/>; see the type's summary.</summary>
    /// <param name="onFinished">Told the number of samples finished so far, after each one; called from the lanes at once.</param>
    /// <param name="endLane">Ends each lane after its last sample, whether the study finished, stopped or failed; null to end nothing (the pure model).</param>
    /// <exception cref="Exception">The first failure of a sample (the other lanes stop), or of ending a lane of a study that did not fail otherwise.</exception>
    public static async Task<StudyResult> RunAsync(LoadedScenario loaded, StudyOptions options, SampleRun run,
        Action<int>? onFinished = null, CancellationToken cancellation = default, LaneEnd? endLane = null)
    {
        var sampler = new WorldSampler(loaded.World, loaded.Vary);
        var layout = StudyLayout.Of(loaded, sampler);
        var summaries = new ConcurrentBag<SampleSummary>();
        var finished = 0;
        var taken = -1;
        Exception? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var lanes = Math.Clamp(options.Parallel, 1, Math.Max(1, options.Runs));
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(LaneAsync));
        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
        return StudyResult.Of(loaded, options, layout, [.. summaries]);

        async Task LaneAsync(int lane)
        {
            // Each lane runs on the thread pool from its start, not on the caller's thread until its first wait.
            await Task.Yield();
            var key = Summits.Grains.WorldKey.Lane(loaded.Scenario.Id, options.Seed, lane);
            try
            {
                for (var index = Interlocked.Increment(ref taken); index < options.Runs; index = Interlocked.Increment(ref taken))
                {
                    stop.Token.ThrowIfCancellationRequested();
                    var (scenario, drawn) = Sample(loaded, sampler, options.Seed, index);
                    var result = await run(scenario, key, stop.Token);
                    summaries.Add(SampleSummary.Of(drawn, result, layout));
                    onFinished?.Invoke(Interlocked.Increment(ref finished));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped: by the caller (the finished samples are the result), or by another lane's failure.
            }
            catch (Exception fault)
            {
                Interlocked.CompareExchange(ref failure, fault, null);
                await stop.CancelAsync();
            }
            if (endLane is null)
                return;
            try
            {
                await endLane(key);
            }
            catch (Exception fault)
            {
                // A study that stopped or failed says so, not which lanes could not end after it.
                if (!stop.IsCancellationRequested)
                    Interlocked.CompareExchange(ref failure, fault, null);
            }
        }
    }

    /// <summary>One sample of a study, as the study ran it: its world and its run seed.</summary>
    public static (LoadedScenario Sample, WorldSample Drawn) Sample(LoadedScenario loaded, ulong seed, int index) =>
        Sample(loaded, new WorldSampler(loaded.World, loaded.Vary), seed, index);

    private static (LoadedScenario Sample, WorldSample Drawn) Sample(LoadedScenario loaded, WorldSampler sampler, ulong seed, int index)
    {
        var drawn = sampler.Sample(seed, index);
        return (loaded with { World = drawn.World, Scenario = loaded.Scenario with { Seed = drawn.Seed } }, drawn);
    }
}
