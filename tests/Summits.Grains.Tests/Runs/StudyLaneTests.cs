using System.Net;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A study in grains runs its samples in lanes, one world per run in flight, seeded again for each sample: what that
/// saves is counted in activations (the silo's call recorder notes the activation that served each call), and what it
/// must keep is checked against the pure model, byte for byte, also when a lane's grains are lost between samples.
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
    public async Task A_study_activates_each_lanes_grains_once_seeds_them_again_for_each_sample_and_retires_them_once()
    {
        // 6 samples in 2 lanes. Activations: a world grain and 4 countries and 16 topics per lane, 2 * 21 = 42; one world
        // per sample made 6 * 21 = 126. Calls besides the advances': per sample one RunSample to the world, which seeds,
        // starts, runs and reads itself back with no call to itself, a Seed to each of its 20 grains and a Final to each
        // grain its run changed; per lane, at the end, a Retire to the world and to each of its 20 grains: 6 * 4 = 24
        // country Seeds and 2 * 4 = 8 country Retires, 6 * 16 = 96 topic Seeds and 2 * 16 = 32 topic Retires, 6 world
        // RunSamples and 2 world Retires. Every run changes Japan and the United States (Japan evaluates the ask, the
        // United States proposes it), 6 * 2 = 12 country Finals. The topic Finals are the topics each sample's run
        // changed, counted from the pure model's run of each sample as the topics whose holders or agreements (id, status,
        // parties, terms) end otherwise than they began: the package's two, bilateral-fta and defense-procurement, in the
        // one run where Japan accepts it. The lanes take samples from one count, so on a loaded machine one lane can take
        // all 6 before the other asks for its first: that lane's world then activates only to be retired, with no
        // country or topic to activate or retire. Counted per lane that ran a sample (1 or 2 of them, r): 4r countries,
        // 16r topics and 2 worlds; 4r country Retires and 16r topic Retires.
        var loaded = Fta($"lanes-{Guid.NewGuid():N}");
        var options = new StudyOptions(6, 11, 2, Engine.Grains);

        var study = await WhatIfStudy.RunAsync(loaded, options, SampleRuns.InGrains(fixture.Client), endLane: SampleRuns.EndInGrains(fixture.Client));

        var lanes = LanesOf(loaded, options.Seed);
        var ran = new[] { "0", "1" }.Count(lane => fixture.Calls.Lifecycle(lanes + lane).Any(c => c.StartsWith("world RunSample ", StringComparison.Ordinal)));
        Assert.InRange(ran, 1, 2);
        Assert.Equal([$"country {4 * ran}", $"topic {16 * ran}", "world 2"], fixture.Calls.Activations(lanes));
        var changedTopics = 0;
        for (var i = 0; i < options.Runs; i++)
        {
            var sampled = await ScenarioRun.LocallyAsync(WhatIfStudy.Sample(loaded, options.Seed, i).Sample);
            changedTopics += sampled.Start.Topics.Count(t => TopicAsHeld(sampled.Start, t.Id) != TopicAsHeld(sampled.Final, t.Id));
        }
        Assert.Equal(2, changedTopics);
        Assert.Equal(
            ["country Final 12", $"country Retire {4 * ran}", "country Seed 24", $"topic Final {changedTopics}",
             $"topic Retire {16 * ran}", "topic Seed 96", "world Retire 2", "world RunSample 6"],
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
