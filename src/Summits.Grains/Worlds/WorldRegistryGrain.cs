using System.Collections.Immutable;

namespace Summits.Grains;

/// <summary>The cluster's list of detached worlds, kept in storage: one grain, so that listing them reads one state.</summary>
[GrainType("world-registry")]
public sealed class WorldRegistryGrain(
    [PersistentState("registry", StorageNames.Summits)] IPersistentState<WorldRegistryState> state) : Grain, IWorldRegistryGrain
{
    public async Task Add(ListedWorld world)
    {
        if (state.State.Worlds.Any(w => w.World == world.World))
            return;
        state.State.Worlds.Add(world);
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<ListedWorld>> List() => Task.FromResult(state.State.Worlds.ToImmutableArray());

    public Task<ListedWorld?> Find(string world) => Task.FromResult(state.State.Worlds.FirstOrDefault(w => w.World == world));

    public async Task<bool> Failed(string world, int advance, int step, string reason)
    {
        var i = state.State.Worlds.FindIndex(w => w.World == world);
        if (i < 0)
            return true;
        // Tries are counted per advance: a later advance that fails starts its count again.
        var tries = state.State.Tries.TryGetValue(world, out var counted) && counted.Advance == advance ? counted.Tries + 1 : 1;
        state.State.Tries[world] = new FailedTries(advance, tries);
        var failed = tries >= IWorldRegistryGrain.Tries;
        if (failed)
        {
            state.State.Worlds[i] = state.State.Worlds[i] with { Failure = new DriveFailure(advance, step, reason) };
            state.State.Tries.Remove(world);
        }
        await state.WriteStateAsync();
        return failed;
    }

    public async Task<bool> Remove(string world)
    {
        var removed = state.State.Worlds.RemoveAll(w => w.World == world) > 0;
        state.State.Tries.Remove(world);
        if (removed)
            await state.WriteStateAsync();
        return removed;
    }
}

/// <summary>The stored list of detached worlds, and the failed tries counted for the advance each is at.</summary>
[GenerateSerializer, Alias("summits.world-registry-state")]
public sealed class WorldRegistryState
{
    /// <summary>Every detached world, in the order they were added.</summary>
    [Id(0)] public List<ListedWorld> Worlds { get; init; } = [];

    /// <summary>The failed tries of the advance a world's driver is trying, by world key.</summary>
    [Id(1)] public Dictionary<string, FailedTries> Tries { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>How many tries of advance <paramref name="Advance"/> have failed.</summary>
[GenerateSerializer, Immutable, Alias("summits.failed-tries")]
public sealed record FailedTries([Id(0)] int Advance, [Id(1)] int Tries);
