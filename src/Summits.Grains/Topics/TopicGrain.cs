using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one topic's table in one world.</summary>
public sealed class TopicGrain(
    [PersistentState("topic", StorageNames.Summits)] IPersistentState<TopicState> state) : Grain, ITopicGrain
{
    private string World => GrainKeys.Split(this.GetPrimaryKeyString()).World;

    public async Task Seed(Topic topic, ImmutableArray<string> participants, ImmutableArray<Agreement> agreements)
    {
        state.State.Topic = topic;
        state.State.Participants = [.. participants];
        state.State.Agreements = [.. agreements];
        await state.WriteStateAsync();
    }

    public Task<TopicTable> Get() =>
        Task.FromResult(new TopicTable(Topic, [.. state.State.Participants], [.. state.State.Agreements]));

    public async Task<ImmutableArray<Position>> Positions()
    {
        var topic = Topic.Id;
        var asks = state.State.Participants
            .Select(actor => GrainFactory.GetGrain<ICountryGrain>(GrainKeys.Of(World, actor)).PositionOn(topic));
        var positions = await Task.WhenAll(asks);
        return [.. positions.OfType<Position>()];
    }

    private Topic Topic => state.State.Topic
        ?? throw new InvalidOperationException($"topic {this.GetPrimaryKeyString()} has not been seeded");
}
