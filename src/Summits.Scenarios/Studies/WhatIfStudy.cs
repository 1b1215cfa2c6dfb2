using System.Collections.Concurrent;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Runs a what-if study: draws N worlds from the scenario's uncertainty, runs the scenario on each
/// (at most <see cref="StudyOptions.Parallel"/> at once), reduces each finished run to its summary
/// and aggregates the summaries in sample order. Cancelling stops starting new runs, abandons the
/// ones in flight and returns the results of those that finished.
/// </summary>
public static class WhatIfStudy
{
    public static async Task<StudyResult> RunAsync(LoadedScenario loaded, StudyOptions options, SampleRun run,
        Action<int>? onFinished = null, CancellationToken cancellation = default)
    {
        var sampler = new WorldSampler(loaded.World, loaded.Vary);
        var layout = StudyLayout.Of(loaded, sampler);
        var summaries = new ConcurrentBag<SampleSummary>();
        var finished = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel), CancellationToken = cancellation };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Runs), parallel, async (index, token) =>
            {
                var (scenario, drawn) = Sample(loaded, sampler, options.Seed, index);
                var result = await run(scenario, Summits.Grains.WorldKey.Sample(loaded.Scenario.Id, options.Seed, index), token);
                summaries.Add(SampleSummary.Of(drawn, result, layout));
                onFinished?.Invoke(Interlocked.Increment(ref finished));
            });
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        return StudyResult.Of(loaded, options, layout, [.. summaries]);
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
