using Microsoft.Extensions.Logging;
using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Owns a world's metadata and fans seeding and read-back out to its countries and topics.</summary>
[GrainType("world")]
public sealed class WorldGrain(
    [PersistentState("world", StorageNames.Summits)] IPersistentState<WorldState> state,
    ILogger<WorldGrain> logger) : Grain, IWorldGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task Seed(World world)
    {
        if (world.Id != Key)
            throw new ArgumentException($"world '{world.Id}' cannot be seeded into the grain of world '{Key}'");
        if (state.State.Info is not null)
            throw new InvalidOperationException($"world '{Key}' has already been seeded");

        var countries = world.Actors.Select(actor =>
            Country(actor.Id).Seed(actor, [.. world.PositionsOf(actor.Id)]));
        var topics = world.Topics.Select(topic =>
            Topic(topic.Id).Seed(
                topic,
                [.. world.PositionsOn(topic.Id).Select(p => p.Actor)],
                [.. world.Agreements.Where(a => a.Covers(topic.Id))]));
        await Task.WhenAll(countries.Concat(topics));

        state.State.Info = new WorldInfo(world.Id, world.Title, world.About, world.Source,
            [.. world.Actors.Select(a => a.Id)], [.. world.Topics.Select(t => t.Id)]);
        await state.WriteStateAsync();
    }

    public Task<WorldInfo> Info() => Task.FromResult(Current);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadTimelineAsync();

    /// <summary>Reads the run's timeline back from its pages, which the world's own state does not hold.</summary>
    private async Task LoadTimelineAsync()
    {
        if (state.State.Run is not { Pages: > 0 } run)
            return;
        var pages = await Task.WhenAll(Enumerable.Range(0, run.Pages).Select(n => Page(n).Read()));
        run.Timeline.Clear();
        foreach (var page in pages)
            run.Timeline.AddRange(page);
    }

    public async Task Start(Scenario scenario)
    {
        if (state.State.Run is not null)
            throw new InvalidOperationException($"world '{Key}' is already running scenario '{state.State.Run.Scenario.Id}'");
        var world = await Snapshot();
        state.State.Run = RunState.Begin(scenario, world);
        await state.WriteStateAsync();
    }

    public async Task<Advance> Advance()
    {
        var run = state.State.Run ?? throw new InvalidOperationException($"world '{Key}' has no scenario running");
        var access = new GrainWorldAccess(GrainFactory, Key);
        ImmutableArray<TimelineEvent> events;
        try
        {
            events = await new ScenarioRunner(access, run, new TelemetryObserver(Key, logger, evaluationSpans: false)).AdvanceAsync();
            if (!events.IsEmpty)
            {
                await Page(run.Pages).Write(events);
                run.Pages++;
            }
            await access.CommitAsync();
            await state.WriteStateAsync();
        }
        catch
        {
            // Back to the last checkpoint, so that the advance can be run again from where it began.
            await state.ReadStateAsync();
            await LoadTimelineAsync();
            throw;
        }
        return new Advance(events, run.Finished, run.Failures);
    }

    public Task<ImmutableArray<TimelineEvent>> Timeline() =>
        Task.FromResult<ImmutableArray<TimelineEvent>>([.. state.State.Run?.Timeline ?? []]);

    public async Task<World> Snapshot()
    {
        var info = Current;
        var countries = await Task.WhenAll(info.Actors.Select(id => Country(id).Get()));
        var tables = await Task.WhenAll(info.Topics.Select(id => Topic(id).Get()));
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
