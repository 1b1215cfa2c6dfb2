using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A world marked as kept in memory alone (<see cref="InMemoryWorlds"/>), as every Monte Carlo sample is, has one grain
/// per country and per topic, gives the pure model's bytes, and makes no call to the grain storage: the silo's storage
/// wrapper (<see cref="ChosenFaultStorage"/>, which logs every read, write and clear) logs none for its grains. A world
/// without the mark still reads at activation and writes at every checkpoint.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class InMemoryWorldTests(ClusterFixture fixture)
{
    [Theory]
    [MemberData(nameof(SeedFiles.WhatIfFiles), MemberType = typeof(SeedFiles))]
    public async Task A_world_kept_in_memory_touches_no_storage_keeps_a_grain_per_country_and_topic_and_writes_the_pure_models_bytes(string file)
    {
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", file));
        var local = await ScenarioRun.LocallyAsync(loaded);
        var key = WorldKey.Of($"in-memory-{Guid.NewGuid():N}");
        RunResult hosted;
        using (InMemoryWorlds.Begin())
        {
            hosted = await ScenarioRun.InGrainsAsync(fixture.Client, loaded, key);
            // Each country and each topic is its own grain, holding its part of the final state in its activation.
            foreach (var actor in hosted.Final.Actors)
            {
                var held = (await fixture.Client.GetGrain<ICountryGrain>(key.Country(actor.Id)).Get()).Actor;
                Assert.Equal((actor.Id, actor.Capability), (held.Id, held.Capability));
            }
            foreach (var topic in hosted.Final.Topics)
                Assert.Equal(topic.Id, (await fixture.Client.GetGrain<ITopicGrain>(key.Topic(topic.Id)).Get()).Topic.Id);
        }

        // Not one read, write or clear, of the world, a country, a topic or a timeline page: counted by the wrapper.
        Assert.Empty(fixture.Storage.CallsOn(key.Value));
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
        Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
    }

    [Fact]
    public async Task A_world_kept_in_memory_seeded_again_is_seeded_already_with_the_same_world_and_refuses_another()
    {
        // Such a world keeps no digest in its state; it keeps the world it was seeded with and compares that instead.
        var first = SeedWorlds.Fresh();
        // Title, actors and topics the same, every position at 1: another world of that id, which the metadata alone
        // would not tell apart from the first.
        var changed = SeedWorlds.EveryPositionAtOne(first);
        using (InMemoryWorlds.Begin())
        {
            var world = fixture.Client.GetGrain<IWorldGrain>(first.Id);
            await world.Seed(first);

            // The same world asked for again (a client that lost the answer): answered as seeded, nothing changed.
            await world.Seed(first);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Seed(changed));

            Assert.Contains("has already been seeded with another world of that id", error.Message, StringComparison.Ordinal);
            SeedWorlds.AssertSame(first, await world.Snapshot());
        }
        Assert.Empty(fixture.Storage.CallsOn(first.Id));
    }

    [Fact]
    public async Task A_sample_run_and_retired_as_a_study_runs_it_touches_no_storage_and_leaves_no_mark_on_its_caller()
    {
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var key = WorldKey.Of($"in-memory-sample-{Guid.NewGuid():N}");

        var run = await SampleRuns.InGrains(fixture.Client)(loaded, key, CancellationToken.None);
        await SampleRuns.EndInGrains(fixture.Client)(key);

        Assert.Equal(RunFiles.State(await ScenarioRun.LocallyAsync(loaded)), RunFiles.State(run));
        // Seeding, start, advances, read-back and ending the lane: none of it reached the storage.
        Assert.Empty(fixture.Storage.CallsOn(key.Value));
        // The mark was the sample's alone: this flow's next calls are a durable world's.
        Assert.False(InMemoryWorlds.IsCurrent);
    }

    [Fact]
    public async Task A_lanes_grains_that_activated_under_an_unmarked_call_are_kept_in_memory_from_the_next_seeding_on()
    {
        // A sample's grain that activates again under a call without the mark (a call asked again after the grain was
        // lost) reads the storage, finds nothing and answers that it has not been seeded. The lane's next seeding carries
        // the mark and keeps that activation in memory from then on, so neither that sample nor the next writes. The
        // storage log holds the reads of the two unmarked activations and nothing else: the world's one state ("world")
        // and the country's two ("country", "country-checkpoint"), 3 reads, no write, no clear. The activations are the
        // same throughout: one world grain, 4 countries and 16 topics, none activated twice.
        var loaded = Fta();
        var key = WorldKey.Of($"in-memory-lost-{Guid.NewGuid():N}");
        var world = fixture.Client.GetGrain<IWorldGrain>(key.Value);
        var country = fixture.Client.GetGrain<ICountryGrain>(key.Country(loaded.World.Actors[0].Id));
        Assert.Contains("has not been seeded", (await Assert.ThrowsAsync<InvalidOperationException>(() => world.Info())).Message, StringComparison.Ordinal);
        Assert.Contains("has not been seeded", (await Assert.ThrowsAsync<InvalidOperationException>(() => country.Get())).Message, StringComparison.Ordinal);
        var runner = SampleRuns.InGrains(fixture.Client);
        // Samples 0 and 1 of a study of seed 9: two sampled worlds, each seeded in turn.
        var samples = new[] { WhatIfStudy.Sample(loaded, 9, 0).Sample, WhatIfStudy.Sample(loaded, 9, 1).Sample };

        var first = await runner(samples[0], key, CancellationToken.None);
        var second = await runner(samples[1], key, CancellationToken.None);
        await SampleRuns.EndInGrains(fixture.Client)(key);

        Assert.Equal(["Read country", "Read country-checkpoint", "Read world"],
            fixture.Storage.CallsOn(key.Value).Select(c => $"{c.Operation} {c.StateName}").Order(StringComparer.Ordinal));
        Assert.Equal(["country 4", "topic 16", "world 1"], fixture.Calls.Activations(key.Value));
        foreach (var (sample, hosted) in samples.Zip((RunResult[])[first, second]))
            Assert.Equal(RunFiles.State(await ScenarioRun.LocallyAsync(sample)), RunFiles.State(hosted));
    }

    [Fact]
    public async Task A_lanes_grains_kept_in_memory_that_a_durable_world_seeds_read_the_storage_and_write_to_it()
    {
        // The other way: the grains a sample kept in memory, seeded by a run without the mark (a durable world given the
        // same key), keep that world in storage. Each of the 21 grains reads its states once, as the seeding turns it to
        // storage: the world its one, each of the 4 countries and 16 topics its two, 1 + 4 × 2 + 16 × 2 = 41 reads; and
        // each writes its seeded state (the world's timeline pages, new grains of the durable run, are left out). The
        // grains are the activations the sample left, one each: 1 world, 4 countries, 16 topics.
        var loaded = Fta();
        var key = WorldKey.Of($"in-memory-then-durable-{Guid.NewGuid():N}");
        await SampleRuns.InGrains(fixture.Client)(loaded, key, CancellationToken.None);
        Assert.Empty(fixture.Storage.CallsOn(key.Value));

        var durable = await ScenarioRun.InGrainsAsync(fixture.Client, loaded, key);

        var calls = fixture.Storage.CallsOn(key.Value).Where(c => c.StateName != "timeline").ToArray();
        Assert.Equal(41, calls.Count(c => c.Operation == StorageOperation.Read));
        Assert.Equal(21, calls.Where(c => c.Operation == StorageOperation.Write).Select(c => c.Grain).Distinct().Count());
        Assert.Equal(["country 4", "topic 16", "world 1"],
            fixture.Calls.Activations(key.Value).Where(a => !a.StartsWith("timelinepage ", StringComparison.Ordinal)));
        Assert.Equal(RunFiles.State(await ScenarioRun.LocallyAsync(loaded)), RunFiles.State(durable));
    }

    [Fact]
    public async Task A_seeded_world_kept_in_memory_refuses_an_unmarked_seeding_of_another_world_without_a_storage_call()
    {
        // A world grain follows its seeding only while it holds no world. This one holds one, kept in memory, so a
        // seeding without the mark is what any second seeding of another world is: refused, the first world kept, and
        // nothing read from or written to storage.
        var first = SeedWorlds.Fresh();
        var changed = SeedWorlds.EveryPositionAtOne(first);
        var world = fixture.Client.GetGrain<IWorldGrain>(first.Id);
        using (InMemoryWorlds.Begin())
            await world.Seed(first);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Seed(changed));

        Assert.Contains("has already been seeded with another world of that id", error.Message, StringComparison.Ordinal);
        SeedWorlds.AssertSame(first, await world.Snapshot());
        Assert.Empty(fixture.Storage.CallsOn(first.Id));
    }

    [Fact]
    public async Task A_world_kept_in_memory_keeps_no_state_from_before_its_run_so_a_snapshot_before_its_end_is_refused()
    {
        // A durable grain copies its state at the first call of each attempt, to go back to on a retry and to answer "as
        // of the last checkpoint" while an attempt is in progress. A world kept in memory writes no checkpoint before its
        // run's last advance, and an advance of it that fails ends its activation, so its grains keep no such copy. After
        // advance 0 of the FTA scenario (the US asks Japan, whose country grain answers in the attempt), each world has
        // completed 1 advance. The durable one, written every 2nd advance, has checkpointed none: its Snapshot answers the
        // world as seeded (the grains' copies from before the attempt). The one kept in memory has checkpointed none
        // either: its Snapshot is refused, rather than answering the state after advance 0 as though it were the seeding's.
        var loaded = Fta();
        var durableKey = $"durable-mid-run-{Guid.NewGuid():N}";
        var durable = fixture.Client.GetGrain<IWorldGrain>(durableKey);
        await durable.Seed(loaded.World with { Id = durableKey });
        await durable.Start(loaded.Scenario, checkpointEvery: 2);
        await durable.Advance(0);
        SeedWorlds.AssertSame(loaded.World with { Id = durableKey }, await durable.Snapshot());

        var key = $"in-memory-mid-run-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        using (InMemoryWorlds.Begin())
            await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);
        await world.Advance(0);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Snapshot());
        Assert.Contains("is kept in memory alone and keeps nothing from before advance 0", error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Storage.CallsOn(key));
        await durable.Retire();
        await world.Retire();
    }

    private static LoadedScenario Fta() =>
        ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "us-presses-bilateral-fta.yaml"));

    [Fact]
    public void A_mark_begun_inside_another_leaves_the_outer_one_in_place_when_it_ends()
    {
        // A run told to keep its world in memory marks its seeding (an inner scope) inside a caller's own marked flow (the
        // outer one): the caller's later calls stay marked until its own scope ends.
        Assert.False(InMemoryWorlds.IsCurrent);
        using (InMemoryWorlds.Begin())
        {
            using (InMemoryWorlds.Begin())
                Assert.True(InMemoryWorlds.IsCurrent);
            Assert.True(InMemoryWorlds.IsCurrent);
        }
        Assert.False(InMemoryWorlds.IsCurrent);
    }

    [Fact]
    public async Task A_world_without_the_mark_reads_as_it_activates_and_writes_its_checkpoints()
    {
        // At a checkpoint every advance (this silo's interval), the world writes its state once when seeded, once when
        // started and once per advance: 2 + N writes for N advances. Each grain reads its states as it activates: the
        // world its one ("world") once.
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var key = WorldKey.Of($"durable-{Guid.NewGuid():N}");

        await ScenarioRun.InGrainsAsync(fixture.Client, loaded, key);

        var advances = await fixture.Client.GetGrain<IWorldGrain>(key.Value).Advances();
        var world = GrainId.Create("world", key.Value);
        var calls = fixture.Storage.CallsOn(key.Value);
        Assert.Equal(2 + advances, calls.Count(c => c.Grain == world && c.Operation == StorageOperation.Write));
        Assert.Equal(1, calls.Count(c => c.Grain == world && c.Operation == StorageOperation.Read));
        Assert.Contains(calls, c => c.StateName == "country-checkpoint" && c.Operation == StorageOperation.Write);
        Assert.Contains(calls, c => c.StateName == "timeline" && c.Operation == StorageOperation.Write);
    }
}
