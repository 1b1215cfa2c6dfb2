using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A commit writes a country or topic once: its checkpoint, holding the state the advance began from and the state
/// it left, in one record. A grain stored by the version that wrote its state and its checkpoint apart reads its
/// state from beside the checkpoint, and carries its run on to the pure model's bytes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OneWriteCommitTests(ClusterFixture fixture)
{
    private static readonly LoadedScenario SixShocks = RetriedRun.Parse(CheckpointScenarios.SixShocks);

    [Fact]
    public async Task A_commit_writes_the_changed_country_once_its_checkpoint_holding_the_state_before_and_after()
    {
        // Advance 0 is the first shock: Japan's FTA position, seeded at 20, goes to 20 + 1 = 21. Japan's commit is one
        // write, of its checkpoint: advance 0, the delegation before it (20) and after it (21). Its state stored on its
        // own is the one seeding wrote (20), and no commit writes it.
        var key = $"one-write-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(SixShocks.World with { Id = key });
        await world.Start(SixShocks.Scenario);
        var japan = GrainId.Create("country", WorldKey.Of(key).Country("JP"));
        var writesBefore = JapanWrites(key, japan);

        await world.Advance(0);

        Assert.Equal(["country-checkpoint"], JapanWrites(key, japan).Skip(writesBefore.Length));
        var checkpoint = await StoredAsync<Checkpoint<Delegation>>("country-checkpoint", japan);
        Assert.Equal(0, checkpoint.Advance);
        Assert.Equal(20, Fta(checkpoint.Before!));
        Assert.Equal(21, Fta(checkpoint.After!));
        Assert.Equal(20, Fta(await StoredAsync<Delegation>("country", japan)));
    }

    [Fact]
    public async Task A_country_stored_with_its_state_beside_a_checkpoint_without_one_reads_that_state_and_runs_on_to_the_clean_bytes()
    {
        // After advances 0 and 1 Japan is at 22. Storage is then made what the earlier version wrote: the state (22) on
        // its own, and a checkpoint of advance 1 holding only the state before it (21). Every grain deactivated, the
        // world reads back Japan at 22 and the run's four other shocks take it to 26, with the pure model's timeline;
        // Japan's next commit puts its state into the checkpoint.
        var key = $"one-write-old-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(SixShocks.World with { Id = key });
        await world.Start(SixShocks.Scenario);
        await world.Advance(0);
        await world.Advance(1);
        var japan = GrainId.Create("country", WorldKey.Of(key).Country("JP"));
        var checkpoint = new GrainState<Checkpoint<Delegation>>(new Checkpoint<Delegation>());
        await fixture.Storage.Inner.ReadStateAsync("country-checkpoint", japan, checkpoint);
        var state = new GrainState<Delegation>(new Delegation());
        await fixture.Storage.Inner.ReadStateAsync("country", japan, state);
        var stored = checkpoint.State!;
        state.State = stored.After!;
        stored.After = null;
        await fixture.Storage.Inner.WriteStateAsync("country", japan, state);
        await fixture.Storage.Inner.WriteStateAsync("country-checkpoint", japan, checkpoint);
        Assert.Equal((1, 21.0, 22.0), (stored.Advance, Fta(stored.Before!), Fta(state.State)));
        await RetriedRun.DeactivateAllAsync(fixture, SixShocks.World, key, advances: 2);

        Assert.Equal(22, (await world.Snapshot()).Positions.Single(p => p is { Actor: "JP", Topic: "bilateral-fta" }).Value.Value);
        var step = await world.Advances();
        Assert.Equal(2, step);
        Advance advance;
        do
            advance = await world.Advance(step++);
        while (!advance.Finished);

        var local = await ScenarioRun.LocallyAsync(SixShocks);
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(local with { Timeline = await world.WholeTimelineAsync() }));
        Assert.Equal(26, (await world.Snapshot()).Positions.Single(p => p is { Actor: "JP", Topic: "bilateral-fta" }).Value.Value);
        Assert.Equal(26, Fta((await StoredAsync<Checkpoint<Delegation>>("country-checkpoint", japan)).After!));
    }

    private static double Fta(Delegation delegation) => delegation.PositionOn("bilateral-fta")!.Value.Value;

    /// <summary>The state names of the writes of Japan's grain in world <paramref name="key"/> so far, in order.</summary>
    private string[] JapanWrites(string key, GrainId japan) =>
        [.. fixture.Storage.CallsOn(key).Where(c => c.Operation == StorageOperation.Write && c.Grain == japan).Select(c => c.StateName)];

    private async Task<T> StoredAsync<T>(string stateName, GrainId grain) where T : new()
    {
        var state = new GrainState<T>(new T());
        await fixture.Storage.Inner.ReadStateAsync(stateName, grain, state);
        Assert.True(state.RecordExists, $"storage holds no {stateName} state for {grain}");
        return state.State!;
    }
}
