using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Summits.Grains;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>Runs a loaded scenario to its end, in grains or in the pure model, reporting each advance as it happens.</summary>
public static class ScenarioRun
{
    /// <summary>
    /// Runs in grains: seeds a fresh world under <paramref name="worldKey"/> and lets its world grain drive the steps,
    /// several advances a call (<see cref="AdvanceToEndAsync"/>), handing each call's events to <paramref name="onEvents"/>.
    /// Each call that times out is asked again as <paramref name="asking"/> says (<see cref="GrainAsking.Default"/>
    /// when null): the same step, so the run's events are those of a run in which every call answered at once.
    /// </summary>
    /// <param name="retire">
    /// True for a world nobody reads again (a study's sample): its final state is read in the calls that retire its
    /// countries, topics and pages (<see cref="IWorldGrain.Final"/>), and the caller then retires the world grain itself
    /// (<see cref="IWorldGrain.Retire"/>, which retires nothing more). False to leave the world in place, to be read again.
    /// </param>
    /// <param name="inMemory">
    /// True for a world kept in memory alone (<see cref="InMemoryWorlds"/>): the seeding call carries the mark, which keeps
    /// the world grain and each of its countries and topics in memory as it seeds them, whatever call began their
    /// activations (<see cref="InMemoryWorlds.FollowSeedingAsync{TState}"/>), and no other call does. False (the default) for a
    /// world written to storage at its checkpoints, unless the caller's own flow is marked.
    /// </param>
    /// <exception cref="GrainTimeoutException">When a call did not answer after every try.</exception>
    public static Task<RunResult> InGrainsAsync(IGrainFactory grains, LoadedScenario loaded, WorldKey worldKey,
        Action<ImmutableArray<TimelineEvent>>? onEvents = null, CancellationToken cancellation = default, GrainAsking? asking = null, bool retire = false,
        bool inMemory = false) =>
        InGrainsAsync(grains.GetGrain<IWorldGrain>(worldKey.Value), loaded, onEvents, cancellation, asking, retire, inMemory);

    /// <summary>
    /// Runs in grains as the overload with a grain factory and a world key does, in the world grain
    /// <paramref name="world"/>: for a caller that runs one world after another under the same key (a study's lane) and
    /// keeps the reference rather than making it anew for each run.
    /// </summary>
    /// <exception cref="GrainTimeoutException">When a call did not answer after every try.</exception>
    public static async Task<RunResult> InGrainsAsync(IWorldGrain world, LoadedScenario loaded,
        Action<ImmutableArray<TimelineEvent>>? onEvents = null, CancellationToken cancellation = default, GrainAsking? asking = null, bool retire = false,
        bool inMemory = false)
    {
        ArgumentNullException.ThrowIfNull(world);
        asking ??= GrainAsking.Default;
        var key = world.GetPrimaryKeyString();
        using var span = RunSpan(loaded, key);
        // Seeding fans out to every country and topic grain: one span holds those calls, so a trace viewer can fold them.
        using (SummitsTelemetry.StartSpan(SummitsTelemetry.SeedSpan, key))
        {
            // Seeding decides where each grain of the world keeps its state, so only that call needs the mark.
            using (inMemory ? InMemoryWorlds.Begin() : null)
                await asking.AskAsync("seeding", key, () => world.Seed(loaded.World with { Id = key }, cancellation), cancellation);
            await asking.AskAsync("the start", key, () => world.Start(loaded.Scenario, cancellation), cancellation);
        }
        var (events, last) = await AdvanceToEndAsync(world, asking, onEvents, cancellation);
        var final = await asking.AskAsync("the final state", key, () => retire ? world.Final(cancellation) : world.Snapshot(cancellation), cancellation);
        return new RunResult(loaded, loaded.World, final with { Id = loaded.World.Id }, events, last.Failures);
    }

    /// <summary>
    /// Runs a study's sample in grains in one call (<see cref="IWorldGrain.RunSample"/>) to the world grain
    /// <paramref name="world"/>, a world kept in memory alone: the call carries the <see cref="InMemoryWorlds"/> mark, and
    /// the world grain passes it on to the seeding of its countries and topics alone. A sample whose advances do not end
    /// in that call (more than 1000 of them, or more events than one answer holds) goes on as any run does, call by call
    /// (<see cref="AdvanceToEndAsync"/>), and is read back with <see cref="IWorldGrain.Final"/>. Each call that times out
    /// is asked again as <paramref name="asking"/> says (<see cref="GrainAsking.Default"/> when null).
    /// </summary>
    /// <exception cref="GrainTimeoutException">When a call did not answer after every try.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires.</exception>
    /// <exception cref="InvalidOperationException">When the world grain refuses the sample (it holds another world or run) or an advance fails.</exception>
    public static async Task<RunResult> SampleInGrainsAsync(IWorldGrain world, LoadedScenario loaded, GrainAsking? asking = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        asking ??= GrainAsking.Default;
        var key = world.GetPrimaryKeyString();
        using var span = RunSpan(loaded, key);
        SampleEnd end;
        using (InMemoryWorlds.Begin())
            end = await asking.AskAsync("the sample", key, () => world.RunSample(loaded.World with { Id = key }, loaded.Scenario, cancellation), cancellation);
        var (timeline, last, final) = (end.First.Events, end.First, end.Final);
        if (final is null)
        {
            var (events, rest) = await AdvanceFromAsync(world, asking, end.First.Advances, null, cancellation);
            (timeline, last) = ([.. timeline, .. events], rest);
            final = await asking.AskAsync("the final state", key, () => world.Final(cancellation), cancellation);
        }
        return new RunResult(loaded, loaded.World, final with { Id = loaded.World.Id }, timeline, last.Failures);
    }

    /// <summary>
    /// The most advances one call asks a world to run (<see cref="IWorldGrain.Advance(int, int, CancellationToken)"/>):
    /// 1000, the longest checkpoint interval a world may have, so that a call of a durable world ends at its next
    /// checkpoint whatever its interval. A world kept in memory, which writes no checkpoint before its last advance, runs
    /// up to 1000 a call, and the world ends a call sooner once its events reach a timeline page's worth
    /// (<see cref="IWorldGrain.TimelineMost"/>).
    /// </summary>
    public const int AdvancesACall = 1000;

    /// <summary>
    /// Advances a started <paramref name="world"/> from its first advance to the end of its scenario, several advances a
    /// call (up to <see cref="AdvancesACall"/>), each call asked again as <paramref name="asking"/> says, for the same first
    /// advance, so that a lost answer is answered again and nothing runs twice. Hands each call's events, in order, to
    /// <paramref name="onEvents"/> as they come, and returns every event and the last call's answer (the run finished, its
    /// failed expectations).
    /// </summary>
    /// <exception cref="GrainTimeoutException">When a call did not answer after every try.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires.</exception>
    public static Task<(ImmutableArray<TimelineEvent> Events, Advance Last)> AdvanceToEndAsync(IWorldGrain world, GrainAsking asking,
        Action<ImmutableArray<TimelineEvent>>? onEvents = null, CancellationToken cancellation = default) =>
        AdvanceFromAsync(world, asking, 0, onEvents, cancellation);

    /// <summary>As <see cref="AdvanceToEndAsync"/>, from advance <paramref name="step"/> on (the advances before it run already).</summary>
    private static async Task<(ImmutableArray<TimelineEvent> Events, Advance Last)> AdvanceFromAsync(IWorldGrain world, GrainAsking asking,
        int step, Action<ImmutableArray<TimelineEvent>>? onEvents, CancellationToken cancellation)
    {
        var key = world.GetPrimaryKeyString();
        var events = ImmutableArray.CreateBuilder<TimelineEvent>();
        Advance advance;
        do
        {
            cancellation.ThrowIfCancellationRequested();
            var asked = step;
            advance = await asking.AskAsync(string.Create(CultureInfo.InvariantCulture, $"advance {asked}"), key, () => world.Advance(asked, AdvancesACall, cancellation), cancellation);
            step += advance.Advances;
            events.AddRange(advance.Events);
            onEvents?.Invoke(advance.Events);
        }
        while (!advance.Finished);
        return (events.ToImmutable(), advance);
    }

    /// <summary>
    /// Starts the run in grains and leaves it to its world grain: seeds a fresh world under <paramref name="worldKey"/>,
    /// starts the scenario, lists the world in the cluster's registry of detached worlds (<see cref="IWorldRegistryGrain"/>)
    /// and has the world drive its run itself (<see cref="IWorldGrain.Drive"/>). Every call is asked again as
    /// <paramref name="asking"/> says; each is safe to ask again.
    /// </summary>
    /// <exception cref="GrainTimeoutException">When a call did not answer after every try.</exception>
    public static async Task DetachAsync(IGrainFactory grains, LoadedScenario loaded, WorldKey worldKey, CancellationToken cancellation = default, GrainAsking? asking = null)
    {
        asking ??= GrainAsking.Default;
        var key = worldKey.Value;
        var world = grains.GetGrain<IWorldGrain>(key);
        await asking.AskAsync("seeding", key, () => world.Seed(loaded.World with { Id = key }, cancellation), cancellation);
        await asking.AskAsync("the start", key, () => world.Start(loaded.Scenario, cancellation), cancellation);
        var registry = grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key);
        await asking.AskAsync("the listing", key, () => registry.Add(new ListedWorld(key, loaded.World.Id, loaded.Scenario.Id)), cancellation);
        await asking.AskAsync("the drive", key, world.Drive, cancellation);
    }

    /// <summary>
    /// A detached world's run as far as its last checkpoint, but for its timeline: its start (the world as its grains
    /// hold it, with each position's value when the run began) and the world now, with <paramref name="detached"/>'s
    /// world id, so that a finished run reads as the run a client waited for. <paramref name="progress"/> is the world's
    /// progress read before (so that <see cref="WorldProgress.Events"/> says where a timeline read as of it ends). The
    /// run's <see cref="RunResult.Timeline"/> is empty: a caller reads the timeline in pages
    /// (<see cref="WorldTimeline.PagesAsync"/>), which no single answer could carry for a long run.
    /// </summary>
    public static async Task<RunResult> ReadWithoutTimelineAsync(IGrainFactory grains, ListedWorld detached, WorldProgress progress, CancellationToken cancellation = default)
    {
        var final = await grains.GetGrain<IWorldGrain>(detached.World).Snapshot(cancellation) with { Id = detached.Of };
        var start = final with
        {
            Positions = [.. final.Positions.Select(p => progress.Start.TryGetValue($"{p.Actor}/{p.Topic}", out var value) ? p with { Value = new ScaleValue(value) } : p)],
        };
        var loaded = new LoadedScenario(detached.World, detached.World, progress.Scenario, start);
        return new RunResult(loaded, start, final, [], progress.Failures);
    }

    /// <summary>Runs in plain objects in this process, through the same runner.</summary>
    public static async Task<RunResult> LocallyAsync(LoadedScenario loaded,
        Action<ImmutableArray<TimelineEvent>>? onEvents = null, CancellationToken cancellation = default, ILogger? logger = null)
    {
        using var span = RunSpan(loaded, loaded.World.Id);
        var world = new LocalWorld(loaded.World);
        var state = RunState.Begin(loaded.Scenario, loaded.World);
        var observer = new TelemetryObserver(loaded.World.Id, logger ?? NullLogger.Instance, evaluationSpans: true);
        var runner = new ScenarioRunner(world, state, observer, cancellation);
        var timeline = ImmutableArray.CreateBuilder<TimelineEvent>();
        while (!state.Finished)
        {
            cancellation.ThrowIfCancellationRequested();
            world.BeginAdvance();
            var events = await runner.AdvanceAsync();
            timeline.AddRange(events);
            onEvents?.Invoke(events);
        }
        return new RunResult(loaded, loaded.World, world.Snapshot(), timeline.ToImmutable(), state.Failures);
    }

    /// <summary>The root span of a run, shown as <c>run SCENARIO</c> so that a receiver's trace list names each run by its scenario.</summary>
    private static Activity? RunSpan(LoadedScenario loaded, string world)
    {
        var span = SummitsTelemetry.StartSpan(SummitsTelemetry.RunSpan, world);
        if (span is null)
            return null;
        span.DisplayName = SummitsTelemetry.RunSpanName(loaded.Scenario.Id);
        return span
            .SetTag(SummitsTelemetry.Scenario, loaded.Scenario.Id)
            .SetTag(SummitsTelemetry.Seed, loaded.Scenario.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
