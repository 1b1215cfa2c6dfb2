using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one topic's table in one world.</summary>
[GrainType("topic")]
public sealed class TopicGrain(
    [PersistentState("topic", StorageNames.Summits)] IPersistentState<Table> state) : Grain, ITopicGrain
{
    private bool _dirty;

    private string World => GrainKeys.Split(this.GetPrimaryKeyString()).World;

    private Table Table => state.State.IsSeeded
        ? state.State
        : throw new InvalidOperationException($"topic {this.GetPrimaryKeyString()} has not been seeded");

    public async Task Seed(Topic topic, ImmutableArray<string> participants, ImmutableArray<Agreement> agreements)
    {
        state.State.Seed(topic, participants, agreements);
        await state.WriteStateAsync();
    }

    public Task<TopicTable> Get() => Task.FromResult(Table.Get());

    public async Task<ImmutableArray<Position>> Positions()
    {
        var topic = Table.Topic.Id;
        var asks = Table.Participants
            .Select(actor => GrainFactory.GetGrain<ICountryGrain>(GrainKeys.Of(World, actor)).PositionOn(topic));
        var positions = await Task.WhenAll(asks);
        return [.. positions.OfType<Position>()];
    }

    public Task<ImmutableArray<CommitmentChange>> History() => Task.FromResult<ImmutableArray<CommitmentChange>>([.. Table.History]);

    public Task<bool> Record(Agreement agreement)
    {
        var recorded = Table.Record(agreement);
        _dirty |= recorded;
        return Task.FromResult(recorded);
    }

    public Task<ImmutableArray<CommitmentChange>> Apply(ImmutableArray<CommitmentChange> changes)
    {
        var applied = Table.Apply(changes);
        _dirty |= !applied.IsEmpty;
        return Task.FromResult(applied);
    }

    public Task Join(string actor)
    {
        Table.Join(actor);
        _dirty = true;
        return Task.CompletedTask;
    }

    public async Task Commit()
    {
        if (!_dirty)
            return;
        await state.WriteStateAsync();
        _dirty = false;
    }

    public async Task Retire()
    {
        await state.ClearStateAsync();
        _dirty = false;
        this.DeactivateOnIdle();
    }
}
