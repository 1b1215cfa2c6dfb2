using Summits.Model;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>
/// One call that runs several advances (<see cref="IWorldGrain.Advance(int, int, CancellationToken)"/>), on the silo that
/// writes every third advance and the last: it answers what the same advances asked one by one answer, ends at the
/// advance that writes a checkpoint, answers again for the same first advance without running anything, and after a
/// fault in the middle of it leaves the world at its last checkpoint, to be asked again.
/// </summary>
[Collection(CheckpointEvery3Collection.Name)]
public sealed class AdvanceCallTests(CheckpointEvery3Fixture fixture)
{
    [Fact]
    public async Task A_call_of_several_advances_answers_the_events_of_the_same_advances_asked_one_by_one()
    {
        // The short run's 5 advances at N = 3: checkpoints after the 3rd (index 2) and the 5th, the last. Asked at most 2 a
        // call: the call at 0 runs 0 and 1 (its most; 1 writes no checkpoint); the call at 2 runs 2 alone (a checkpoint);
        // the call at 3 runs 3 and 4 (the last, and its most). Each call's events are those of its advances asked one by
        // one on a world of their own, in order, and all of them are the pure model's timeline.
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.Short);
        var expected = await ScenarioRun.LocallyAsync(loaded);
        var single = await StartedAsync(loaded, "one-by-one");
        var several = await StartedAsync(loaded, "several");
        var singles = new List<Advance>();
        for (var step = 0; step < 5; step++)
            singles.Add(await single.Advance(step));

        var calls = new List<Advance>();
        for (var step = 0; calls.LastOrDefault() is not { Finished: true }; step += calls[^1].Advances)
            calls.Add(await several.Advance(step, 2));

        Assert.Equal([2, 1, 2], calls.Select(c => c.Advances));
        Assert.Equal([false, false, true], calls.Select(c => c.Finished));
        Assert.All(singles, s => Assert.Equal(1, s.Advances));
        Assert.Equal(Lines(singles[0], singles[1]), Lines(calls[0]));
        Assert.Equal(Lines(singles[2]), Lines(calls[1]));
        Assert.Equal(Lines(singles[3], singles[4]), Lines(calls[2]));
        Assert.Equal(expected.Timeline.Select(SeedWorlds.Json), Lines([.. calls]));
        Assert.Equal(expected.Failures, calls[^1].Failures);
        Assert.Equal(5, await several.Advances());
    }

    [Fact]
    public async Task A_call_ends_at_the_advance_that_writes_a_checkpoint()
    {
        // Six shocks, each moving Japan's FTA position by +1 from 20, at N = 3: asked for up to 10 advances from 0, the
        // call runs 0, 1 and 2 and ends there, since 2 writes the first checkpoint (Japan 20 → 21 → 22 → 23), whose one
        // timeline page holds the three advances' events. The next call, from 3, runs 3, 4 and 5, the last (23 → 26).
        var loaded = RetriedRun.Parse(CheckpointIntervalTests.SixShocks);
        var key = $"call-ends-{Guid.NewGuid():N}";
        var world = await StartedAsync(loaded, key: key);

        var first = await world.Advance(0, 10);

        Assert.Equal((3, false), (first.Advances, first.Finished));
        Assert.Equal([(20.0, 21.0), (21.0, 22.0), (22.0, 23.0)], Moves(first));
        Assert.Equal(3, await world.Advances());
        // The checkpoint is written: the snapshot reads Japan at 23 from its grain, and one page holds the call's events.
        Assert.Equal(23, Japan(await world.Snapshot()));
        Assert.Equal(1, fixture.Storage.CallsOn(key).Count(c => c is { StateName: "timeline", Operation: StorageOperation.Write }));
        Assert.Equal(Lines(first), (await world.WholeTimelineAsync()).Select(SeedWorlds.Json));

        var second = await world.Advance(3, 10);

        Assert.Equal((3, true), (second.Advances, second.Finished));
        Assert.Equal([(23.0, 24.0), (24.0, 25.0), (25.0, 26.0)], Moves(second));
    }

    [Fact]
    public async Task Asked_again_for_the_same_first_advance_a_call_answers_the_same_events_and_runs_nothing()
    {
        // At N = 3, the call at 0 with a most of 2 runs 0 and 1, between checkpoints (Japan 20 → 21 → 22, in memory).
        // Asked again for 0, with that most or another, it answers the same two advances and runs none: the world still
        // counts 2. Advance 1 alone was not a call's first, and is refused. The call at 2 runs 2, the checkpoint
        // (22 → 23); asked again, in this activation and in the next (which reads the call's end and its page from
        // storage), it answers the same and the world counts 3.
        var loaded = RetriedRun.Parse(CheckpointIntervalTests.SixShocks);
        var world = await StartedAsync(loaded, "again");

        var first = await world.Advance(0, 2);
        var again = await world.Advance(0, 2);
        var otherMost = await world.Advance(0, 5);

        Assert.Equal([(20.0, 21.0), (21.0, 22.0)], Moves(first));
        Assert.Equal(Answer(first), Answer(again));
        Assert.Equal(Answer(first), Answer(otherMost));
        Assert.Equal(2, await world.Advances());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => world.Advance(1));
        Assert.Equal(2, await world.Advances());

        var third = await world.Advance(2, 10);
        var thirdAgain = await world.Advance(2, 10);
        await fixture.Cluster.DeactivateAsync(world);
        var thirdFromStorage = await world.Advance(2, 10);

        Assert.Equal(1, third.Advances);
        Assert.Equal([(22.0, 23.0)], Moves(third));
        Assert.Equal(Answer(third), Answer(thirdAgain));
        Assert.Equal(Answer(third), Answer(thirdFromStorage));
        Assert.Equal(3, await world.Advances());
    }

    [Fact]
    public async Task A_storage_fault_at_the_end_of_a_call_leaves_the_world_at_its_last_checkpoint_and_the_call_may_be_asked_again()
    {
        // At N = 3 the call at 0 runs 0-2 and writes its checkpoint (Japan 23). The call at 3 runs 3 and 4 in memory and
        // fails at 5, the last advance, whose checkpoint cannot write its page (page 1, its first write). Nothing past the
        // checkpoint after 2 remains: the world counts 3 and its grains read Japan at 23. Asked again, the call runs 3, 4
        // and 5 (23 → 26) and the run ends as the pure model's.
        var loaded = RetriedRun.Parse(CheckpointIntervalTests.SixShocks);
        var key = $"page-fault-{Guid.NewGuid():N}";
        var world = await StartedAsync(loaded, key: key);
        await world.Advance(0, 10);
        fixture.Storage.Fail(StorageOperation.Write, "timeline", GrainId.Create("timelinepage", WorldKey.Of(key).TimelinePage(1)), 1);

        await Assert.ThrowsAnyAsync<Exception>(() => world.Advance(3, 10));

        await AssertBackAtTheCheckpointAndCarriedOnAsync(loaded, world);
    }

    [Fact]
    public async Task A_grain_that_loses_its_changes_in_the_middle_of_a_call_leaves_the_world_at_its_last_checkpoint_and_the_call_may_be_asked_again()
    {
        // Japan serves one call of an advance, its Shock, and at each checkpoint its Commit: calls 1-3 the shocks of
        // advances 0-2, 4 the commit, 5 the shock of advance 3. Deactivated after call 5, Japan loses that shock (23 → 24);
        // the shock of advance 4, the call's second advance and Japan's call 6, reaches a new activation, which answers
        // from storage, and the advance fails. Nothing past the checkpoint after 2 remains, and asking again runs 3, 4
        // and 5 (23 → 26).
        var loaded = RetriedRun.Parse(CheckpointIntervalTests.SixShocks);
        var key = $"lost-mid-call-{Guid.NewGuid():N}";
        var world = await StartedAsync(loaded, key: key);
        await world.Advance(0, 10);
        var japan = GrainId.Create("country", WorldKey.Of(key).Country("JP"));
        Assert.Equal(["Shock", "Shock", "Shock", "Commit"], fixture.Deactivations.CallsOn(key).Where(c => c.Grain == japan).Select(c => c.Method));
        fixture.Deactivations.After(japan, 5);

        await Assert.ThrowsAnyAsync<Exception>(() => world.Advance(3, 10));

        Assert.Equal(["Shock", "Shock", "Shock", "Commit", "Shock", "Shock"], fixture.Deactivations.CallsOn(key).Where(c => c.Grain == japan).Take(6).Select(c => c.Method));
        await AssertBackAtTheCheckpointAndCarriedOnAsync(loaded, world);
    }

    /// <summary>
    /// After a failed call from advance 3 of <see cref="CheckpointIntervalTests.SixShocks"/> at N = 3: the world is at its
    /// checkpoint after advance 2 (3 advances, Japan at 23), and the same call asked again runs advances 3-5 (Japan
    /// 23 → 26), finishing the run with the pure model's timeline and state.
    /// </summary>
    private async Task AssertBackAtTheCheckpointAndCarriedOnAsync(LoadedScenario loaded, IWorldGrain world)
    {
        Assert.Equal(3, await world.Advances());
        Assert.Equal(23, Japan(await world.Snapshot()));

        var retried = await world.Advance(3, 10);

        Assert.Equal((3, true), (retried.Advances, retried.Finished));
        Assert.Equal([(23.0, 24.0), (24.0, 25.0), (25.0, 26.0)], Moves(retried));
        var expected = await ScenarioRun.LocallyAsync(loaded);
        var run = new RunResult(loaded, loaded.World, await world.Snapshot() with { Id = loaded.World.Id }, await world.WholeTimelineAsync(), retried.Failures);
        Assert.Equal(RunFiles.Timeline(expected), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(expected), RunFiles.State(run));
    }

    /// <summary>A new world of <paramref name="loaded"/>'s, seeded and started, keyed <paramref name="key"/> or a new key from <paramref name="prefix"/>.</summary>
    private async Task<IWorldGrain> StartedAsync(LoadedScenario loaded, string prefix = "call", string? key = null)
    {
        key ??= $"{prefix}-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);
        return world;
    }

    private static double Japan(World world) =>
        world.Positions.Single(p => p is { Actor: "JP", Topic: "bilateral-fta" }).Value.Value;

    private static (double, double)[] Moves(Advance advance) =>
        [.. advance.Events.Where(e => e.Kind == EventKind.Move).Select(e => (e.Before!.Value, e.After!.Value))];

    private static IEnumerable<string> Lines(params Advance[] answers) => answers.SelectMany(a => a.Events).Select(SeedWorlds.Json);

    private static string Answer(Advance advance) =>
        $"{advance.Advances} {advance.Finished} {advance.Failures} {string.Join('\n', Lines(advance))}";
}
