using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A study in grains runs its samples in lanes, one world per run in flight, seeded again for each sample (every country
/// and topic that does not hold that sample's seeding already): what that saves is counted in activations (the
/// silo's call recorder notes the activation that served each call), and what it must keep is checked against the pure
/// model, byte for byte, also when a lane's grains are lost between samples.
/// The world of <c>us-presses-bilateral-fta</c> has 4 countries and 16 topics: 21 grains with its world grain.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StudyLaneTests(ClusterFixture fixture)
{
    private static LoadedScenario Fta(string id)
    {
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        return loaded with { Scenario = loaded.Scenario with { Id = id } };
    }

    /// <summary>What topic <paramref name="topic"/>'s grain holds in <paramref name="world"/>, in words: its holders, and its agreements (id, status, parties, terms).</summary>
    private static string TopicAsHeld(World world, string topic) =>
        string.Join(' ', world.Positions.Where(p => p.Topic == topic).Select(p => p.Actor).Order(StringComparer.Ordinal)) + " | "
        + string.Join("; ", world.Agreements.Where(a => a.Covers(topic)).Select(AgreementWords.Of).Order(StringComparer.Ordinal));

    private static string LanesOf(LoadedScenario loaded, ulong seed) => WorldKey.Lane(loaded.Scenario.Id, seed, 0).Value[..^1];

    [Fact]
    public async Task A_study_activates_each_lanes_grains_once_seeds_what_each_sample_changes_and_retires_them_once()
    {
        // 6 samples in 2 lanes. Activations: a world grain and 4 countries and 16 topics per lane, 2 * 21 = 42; one world
        // per sample made 6 * 21 = 126. Calls besides the advances': per sample one RunSample to the world, which seeds,
        // starts, runs and reads itself back with no call to itself or its grains (the commits of the grains its run
        // changed answer for them), and a Seed to each country and topic that does not hold that sample's seeding
        // already; per lane, at the end, a Retire to the world and to each of its 20 grains. A lane's first sample seeds
        // its 4 countries and 16 topics; a later one seeds only the grains its lane's last run called, since the samples
        // share their topics, agreements, China and North Korea (the study varies Japan and the United States alone).
        // Every run calls and changes Japan and the United States (Japan evaluates the ask, the United States proposes
        // it) and no other country: 2 country Seeds for every sample but a lane's first. The topics a run calls are those
        // it changed, counted from the pure model's run of each sample as the topics whose holders or agreements (id,
        // status, parties, terms) end otherwise than they began: the package's two, bilateral-fta and defense-procurement,
        // in the one run where Japan accepts it. The lanes take samples from one count, so on a loaded machine one lane
        // can take all 6 before the other asks for its first: that lane's world then activates only to be retired, with
        // no country or topic to activate or retire. Counted per lane that ran a sample (1 or 2 of them, r): 4r
        // countries, 16r topics and 2 worlds; 4r country Retires and 16r topic Retires; 4r + 2(6 - r) country Seeds; 16r
        // topic Seeds, and the 2 changed topics seeded again unless the run that changed them was its lane's last: which
        // lane ran which sample is the lanes' race, so the runs each lane made are noted in order, by their scenario
        // seed, and every run but a lane's last adds the topics it changed. 6 world RunSamples and 2 world Retires.
        var loaded = Fta($"lanes-{Guid.NewGuid():N}");
        var options = new StudyOptions(6, 11, 2, Engine.Grains);
        var inGrains = SampleRuns.InGrains(fixture.Client);
        var order = new ConcurrentQueue<(string Lane, ulong Seed)>();
        SampleRun noting = (sample, key, cancellation) =>
        {
            order.Enqueue((key.Value, sample.Scenario.Seed));
            return inGrains(sample, key, cancellation);
        };

        var study = await WhatIfStudy.RunAsync(loaded, options, noting, endLane: SampleRuns.EndInGrains(fixture.Client));

        var lanes = LanesOf(loaded, options.Seed);
        var ran = new[] { "0", "1" }.Count(lane => fixture.Calls.Lifecycle(lanes + lane).Any(c => c.StartsWith("world RunSample ", StringComparison.Ordinal)));
        Assert.InRange(ran, 1, 2);
        Assert.Equal([$"country {4 * ran}", $"topic {16 * ran}", "world 2"], fixture.Calls.Activations(lanes));
        var changedBySeed = new Dictionary<ulong, int>();
        for (var i = 0; i < options.Runs; i++)
        {
            var sample = WhatIfStudy.Sample(loaded, options.Seed, i).Sample;
            var sampled = await ScenarioRun.LocallyAsync(sample);
            changedBySeed.Add(sample.Scenario.Seed, sampled.Start.Topics.Count(t => TopicAsHeld(sampled.Start, t.Id) != TopicAsHeld(sampled.Final, t.Id)));
        }
        var changedTopics = changedBySeed.Values.Sum();
        Assert.Equal(2, changedTopics);
        var seededAgain = order.GroupBy(run => run.Lane).Sum(lane => lane.SkipLast(1).Sum(run => changedBySeed[run.Seed]));
        Assert.Equal(
            [$"country Retire {4 * ran}", $"country Seed {4 * ran + 2 * (6 - ran)}",
             $"topic Retire {16 * ran}", $"topic Seed {16 * ran + seededAgain}", "world Retire 2", "world RunSample 6"],
            fixture.Calls.Lifecycle(lanes));
        var local = await WhatIfStudy.RunAsync(loaded, options with { Engine = Engine.Local }, SampleRuns.Local);
        Assert.Equal(StudyFiles.Json(local with { Engine = Engine.Grains }), StudyFiles.Json(study));
        // Kept in memory alone, as each sample's world was: no read, write or clear reached the storage.
        Assert.Empty(fixture.Storage.CallsOn(lanes));

        // Retired: a call now reaches a new activation of the lane's world, which holds nothing.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.GetGrain<IWorldGrain>(lanes + "0").Info());
        Assert.Contains("has not been seeded", error.Message);
        Assert.Equal([$"country {4 * ran}", $"topic {16 * ran}", "world 3"], fixture.Calls.Activations(lanes));
    }

    [Fact]
    public async Task A_study_whose_samples_are_written_to_storage_seeds_its_lanes_again_and_leaves_nothing_stored()
    {
        // As `whatif --checkpoint-every` runs it: each sample of a lane writes its world at its checkpoints, Final clears
        // what it wrote, and the next sample seeds the same activations again. 5 samples in 2 lanes give the pure
        // model's results; afterwards a lane's world, activated anew, reads storage and finds nothing, and storage saw
        // writes and as many clears of the world's own state as samples (Final's, 5; Retire clears nothing more).
        var loaded = Fta($"durable-lanes-{Guid.NewGuid():N}");
        var options = new StudyOptions(5, 14, 2, Engine.Grains);

        var study = await WhatIfStudy.RunAsync(loaded, options, SampleRuns.InGrains(fixture.Client, durable: true),
            endLane: SampleRuns.EndInGrains(fixture.Client, durable: true));

        var local = await WhatIfStudy.RunAsync(loaded, options with { Engine = Engine.Local }, SampleRuns.Local);
        Assert.Equal(StudyFiles.Json(local with { Engine = Engine.Grains }), StudyFiles.Json(study));
        var lanes = LanesOf(loaded, options.Seed);
        var calls = fixture.Storage.CallsOn(lanes);
        Assert.Contains(calls, c => c is { StateName: "country-checkpoint", Operation: StorageOperation.Write });
        Assert.Equal(5, calls.Count(c => c is { StateName: "world", Operation: StorageOperation.Clear }));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.GetGrain<IWorldGrain>(lanes + "1").Info());
        Assert.Contains("has not been seeded", error.Message);
    }

    [Fact]
    public async Task A_lane_whose_grains_were_lost_between_samples_seeds_new_ones_and_gives_the_pure_models_results()
    {
        // One lane, 4 samples; after the second, the silo deactivates the lane's world grain and Japan's country grain (as
        // memory pressure would). The third sample's Seed activates both again, holding nothing, and seeds them as it
        // seeds the others: 21 activations, and 2 more. Every sample still gives the pure model's results.
        var loaded = Fta($"lost-lane-{Guid.NewGuid():N}");
        var options = new StudyOptions(4, 12, 1, Engine.Grains);
        var lane = WorldKey.Lane(loaded.Scenario.Id, options.Seed, 0);
        var inGrains = SampleRuns.InGrains(fixture.Client);
        var ran = 0;
        SampleRun losing = async (sample, key, cancellation) =>
        {
            var run = await inGrains(sample, key, cancellation);
            if (++ran == 2)
            {
                await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<IWorldGrain>(lane.Value));
                await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<ICountryGrain>(lane.Country("JP")));
            }
            return run;
        };

        var study = await WhatIfStudy.RunAsync(loaded, options, losing, endLane: SampleRuns.EndInGrains(fixture.Client));

        var local = await WhatIfStudy.RunAsync(loaded, options with { Engine = Engine.Local }, SampleRuns.Local);
        Assert.Equal(StudyFiles.Json(local with { Engine = Engine.Grains }), StudyFiles.Json(study));
        Assert.Equal(["country 5", "topic 16", "world 2"], fixture.Calls.Activations(lane.Value));
        Assert.Empty(fixture.Storage.CallsOn(lane.Value));
    }

    [Fact]
    public async Task A_lanes_topic_lost_while_it_held_the_next_samples_seeding_takes_it_from_its_world()
    {
        // One lane, 3 samples of a study of seed 1. Sample 0 changes no topic; sample 1's Japan accepts the package, which
        // records its agreement on defense-procurement and bilateral-fta (in the world's order of topics); sample 2 changes
        // none (all three asserted below of the pure model's runs).
        // After sample 0 the silo deactivates those two topics' grains. Sample 1's seeding leaves every topic as it is,
        // since each holds sample 1's seeding already (the samples share their topics and agreements), so the two lost
        // ones are first activated again by the run's calls, holding nothing: each asks the world for its seeding (2 world
        // TopicSeeding calls) and the run gives the pure model's bytes. Sample 2 seeds those two again, which sample 1
        // changed: topic Seeds 16 + 0 + 2 = 18. Activations: 1 world, 4 countries, 16 + 2 topics.
        // Storage: each new activation began under a call without the in-memory mark, so it read its two states, found
        // nothing, and kept them in memory from its seeding on: 2 × 2 reads, nothing written or cleared.
        var loaded = Fta($"lost-topic-{Guid.NewGuid():N}");
        var options = new StudyOptions(3, 1, 1, Engine.Grains);
        var lane = WorldKey.Lane(loaded.Scenario.Id, options.Seed, 0);
        var study = await WhatIfStudy.RunAsync(loaded, options, LosingThePackagesTopicsAfterTheFirstSample(lane),
            endLane: SampleRuns.EndInGrains(fixture.Client));

        var changed = new List<string>();
        for (var i = 0; i < options.Runs; i++)
        {
            var sampled = await ScenarioRun.LocallyAsync(WhatIfStudy.Sample(loaded, options.Seed, i).Sample);
            changed.Add(string.Join(' ', sampled.Start.Topics.Where(t => TopicAsHeld(sampled.Start, t.Id) != TopicAsHeld(sampled.Final, t.Id)).Select(t => t.Id)));
        }
        Assert.Equal(["", "defense-procurement bilateral-fta", ""], changed);
        var local = await WhatIfStudy.RunAsync(loaded, options with { Engine = Engine.Local }, SampleRuns.Local);
        Assert.Equal(StudyFiles.Json(local with { Engine = Engine.Grains }), StudyFiles.Json(study));
        // Every call besides the advances', as in the first test: 3 RunSamples; 4 + 2 + 2 country Seeds (Japan and the
        // United States, called by every run, seeded again); the topic Seeds and TopicSeeding calls above; no Final; one
        // Retire to the world, its 4 countries and 16 topics.
        Assert.Equal(
            ["country Retire 4", "country Seed 8", "topic Retire 16", "topic Seed 18",
             "world Retire 1", "world RunSample 3", "world TopicSeeding 2"],
            fixture.Calls.Lifecycle(lane.Value));
        Assert.Equal(["country 4", "topic 18", "world 1"], fixture.Calls.Activations(lane.Value));
        Assert.Equal(["Read topic", "Read topic", "Read topic-checkpoint", "Read topic-checkpoint"],
            fixture.Storage.CallsOn(lane.Value).Select(c => $"{c.Operation} {c.StateName}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_lanes_topic_lost_where_storage_holds_an_older_worlds_table_takes_its_seeding_from_its_world()
    {
        // A durable world seeded under the lane's key before (a study written to storage, stopped part way) left its
        // topics' tables in storage: here the FTA world with one agreement more, stale-fta on bilateral-fta. The lane's
        // world, kept in memory, then runs samples 0 and 1 of a study of seed 1, as in the test above; after sample 0
        // bilateral-fta's and defense-procurement's grains are deactivated. Sample 1's calls, which carry no in-memory
        // mark, activate them again, and each reads the older table from storage: seeded, but nothing of this run. Each
        // takes its seeding from its world instead (2 TopicSeeding calls), so stale-fta is in no sample's final world,
        // and the study is the pure model's.
        var loaded = Fta($"stale-topic-{Guid.NewGuid():N}");
        var options = new StudyOptions(2, 1, 1, Engine.Grains);
        var lane = WorldKey.Lane(loaded.Scenario.Id, options.Seed, 0);
        var template = loaded.World.Agreements.Single(a => a.Id == "nk-maximum-pressure");
        var stale = template with { Id = "stale-fta", Terms = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("bilateral-fta", 50.0)]) };
        var durable = fixture.Client.GetGrain<IWorldGrain>(lane.Value);
        await durable.Seed(loaded.World with { Id = lane.Value, Agreements = [.. loaded.World.Agreements, stale] });
        await fixture.Cluster.DeactivateAsync(durable);
        var study = await WhatIfStudy.RunAsync(loaded, options, LosingThePackagesTopicsAfterTheFirstSample(lane),
            endLane: SampleRuns.EndInGrains(fixture.Client));

        var local = await WhatIfStudy.RunAsync(loaded, options with { Engine = Engine.Local }, SampleRuns.Local);
        Assert.Equal(StudyFiles.Json(local with { Engine = Engine.Grains }), StudyFiles.Json(study));
        Assert.Contains("world TopicSeeding 2", fixture.Calls.Lifecycle(lane.Value));
    }

    [Fact]
    public async Task A_lanes_country_lost_while_it_held_the_next_samples_seeding_takes_it_from_its_world()
    {
        // Two samples in one lane: the FTA scenario, whose run calls Japan and the United States alone, so China's grain
        // is left holding its seeding (the same actor, no position, in both samples); then the silo deactivates China's
        // grain, and the second sample, a scenario of the same world in which the United States asks China alone for
        // north-korea-sanctions at 90 (China, holding no position on it, accepts as indifferent: the pure model's run,
        // asserted below), reaches it. Its new activation holds nothing of the run: it asks its world for its seeding
        // (1 world CountrySeeding call), and the run gives the pure model's bytes. Country Seeds: 4, then the 2 the first
        // run called: 6. Activations: 4 countries and China again, 5. Storage: China's new activation began under a call
        // without the in-memory mark, so it read its two states, found nothing, and kept them in memory from its seeding
        // on: 2 reads, nothing written.
        var (second, local) = await LosingChinaBetweenTwoSamplesAsync($"lost-country-{Guid.NewGuid():N}", stale: false);

        Assert.Contains(local.Timeline, e => e is { Kind: EventKind.Accept, Actor: "CN" });
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(second.Run));
        Assert.Equal(RunFiles.State(local), RunFiles.State(second.Run));
        Assert.Equal(["country Seed 6", "topic Seed 16", "world CountrySeeding 1", "world RunSample 2"], fixture.Calls.Lifecycle(second.Key.Value));
        Assert.Equal(["country 5", "topic 16", "world 1"], fixture.Calls.Activations(second.Key.Value));
        Assert.Equal(["Read country", "Read country-checkpoint"],
            fixture.Storage.CallsOn(second.Key.Value).Select(c => $"{c.Operation} {c.StateName}").Order(StringComparer.Ordinal));
        await SampleRuns.EndInGrains(fixture.Client)(second.Key);
    }

    [Fact]
    public async Task A_lanes_country_lost_where_storage_holds_an_older_worlds_delegation_takes_its_seeding_from_its_world()
    {
        // As the test above, after a durable world seeded under the lane's key left China's delegation in storage with
        // capability 0.99 (the world file gives 0.7). China's new activation reads it: seeded, but nothing of this run, so
        // it takes its seeding from its world (1 CountrySeeding call), and the second run's final world, which lists
        // China's capability, is the pure model's: 0.7.
        var (second, local) = await LosingChinaBetweenTwoSamplesAsync($"stale-country-{Guid.NewGuid():N}", stale: true);

        Assert.Equal(0.7, local.Final.Actors.Single(a => a.Id == "CN").Capability);
        Assert.Equal(RunFiles.State(local), RunFiles.State(second.Run));
        Assert.Contains("world CountrySeeding 1", fixture.Calls.Lifecycle(second.Key.Value));
        await SampleRuns.EndInGrains(fixture.Client)(second.Key);
    }

    /// <summary>
    /// Runs the FTA scenario and then china-asked (the United States asks China for north-korea-sanctions at 90) as two
    /// samples of one lane, lane <paramref name="id"/>, deactivating China's country grain between them; with
    /// <paramref name="stale"/>, a durable world seeded under the lane's key first leaves China's delegation in storage
    /// with capability 0.99. Answers the second run with its lane, and the pure model's run of china-asked.
    /// </summary>
    private async Task<((RunResult Run, WorldKey Key) Second, RunResult Local)> LosingChinaBetweenTwoSamplesAsync(string id, bool stale)
    {
        var loaded = Fta(id);
        var asked = SummitProposals.Load("china-asked", "ask-china", "{ from: US, to: [CN], terms: { north-korea-sanctions: 90 } }");
        var lane = WorldKey.Lane(loaded.Scenario.Id, 1, 0);
        if (stale)
        {
            var durable = fixture.Client.GetGrain<IWorldGrain>(lane.Value);
            await durable.Seed(loaded.World with
            {
                Id = lane.Value,
                Actors = [.. loaded.World.Actors.Select(a => a.Id == "CN" ? a with { Capability = 0.99 } : a)],
            });
            await fixture.Cluster.DeactivateAsync(durable);
        }
        var runner = SampleRuns.InGrains(fixture.Client);

        await runner(loaded, lane, CancellationToken.None);
        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<ICountryGrain>(lane.Country("CN")));
        var second = await runner(asked, lane, CancellationToken.None);

        return ((second, lane), await ScenarioRun.LocallyAsync(asked));
    }

    /// <summary>
    /// Runs each sample in grains as a study does, and after the first deactivates the grains of lane
    /// <paramref name="lane"/>'s two topics that the FTA study's package covers, bilateral-fta and defense-procurement.
    /// </summary>
    private SampleRun LosingThePackagesTopicsAfterTheFirstSample(WorldKey lane)
    {
        var inGrains = SampleRuns.InGrains(fixture.Client);
        var ran = 0;
        return async (sample, key, cancellation) =>
        {
            var run = await inGrains(sample, key, cancellation);
            if (Interlocked.Increment(ref ran) == 1)
            {
                await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<ITopicGrain>(lane.Topic("bilateral-fta")));
                await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<ITopicGrain>(lane.Topic("defense-procurement")));
            }
            return run;
        };
    }

    [Fact]
    public async Task A_lane_whose_grain_is_lost_mid_sample_fails_the_study_loudly_and_every_lane_is_still_retired()
    {
        // Japan's country grain in lane 0 is deactivated after its first call of an advance: the sample's world finds
        // the loss (the answers name another activation, or the new one holds nothing) and the study fails, as a lost
        // sample world failed it before lanes. Both lanes are retired all the same: a Retire reaches each lane's world.
        var loaded = Fta($"lost-mid-{Guid.NewGuid():N}");
        var options = new StudyOptions(4, 13, 2, Engine.Grains);
        var lane = WorldKey.Lane(loaded.Scenario.Id, options.Seed, 0);
        fixture.Deactivations.After(GrainId.Create("country", lane.Country("JP")), 1);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            WhatIfStudy.RunAsync(loaded, options, SampleRuns.InGrains(fixture.Client), endLane: SampleRuns.EndInGrains(fixture.Client)));

        var lanes = LanesOf(loaded, options.Seed);
        Assert.Equal(2, fixture.Calls.On(lanes).Count(c => c is { Method: "Retire" } && c.Grain.Type.ToString() == "world"));
    }

    [Fact]
    public void Lanes_take_the_silos_in_turn_as_each_is_first_seen_and_keep_theirs()
    {
        // Two silos, four lanes first seen in the order 2, 0, 3, 1: the 1st and 3rd seen take silo A, the 2nd and 4th
        // silo B, so lanes 2 and 3 are on A, lanes 0 and 1 on B, two each; a lane asked again keeps its silo.
        var a = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
        var b = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);
        var spread = new LaneSilos([a, b]);
        WorldKey Lane(int n) => WorldKey.Lane("spread", 1, n);

        Assert.Equal([a, b, a, b], new[] { 2, 0, 3, 1 }.Select(n => spread.For(Lane(n))));
        Assert.Equal([b, b, a, a], new[] { 0, 1, 2, 3 }.Select(n => spread.For(Lane(n))));
        Assert.Throws<ArgumentException>(() => new LaneSilos([]));
    }
}
