using Summits.Model;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>
/// An advance happens exactly once: after any single storage fault and a retry, a run writes the same
/// timeline.jsonl and state.json, byte for byte, as a run that never failed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExactlyOnceAdvanceTests(ClusterFixture fixture)
{
    // A short run that makes every kind of call an advance makes: a shock that moves a salience and a
    // position (breaching the realignment agreement), a rejected proposal with a counter-offer and a move,
    // an agreement made (superseding the breached one), and two rounds of offers on the FTA.
    internal const string Short = """
        format: 2
        scenario: fault-test
        about: A short run through every kind of grain call an advance makes.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 3
        steps:
          - id: local-opposition
            shock:
              reason: Okinawa rejects the relocation plan.
              changes:
                - { salience: JP, topic: usfj-realignment, to: 0.9 }
                - { position: JP, topic: usfj-realignment, by: -25 }
          - id: fta-ask
            propose: { from: US, to: [JP], terms: { bilateral-fta: 80 } }
          - id: japan-asks-relief
            propose: { from: JP, to: [US], terms: { usfj-realignment: 55 } }
          - id: bargain
            rounds: 2
            topics: [bilateral-fta]
        """;

    // The US asks Japan for the FTA at 80 and nothing else happens.
    internal const string OneStep = """
        format: 2
        scenario: fault-test
        about: The US asks Japan for a bilateral FTA at 80.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 42
        steps:
          - id: fta-ask
            propose: { from: US, to: [JP], terms: { bilateral-fta: 80 } }
        """;

    // Japan's position on the FTA, seeded at 20, is pushed up by 10.
    private const string ShockBy10 = """
        format: 2
        scenario: fault-test
        about: Japan's position on the FTA rises by 10.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 42
        steps:
          - id: fta-shift
            shock:
              reason: Japan warms to a bilateral FTA.
              changes:
                - { position: JP, topic: bilateral-fta, by: 10 }
        """;

    /// <summary>Writes failing before they reach storage, reads failing, and writes failing after they landed (a lost acknowledgement).</summary>
    public static TheoryData<bool, bool> Faults() => new() { { false, false }, { true, false }, { false, true } };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task After_any_single_storage_fault_and_a_retry_a_run_writes_the_clean_runs_bytes(bool reads, bool afterWriting)
    {
        var loaded = RetriedRun.Parse(Short);
        var (clean, cleanKey, points) = await RetriedRun.CleanAsync(fixture, loaded, "fault", reads);
        // Every storage call of the kind the clean run made, from its seeding on, is a point where a run can fail; with
        // N = 1 every advance is a checkpoint (ShortRunPoints has the facts). Seeding alone writes each of the world's 4
        // countries and 16 topics once and the world once, and the start writes the world again: 4 + 16 + 2 = 22 writes.
        // Seeding activates each of those 21 grains, and each reads its state (a country and a topic their checkpoint
        // too): 1 + 2 × (4 + 16) = 41 reads.
        string[] seeded = reads ? ["world", "country", "country-checkpoint", "topic", "topic-checkpoint"] : ["world", "country", "topic"];
        Assert.Equal(reads ? 41 : 22, points.Count(p => seeded.Contains(p.StateName) && (p.Nth == 1 || p is { StateName: "world", Operation: StorageOperation.Write, Nth: 2 })));
        // Writes at each advance: its page (1), 1 per grain it changed (its checkpoint, holding its state), the world (1).
        // Advance 1: JP, usfj-realignment, 1 + 2 + 1 = 4; 2: US, JP, 4; 3: JP, US, usfj-realignment, 5; 4 and 5: JP, US, 4
        // each. 22 + 4 + 4 + 5 + 4 + 4 = 43: countries 4 (their seeding), their checkpoints 9 (JP 5, US 4), topics 16, their
        // checkpoints 2, pages 5, world 2 + 5 = 7.
        // Reads, every grain deactivated after each advance: advance 1 finds every grain active, and its page is read
        // (1); advance 2, the world (1), US, JP, bilateral-fta (6) and its page (1): 8; advance 3, the world, JP, US,
        // usfj-realignment and its page: 8; advances 4 and 5, the world, 4 countries, bilateral-fta and the page, 1 + 8 + 2
        // + 1 = 12 each; then the snapshot 1 + 40 and the timeline 5: 41 + 1 + 8 + 8 + 12 + 12 + 41 + 5 = 128.
        Assert.Equal(reads ? 128 : 43, points.Length);
        if (!reads)
            Assert.Equal("country 4, country-checkpoint 9, timeline 5, topic 16, topic-checkpoint 2, world 7", ShortRunPoints.ByState(points));

        Assert.Empty(await RetriedRun.StorageFaultMismatchesAsync(fixture, loaded, (clean, cleanKey, points), "fault", reads, afterWriting));
    }

    [Fact]
    public async Task A_world_retries_an_advance_whose_recipients_write_failed_after_the_proposer_had_written()
    {
        // The US proposes, Japan answers; Japan's write fails after the US's succeeded. The retry must not
        // find the US's answer gone (it once answered with an empty, default array and wedged the world).
        var loaded = RetriedRun.Parse(OneStep);
        var key = Key();
        var clean = await ScenarioRun.LocallyAsync(loaded);
        FailNextWrite(key, "country-checkpoint", "JP");

        var (run, failures) = await RetriedRun.RunAsync(fixture, loaded, key);

        Assert.Equal(1, failures);
        Assert.Equal(RunFiles.Timeline(clean), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(clean), RunFiles.State(run));
    }

    [Fact]
    public async Task A_retried_advance_keeps_the_move_of_a_recipient_that_had_written_its_answer()
    {
        // Japan writes its answer and move; the US's write fails. Japan at 20 with salience 0.75 is pulled
        // toward 80 by the US (capability 0.8): the clean run's move is 20 → 20.912 (the factor 1 − 0.75 of a
        // recipient's salience on the pull), and the retried run must have that move too.
        var loaded = RetriedRun.Parse(OneStep);
        var key = Key();
        FailNextWrite(key, "country-checkpoint", "US");

        var (run, failures) = await RetriedRun.RunAsync(fixture, loaded, key);

        Assert.Equal(1, failures);
        var move = Assert.Single(run.Timeline, e => e is { Kind: EventKind.Move, Actor: "JP" });
        Assert.Equal(20, move.Before);
        Assert.Equal(20.912, move.After!.Value, 3);
        Assert.Equal(RunFiles.Timeline(await ScenarioRun.LocallyAsync(loaded)), RunFiles.Timeline(run));
    }

    [Fact]
    public async Task A_shock_is_applied_once_when_its_advance_is_retried()
    {
        // Japan's FTA position is seeded at 20; a shock of +10 leaves it at 20 + 10 = 30, however often the
        // advance is tried. Japan writes; the world's own write fails, so the advance runs again.
        var loaded = RetriedRun.Parse(ShockBy10);
        var key = Key();
        FailNextWrite(key, "world", null);

        var (run, failures) = await RetriedRun.RunAsync(fixture, loaded, key);

        Assert.Equal(1, failures);
        Assert.Equal(30, run.Final.Positions.Single(p => p is { Actor: "JP", Topic: "bilateral-fta" }).Value.Value);
        var move = Assert.Single(run.Timeline, e => e is { Kind: EventKind.Move, Actor: "JP" });
        Assert.Equal((20.0, 30.0), (move.Before!.Value, move.After!.Value));
    }

    [Fact]
    public async Task A_failed_write_leaves_a_grain_holding_what_storage_holds()
    {
        // Japan's write fails: Japan's memory is dropped, and it reads back as seeded (20), not as moved.
        var (_, key, world) = await StartedAsync(OneStep);
        FailNextWrite(key, "country-checkpoint", "JP");

        await Assert.ThrowsAnyAsync<Exception>(() => world.Advance(0));

        var japan = await fixture.Client.GetGrain<ICountryGrain>(WorldKey.Of(key).Country("JP")).Get();
        Assert.Equal(20, japan.Positions.Single(p => p.Topic == "bilateral-fta").Value.Value);
        Assert.Equal(0, await world.Advances());
        Assert.Empty(await world.WholeTimelineAsync());
    }

    [Fact]
    public async Task After_a_failed_advance_a_snapshot_shows_the_world_as_of_its_last_completed_advance()
    {
        // Japan and the US commit the proposal (Japan moves 20 → 20.912), then the world's own write fails:
        // the world has completed no advance, so its snapshot is the one taken before the advance, with Japan
        // as seeded, at 20, as its timeline (empty) says. The retry then completes it: Japan at 20.912.
        var (_, key, world) = await StartedAsync(OneStep);
        var seeded = await world.Snapshot();
        FailNextWrite(key, "world", null);

        await Assert.ThrowsAnyAsync<Exception>(() => world.Advance(0));

        Assert.Equal(0, await world.Advances());
        Assert.Empty(await world.WholeTimelineAsync());
        var after = await world.Snapshot();
        Assert.Equal(20, after.Positions.Single(p => p is { Actor: "JP", Topic: "bilateral-fta" }).Value.Value);
        Assert.Equal(SeedWorlds.Json(seeded), SeedWorlds.Json(after));
        await world.Advance(0);
        Assert.Equal(20.912, (await world.Snapshot()).Positions.Single(p => p is { Actor: "JP", Topic: "bilateral-fta" }).Value.Value, 3);
    }

    [Fact]
    public async Task Asking_again_for_the_advance_just_completed_returns_it_and_runs_nothing()
    {
        // A client whose call timed out asks for the same advance again: it gets the same events, and the
        // run does not move on to its next step.
        var (_, _, world) = await StartedAsync(Short);

        var first = await world.Advance(0);
        var again = await world.Advance(0);

        Assert.Equal(first.Events.Select(SeedWorlds.Json), again.Events.Select(SeedWorlds.Json));
        Assert.Equal(first.Events.Length, (await world.WholeTimelineAsync()).Length);
        Assert.Equal(1, await world.Advances());
        var skipped = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => world.Advance(2));
        Assert.Contains("the next is 1", skipped.Message, StringComparison.Ordinal);
        var second = await world.Advance(1);
        Assert.Equal("fta-ask", second.Events[0].Cause);
    }

    [Fact]
    public async Task Seeding_and_starting_again_with_the_same_world_and_scenario_change_nothing_and_succeed()
    {
        // A client that lost the answers to Seed and Start (the writes had landed) asks again: both succeed, and
        // the run is the clean one (the one-step run's events, as the pure model writes them).
        var loaded = RetriedRun.Parse(OneStep);
        var key = Key();
        var world = fixture.Client.GetGrain<IWorldGrain>(key);

        await world.Seed(loaded.World with { Id = key });
        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);
        await world.Start(loaded.Scenario);

        Assert.Equal(0, await world.Advances());
        var advance = await world.Advance(0);
        Assert.True(advance.Finished);
        Assert.Equal(RunFiles.Timeline(await ScenarioRun.LocallyAsync(loaded)).Split('\n').Length - 1, advance.Events.Length);
        // Once a scenario runs, seeding again is refused, and so is starting again once it has advanced.
        var reseeded = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Seed(loaded.World with { Id = key }));
        Assert.Contains("is running scenario 'fault-test'", reseeded.Message, StringComparison.Ordinal);
        var restarted = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Start(loaded.Scenario));
        Assert.Contains("already running scenario 'fault-test'", restarted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_another_scenario_on_a_started_world_is_refused()
    {
        // The one-step scenario with another seed is another scenario, even before the first advance.
        var (loaded, _, world) = await StartedAsync(OneStep);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Start(loaded.Scenario with { Seed = 7 }));

        Assert.Contains("already running scenario 'fault-test'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_run_refuses_a_further_advance_and_still_answers_for_its_last()
    {
        // The one-step scenario finishes in its first advance (0); advance 1 does not exist.
        var (_, _, world) = await StartedAsync(OneStep);
        var last = await world.Advance(0);
        Assert.True(last.Finished);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Advance(1));

        Assert.Contains("has finished scenario 'fault-test': its last advance was 0", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await world.Advances());
        Assert.Equal(last.Events.Length, (await world.Advance(0)).Events.Length);
    }

    [Fact]
    public async Task A_cancelled_advance_changes_nothing()
    {
        var (loaded, _, world) = await StartedAsync(OneStep);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Advance(0, cancelled.Token));

        Assert.Equal(0, await world.Advances());
        var advance = await world.Advance(0);
        Assert.Equal(RunFiles.Timeline(await ScenarioRun.LocallyAsync(loaded)).Split('\n').Length - 1, advance.Events.Length);
    }

    [Fact]
    public async Task A_world_retired_after_an_advance_failed_past_its_page_leaves_nothing_in_storage()
    {
        // Short's first advance (the shock) writes timeline page 0 and then the world (its 3rd write, after seeding and
        // starting); its second (the US's FTA ask, which Japan answers) writes page 1, commits the two countries, and
        // fails at the world's 4th write. Storage then holds page 1, while the world it holds counts one page: the
        // page lies past the world's checkpoint until the advance runs again. Retired at that point, the world must
        // take every state of its grains out of storage, that page with them.
        var (_, key, world) = await StartedAsync(Short);
        Assert.NotEmpty((await world.Advance(0)).Events);
        fixture.Storage.Fail(StorageOperation.Write, "world", GrainId.Create("world", key), 4);
        await Assert.ThrowsAnyAsync<Exception>(() => world.Advance(1));
        bool Held(GrainId grain) => grain.Key.ToString()!.StartsWith(key + "/", StringComparison.Ordinal) || grain.Key.ToString() == key;
        // Two pages held before the retire: 0 and the failed advance's 1.
        Assert.Equal([WorldKey.Of(key).TimelinePage(0), WorldKey.Of(key).TimelinePage(1)],
            fixture.Storage.Written.Where(w => w.Value.StateName == "timeline" && Held(w.Key)).Select(w => w.Key.Key.ToString()!).Order(StringComparer.Ordinal));

        await world.Retire();

        Assert.Empty(fixture.Storage.Written.Keys.Where(Held).Select(g => g.ToString()));
    }

    /// <summary>
    /// Fails the first write of one grain's state after the world of <paramref name="key"/> started: a
    /// country's (<paramref name="id"/> its actor), or the world's (<paramref name="id"/> null).
    /// </summary>
    private void FailNextWrite(string key, string stateName, string? id)
    {
        var grain = id is null ? GrainId.Create("world", key) : GrainId.Create("country", WorldKey.Of(key).Country(id));
        // The world writes at its seeding and at its start, so its next write is its 3rd; a country's commit writes its
        // checkpoint record (which holds its state) for the first time, seeding having written its state on its own.
        fixture.Storage.Fail(StorageOperation.Write, stateName, grain, id is null ? 3 : 1);
    }

    /// <summary>Seeds and starts <paramref name="text"/>'s scenario on a new world, with no fault.</summary>
    private async Task<(LoadedScenario Loaded, string Key, IWorldGrain World)> StartedAsync(string text)
    {
        var loaded = RetriedRun.Parse(text);
        var key = Key();
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);
        return (loaded, key, world);
    }

    private static string Key() => $"fault-{Guid.NewGuid():N}";
}
