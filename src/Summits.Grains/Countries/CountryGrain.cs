using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one country's positions in one world.</summary>
public sealed class CountryGrain(
    [PersistentState("country", StorageNames.Summits)] IPersistentState<CountryState> state) : Grain, ICountryGrain
{
    public async Task Seed(Actor actor, ImmutableArray<Position> positions)
    {
        state.State.Actor = actor;
        state.State.Positions.Clear();
        foreach (var position in positions)
            state.State.Positions[position.Topic] = position;
        await state.WriteStateAsync();
    }

    public Task<CountrySnapshot> Get() =>
        Task.FromResult(new CountrySnapshot(Actor, [.. state.State.Positions.Values]));

    public Task<Position?> PositionOn(string topic) =>
        Task.FromResult(state.State.Positions.GetValueOrDefault(topic));

    private Actor Actor => state.State.Actor
        ?? throw new InvalidOperationException($"country {this.GetPrimaryKeyString()} has not been seeded");
}
