using Microsoft.Extensions.Logging;
using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Owns a world's metadata and fans seeding and read-back out to its countries and topics.</summary>
[GrainType("world")]
public sealed partial class WorldGrain(
    [PersistentState("world", StorageNames.Summits)] IPersistentState<WorldState> state,
    ILogger<WorldGrain> logger) : Grain, IWorldGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task Seed(World world, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (world.Id != Key)
            throw new ArgumentException($"world '{world.Id}' cannot be seeded into the grain of world '{Key}'");
        if (state.State.Info is not null)
            throw new InvalidOperationException($"world '{Key}' has already been seeded");

        var countries = world.Actors.Select(actor =>
            Country(actor.Id).Seed(actor, [.. world.PositionsOf(actor.Id)], cancellation));
        var topics = world.Topics.Select(topic =>
            Topic(topic.Id).Seed(
                topic,
                [.. world.PositionsOn(topic.Id).Select(p => p.Actor)],
                [.. world.Agreements.Where(a => a.Covers(topic.Id))],
                cancellation));
        await Task.WhenAll(countries.Concat(topics));
        // Country and topic grains seeded before a cancellation are seeded again by the next Seed: only
        // the world's own write makes the world seeded.
        cancellation.ThrowIfCancellationRequested();

        state.State.Info = new WorldInfo(world.Id, world.Title, world.About, world.Source,
            [.. world.Actors.Select(a => a.Id)], [.. world.Topics.Select(t => t.Id)]);
        await WriteOrDeactivateAsync();
    }

    public Task<WorldInfo> Info() => Task.FromResult(Current);

    /// <summary>
    /// State written by an earlier version kept the whole timeline in memory instead of the event count and
    /// the expectations' watches: those are rebuilt from the pages, once, as the world activates.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Run is { Watches: null } run)
            run.Resume(await ReadTimelineAsync(run));
    }

    /// <summary>Reads the run's timeline from its pages, the one place it is kept.</summary>
    private async Task<ImmutableArray<TimelineEvent>> ReadTimelineAsync(RunState run)
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, run.Pages).Select(n => Page(n).Read()));
        return [.. pages.SelectMany(page => page)];
    }

    public async Task Start(Scenario scenario, CancellationToken cancellation = default)
    {
        if (state.State.Run is not null)
            throw new InvalidOperationException($"world '{Key}' is already running scenario '{state.State.Run.Scenario.Id}'");
        var world = await Snapshot(cancellation);
        cancellation.ThrowIfCancellationRequested();
        state.State.Run = RunState.Begin(scenario, world);
        await WriteOrDeactivateAsync();
    }

    /// <summary>Writes the state; if the write fails, this activation ends, so that memory is again what storage holds.</summary>
    private async Task WriteOrDeactivateAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<int> Advances() => Task.FromResult(state.State.Advances);

    public async Task<Advance> Advance(int step, CancellationToken cancellation = default)
    {
        var run = state.State.Run ?? throw new InvalidOperationException($"world '{Key}' has no scenario running");
        if (step == state.State.Advances - 1 && state.State.Last is { } last)
            return last;
        if (step != state.State.Advances)
            throw new ArgumentOutOfRangeException(nameof(step), step,
                $"world '{Key}' has completed {state.State.Advances} advances: the next is {state.State.Advances}");
        cancellation.ThrowIfCancellationRequested();
        var attempt = new AdvanceAttempt(step, Guid.NewGuid());
        var access = new GrainWorldAccess(GrainFactory, Key, attempt, cancellation);
        try
        {
            var events = await new ScenarioRunner(access, run, new TelemetryObserver(Key, logger, evaluationSpans: false), cancellation).AdvanceAsync();
            cancellation.ThrowIfCancellationRequested();
            if (!events.IsEmpty)
            {
                await Page(run.Pages).Write(events);
                run.Pages++;
            }
            await access.CommitAsync();
            var advance = new Advance(events, run.Finished, run.Failures);
            state.State.Advances++;
            state.State.Last = advance;
            await state.WriteStateAsync();
            return advance;
        }
        catch (Exception fault)
        {
            // Storage holds the world as it was before this advance. Memory goes back to it by ending this
            // activation (the next one reads storage) rather than by patching; the grains the attempt
            // changed drop their changes too, and a retry starts each of them from its checkpoint anyway.
            DeactivateOnIdle();
            try
            {
                await access.AbandonAsync();
            }
            catch (Exception abandon)
            {
                LogAbandonFailed(logger, Key, step, abandon);
            }
            LogAdvanceFailed(logger, Key, step, fault);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "World {World}: advance {Step} failed and changed nothing; it may be run again")]
    private static partial void LogAdvanceFailed(ILogger logger, string world, int step, Exception fault);

    [LoggerMessage(Level = LogLevel.Warning, Message = "World {World}: after advance {Step} failed, a grain could not drop its changes in memory; a retry starts it from its checkpoint")]
    private static partial void LogAbandonFailed(ILogger logger, string world, int step, Exception fault);

    public Task<ImmutableArray<TimelineEvent>> Timeline() =>
        state.State.Run is { } run ? ReadTimelineAsync(run) : Task.FromResult(ImmutableArray<TimelineEvent>.Empty);

    public async Task<World> Snapshot(CancellationToken cancellation = default)
    {
        var info = Current;
        cancellation.ThrowIfCancellationRequested();
        var countries = await Task.WhenAll(info.Actors.Select(id => Country(id).AsOf(state.State.Advances, cancellation)));
        cancellation.ThrowIfCancellationRequested();
        var tables = await Task.WhenAll(info.Topics.Select(id => Topic(id).AsOf(state.State.Advances, cancellation)));
        var agreements = tables
            .SelectMany(t => t.Agreements)
            .DistinctBy(a => a.Id)
            .ToImmutableArray();
        var topicOrder = info.Topics.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var positions = countries
            .SelectMany(c => c.Positions)
            .OrderBy(p => topicOrder[p.Topic])
            .ThenBy(p => info.Actors.IndexOf(p.Actor))
            .ToImmutableArray();
        return new World(info.Id, info.Title, info.About, info.Source,
            [.. countries.Select(c => c.Actor)], [.. tables.Select(t => t.Topic)], positions, agreements);
    }

    public async Task Retire()
    {
        if (state.State.Info is { } info)
            await Task.WhenAll(info.Actors.Select(id => Country(id).Retire())
                .Concat(info.Topics.Select(id => Topic(id).Retire()))
                .Concat(Enumerable.Range(0, state.State.Run?.Pages ?? 0).Select(n => Page(n).Retire())));
        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    private WorldInfo Current => state.State.Info
        ?? throw new InvalidOperationException($"world '{Key}' has not been seeded");

    private ICountryGrain Country(string actor) => GrainFactory.GetGrain<ICountryGrain>(GrainKeys.Of(Key, actor));

    private ITimelinePageGrain Page(int n) => GrainFactory.GetGrain<ITimelinePageGrain>(GrainKeys.Of(Key, $"timeline-{n}"));

    private ITopicGrain Topic(string topic) => GrainFactory.GetGrain<ITopicGrain>(GrainKeys.Of(Key, topic));
}
