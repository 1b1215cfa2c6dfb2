using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// The grain calls a world costs besides its advances' (seeding, starting, driving, reading back, retiring), counted by
/// the silo's call recorder (<see cref="GrainCalls"/>) by grain type and method: each call a world can do without is
/// asserted gone. The world of <c>us-presses-bilateral-fta</c> is the Abe–Trump summit's: 4 countries (JP, US, CN, KP)
/// and 16 topics, and its scenario runs 10 advances (the ask, 5 rounds, the package and 3 expectations).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WorldLifecycleCallsTests(ClusterFixture fixture)
{
    private static LoadedScenario Fta() =>
        ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "us-presses-bilateral-fta.yaml"));

    [Theory]
    [MemberData(nameof(SeedFiles.WhatIfFiles), MemberType = typeof(SeedFiles))]
    public async Task A_sample_of_any_what_if_scenario_read_back_from_the_grains_its_run_changed_writes_the_pure_models_bytes(string file)
    {
        // Every shipped what-if scenario run as a study's sample, one RunSample: its attempt takes every topic's seeded
        // table, its steps copy the grains it has not changed from their seeding, and its Final reads back only the
        // grains it changed, answering for the others from their seeding. A grain read from a stale seeding, or one the
        // run changed and the read-back skipped, would show in the timeline or the final state: both are the pure
        // model's, byte for byte.
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", file));
        var key = WorldKey.Of($"sample-any-{Guid.NewGuid():N}");

        var run = await SampleRuns.InGrains(fixture.Client)(loaded, key, CancellationToken.None);

        var local = await ScenarioRun.LocallyAsync(loaded);
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(local), RunFiles.State(run));
        Assert.Empty(fixture.Storage.CallsOn(key.Value));
        await SampleRuns.EndInGrains(fixture.Client)(key);
    }

    /// <summary>
    /// The commits of world <paramref name="key"/>'s countries and topics (<c>Commit</c>, <c>CommitAndGet</c>,
    /// <c>CommitHeld</c>), as <c>type id Method</c>, one per call, in ordinal order.
    /// </summary>
    private string[] CommitsOn(string key) =>
        [.. fixture.Calls.On(key).Where(c => c.Method.StartsWith("Commit", StringComparison.Ordinal))
            .Select(c => $"{c.Grain.Type} {c.Grain.Key.ToString()![(key.Length + 1)..]} {c.Method}")
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_sample_is_one_call_to_its_world_seeded_and_read_back_once_and_keeps_its_timeline_in_its_world()
    {
        // The client's one call, RunSample, in which the world seeds, starts, runs and reads itself back with no call to
        // itself. Seeding: one Seed per country (4) and topic (16). Starting reads nothing back (it used to read every
        // country and topic, 20 AsOf). The advances' calls carry an attempt and are not counted here. Reading back: no
        // call. The run changes Japan (its Evaluate of the ask and of the package) and the United States (its Propose of
        // each), and no topic: no agreement is made (the pure model's run ends with the world's 10 agreements, asserted
        // below) and no actor joins a topic. The run's one checkpoint, its last advance, commits those two with
        // CommitAndGet, which answers each country as it then holds it, and the world answers for every other from its own
        // seeding. So no Final, where there were 2 with a Final to each changed grain, and 20 before that (a Snapshot with
        // 20 AsOf, then a Retire with 20 Retires and one of the timeline page). The one timeline page stays in the world
        // grain: no timeline page grain is called. 1 + 20 = 21 calls, where there were 23 with a Final to each changed
        // grain, 41 with a Final to every grain, 44 when the client asked the world's Seed, Start, Advance and Final one
        // by one, and 96 before that.
        var loaded = Fta();
        var key = WorldKey.Of($"sample-calls-{Guid.NewGuid():N}");

        var run = await SampleRuns.InGrains(fixture.Client)(loaded, key, CancellationToken.None);

        Assert.Equal(["country Seed 4", "topic Seed 16", "world RunSample 1"], fixture.Calls.Lifecycle(key.Value));
        Assert.Equal(["country JP CommitAndGet", "country US CommitAndGet"], CommitsOn(key.Value));
        // Nor does the run read what the world knows a grain holds. Its attempt takes every topic's seeded table rather
        // than reading it (no GetDuring), and the rounds step (advances 1 to 5) copies the 4 countries and its 2 topics,
        // asking only the grains the ask (advance 0) changed, Japan and the United States, for theirs: CN, KP,
        // bilateral-fta and trade-imbalance still hold their seeding (none of the world's 10 agreements covers either
        // topic, so no other topic is copied).
        Assert.Equal(["country JP StateDuring", "country US StateDuring"],
            fixture.Calls.On(key.Value).Where(c => c is { OfAdvance: true, Method: "StateDuring" or "GetDuring" })
                .Select(c => $"{c.Grain.Type} {c.Grain.Key.ToString()![(key.Value.Length + 1)..]} {c.Method}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(fixture.Calls.On(key.Value), c => c.Grain.Type.ToString() == "timelinepage");
        // Every call of the advances, in the order each grain served them: the ask (advance 0), the United States'
        // Propose and Japan's Evaluate; the rounds (1 to 5) copy the two (StateDuring) and, ending between checkpoints,
        // keep the delegations they leave with the world, with no call; the package (advance 6) is a Propose and an
        // Evaluate that carry them; the expectations read Japan's and the United States' positions on the FTA
        // (PositionOn each: Japan moved toward the United States); the run's one checkpoint, its last advance, commits the
        // two (CommitAndGet). 5 calls to each country, no Hold, and none to a topic.
        Assert.Equal(
            ["country JP Evaluate", "country JP StateDuring", "country JP Evaluate", "country JP PositionOn", "country JP CommitAndGet",
             "country US Propose", "country US StateDuring", "country US Propose", "country US PositionOn", "country US CommitAndGet"],
            fixture.Calls.On(key.Value).Where(c => c.OfAdvance)
                .Select(c => $"{c.Grain.Type} {c.Grain.Key.ToString()![(key.Value.Length + 1)..]} {c.Method}")
                .OrderBy(c => c[..10], StringComparer.Ordinal));
        var local = await ScenarioRun.LocallyAsync(loaded);
        Assert.Equal(10, loaded.World.Agreements.Length);
        Assert.Equal(AgreementWords.All(loaded.World), AgreementWords.All(local.Final));
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(local), RunFiles.State(run));
        await SampleRuns.EndInGrains(fixture.Client)(key);
    }

    [Fact]
    public async Task Two_samples_of_one_lane_mark_only_their_seeding_and_run_the_pure_models_bytes()
    {
        // One study's runner (one InGrains) runs two samples in one lane, as a study does, the second in the grains the
        // first left active. A grain takes its storage from the call that seeds it, so only the seeding carries the
        // in-memory mark: the client's RunSample (1 a sample) and the world's Seed of each country and topic. The first
        // sample seeds all 4 countries and 16 topics; the second seeds no topic and 2 countries: the first run called no
        // topic (neither sample makes an agreement, asserted below, and the rounds ran on a copy that changed no table)
        // and no country but Japan and the United States, and the sampled worlds differ only in those two (the study
        // varies Japan's salience on the FTA, the United States' capability and strategy; China and North Korea hold no
        // position and no interval of the world file is theirs), so China, North Korea and every topic hold the second
        // sample's seeding already. 2 RunSamples, 4 + 2 country Seeds, 16 topic Seeds. Nothing else is marked: every call
        // of the advances, the commits that answer for the read-back among them; and there is nothing else that carries no
        // advance attempt (no Final).
        var loaded = Fta();
        var key = WorldKey.Of($"sample-lane-{Guid.NewGuid():N}");
        var runner = SampleRuns.InGrains(fixture.Client);
        // Samples 0 and 1 of a study of seed 5: two sampled worlds, with scenario seeds of their own.
        var samples = new[] { WhatIfStudy.Sample(loaded, 5, 0).Sample, WhatIfStudy.Sample(loaded, 5, 1).Sample };

        var first = await runner(samples[0], key, CancellationToken.None);
        var second = await runner(samples[1], key, CancellationToken.None);

        Assert.Equal(["country Seed 6", "topic Seed 16", "world RunSample 2"], fixture.Calls.Marked(key.Value));
        Assert.Equal(["country Seed 6", "topic Seed 16", "world RunSample 2"], fixture.Calls.Lifecycle(key.Value));
        Assert.Contains(fixture.Calls.On(key.Value), c => c.OfAdvance);
        // Still kept in memory: not one storage call, and the pure model's bytes, each sample its own.
        Assert.Empty(fixture.Storage.CallsOn(key.Value));
        foreach (var (sample, hosted) in samples.Zip((RunResult[])[first, second]))
        {
            var local = await ScenarioRun.LocallyAsync(sample);
            Assert.Equal(AgreementWords.All(loaded.World), AgreementWords.All(local.Final));
            Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
            Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
        }
        await SampleRuns.EndInGrains(fixture.Client)(key);
    }

    [Fact]
    public async Task A_sample_asked_again_is_answered_again_with_no_call_to_its_grains()
    {
        // A caller that lost the answer asks again, with the same world and scenario as new objects (as a retry sends
        // them): the world grain answers what it answered, the pure model's run, and its grains see nothing more than
        // one sample's seeding, 4 + 16 Seeds (the read-back calls none of them, as in the first test), beside the
        // client's 2 RunSample.
        var loaded = Fta();
        var key = $"sample-again-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);

        SampleEnd first, again;
        using (InMemoryWorlds.Begin())
        {
            first = await world.RunSample(loaded.World with { Id = key }, loaded.Scenario);
            again = await world.RunSample(loaded.World with { Id = key }, loaded.Scenario with { });
        }

        Assert.Equal(["country Seed 4", "topic Seed 16", "world RunSample 2"], fixture.Calls.Lifecycle(key));
        var local = await ScenarioRun.LocallyAsync(loaded);
        foreach (var end in (SampleEnd[])[first, again])
        {
            Assert.True(end.First.Finished);
            var sample = local with { Final = end.Final! with { Id = loaded.World.Id }, Timeline = end.First.Events, Failures = end.First.Failures };
            Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(sample));
            Assert.Equal(RunFiles.State(local), RunFiles.State(sample));
        }
        Assert.Empty(fixture.Storage.CallsOn(key));
        await world.Retire();
    }

    [Fact]
    public async Task A_lanes_next_world_that_lacks_an_agreement_seeds_again_only_the_topic_it_covered()
    {
        // Two samples in one lane: the FTA world, then the same world without nk-maximum-pressure, the one agreement on
        // north-korea (each of the world's 10 agreements covers one topic). The first run calls no topic (it makes no
        // agreement, as in the test above), so each of the 16 topics holds its seeding; the second seeding gives
        // north-korea a table without that agreement and every other topic what it holds: 16 + 1 = 17 topic Seeds. The
        // countries are the same objects in both worlds; the first run called Japan and the United States alone, so the
        // second seeds those two again: 4 + 2 country Seeds. A topic left holding the first world's agreement would show
        // in the second run's state, which is the pure model's.
        var loaded = Fta();
        var other = loaded with { World = loaded.World with { Agreements = [.. loaded.World.Agreements.Where(a => a.Id != "nk-maximum-pressure")] } };
        Assert.Equal(9, other.World.Agreements.Length);
        var key = WorldKey.Of($"sample-lacks-{Guid.NewGuid():N}");
        var runner = SampleRuns.InGrains(fixture.Client);

        await runner(loaded, key, CancellationToken.None);
        var second = await runner(other, key, CancellationToken.None);

        Assert.Equal(["country Seed 6", "topic Seed 17", "world RunSample 2"], fixture.Calls.Lifecycle(key.Value));
        Assert.Equal(RunFiles.State(await ScenarioRun.LocallyAsync(other)), RunFiles.State(second));
        await SampleRuns.EndInGrains(fixture.Client)(key);
    }

    [Fact]
    public async Task A_lanes_country_is_left_out_of_the_next_seeding_only_while_its_seeding_is_the_same()
    {
        // Three samples in one lane, the FTA scenario each time, whose run calls Japan and the United States alone. The
        // first seeds the 4 countries and 16 topics. The second world gives China the same actor made anew, its
        // affinities copied into a new dictionary: not the same record, but the same bytes, so China is left out (its
        // scenario seed is another, 43, so that the world runs it rather than answering the first sample again); Japan
        // and the United States, which the first run called, are seeded again: 2. The third gives China capability 0.75
        // where the file gives 0.7: another seeding, so China is seeded with it, beside Japan and the United States: 3.
        // Country Seeds 4 + 2 + 3 = 9; topic Seeds 16 (no run calls a topic). A China left holding the file's
        // capability would show in the third run's final world, which is the pure model's.
        var loaded = Fta();
        var china = loaded.World.Actors.Single(a => a.Id == "CN");
        LoadedScenario WithChina(Actor cn) =>
            loaded with { World = loaded.World with { Actors = [.. loaded.World.Actors.Select(a => a.Id == "CN" ? cn : a)] } };
        var copied = WithChina(china with { Affinity = china.Affinity.ToImmutableSortedDictionary(StringComparer.Ordinal) });
        copied = copied with { Scenario = copied.Scenario with { Seed = 43 } };
        var changed = WithChina(china with { Capability = 0.75 });
        var key = WorldKey.Of($"sample-china-{Guid.NewGuid():N}");
        var runner = SampleRuns.InGrains(fixture.Client);

        await runner(loaded, key, CancellationToken.None);
        await runner(copied, key, CancellationToken.None);
        var third = await runner(changed, key, CancellationToken.None);

        Assert.Equal(0.7, china.Capability);
        Assert.Equal(["country Seed 9", "topic Seed 16", "world RunSample 3"], fixture.Calls.Lifecycle(key.Value));
        var local = await ScenarioRun.LocallyAsync(changed);
        Assert.Equal(0.75, local.Final.Actors.Single(a => a.Id == "CN").Capability);
        Assert.Equal(RunFiles.State(local), RunFiles.State(third));
        await SampleRuns.EndInGrains(fixture.Client)(key);
    }

    [Fact]
    public async Task A_topic_the_last_run_called_without_changing_it_is_seeded_again_for_the_next()
    {
        // The scenario's one step is a proposal whose id is that of the seeded agreement on north-korea, at its value 93:
        // Japan accepts, and the agreement it makes has an id the table holds already, so north-korea records nothing
        // (the pure model's run reports agreement-made and ends with the world's 10 agreements as they were). The call
        // entered the run's attempt on the grain all the same, so the lane's next sample seeds north-korea again, else
        // that sample's call would find the last run's checkpoint and take the new run for a retry. Two samples: 16 topic
        // Seeds, then 1; 4 country Seeds, then the 2 the first run called, Japan and the United States; no Final.
        var loaded = SummitProposals.Load("called-unchanged", "nk-maximum-pressure", "{ from: US, to: [JP], terms: { north-korea: 93 } }");
        var key = WorldKey.Of($"called-unchanged-{Guid.NewGuid():N}");
        var runner = SampleRuns.InGrains(fixture.Client);

        await runner(loaded, key, CancellationToken.None);
        var second = await runner(loaded with { Scenario = loaded.Scenario with { Seed = 8 } }, key, CancellationToken.None);

        var local = await ScenarioRun.LocallyAsync(loaded with { Scenario = loaded.Scenario with { Seed = 8 } });
        Assert.Contains(local.Timeline, e => e.Kind == EventKind.AgreementMade);
        Assert.Equal(AgreementWords.All(loaded.World), AgreementWords.All(local.Final));
        Assert.Equal(["country Seed 6", "topic Seed 17", "world RunSample 2"], fixture.Calls.Lifecycle(key.Value));
        Assert.Equal(RunFiles.State(local), RunFiles.State(second));
        await SampleRuns.EndInGrains(fixture.Client)(key);
    }

    [Fact]
    public async Task Another_sample_with_the_same_scenario_seed_is_run_not_answered_from_the_last()
    {
        // Sample 1 of a study of seed 3 is a sampled world, with the scenario given the same seed as the first call's: only
        // the seed matches the kept answer, so the world grain compares the whole sample, finds another world, and runs
        // it, seeding again: every country and topic in the first, 4 + 16 Seeds; the first run called no topic (it makes no
        // agreement) and no country but Japan and the United States, and the sampled world has the same topics,
        // agreements, China and North Korea, so the second seeding gives only those two countries theirs: 2 country
        // Seeds. Then the pure model's run of that world. No run's read-back calls a grain: each commit of a changed
        // grain at the run's one checkpoint answers for it. The first run changes Japan and the United States (as in the
        // first test), the second the same two and, since its Japan accepts the package, the two topics the package
        // agreement covers, bilateral-fta and defense-procurement (asserted below of the pure model's run): 4 country
        // CommitAndGets and 2 topic Commits, the tables read back as the run's calls answered them.
        var loaded = Fta();
        var key = $"sample-other-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        var other = WhatIfStudy.Sample(loaded, 3, 1).Sample;
        other = other with { Scenario = other.Scenario with { Seed = loaded.Scenario.Seed } };

        SampleEnd first, second;
        using (InMemoryWorlds.Begin())
        {
            first = await world.RunSample(loaded.World with { Id = key }, loaded.Scenario);
            second = await world.RunSample(other.World with { Id = key }, other.Scenario);
        }

        Assert.Equal(["country Seed 6", "topic Seed 16", "world RunSample 2"], fixture.Calls.Lifecycle(key));
        Assert.Equal(
            ["country JP CommitAndGet", "country JP CommitAndGet", "country US CommitAndGet", "country US CommitAndGet",
             "topic bilateral-fta Commit", "topic defense-procurement Commit"],
            CommitsOn(key));
        var local = await ScenarioRun.LocallyAsync(other);
        var made = Assert.Single(local.Final.Agreements, a => !loaded.World.Agreements.Any(w => w.Id == a.Id));
        Assert.Equal(["bilateral-fta", "defense-procurement"], made.Terms.Keys);
        var hosted = local with { Final = second.Final! with { Id = other.World.Id }, Timeline = second.First.Events, Failures = second.First.Failures };
        Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
        Assert.NotEqual(RunFiles.State(local), RunFiles.State(local with { Final = first.Final! with { Id = other.World.Id } }));
        await world.Retire();
    }

    [Fact]
    public async Task A_sample_longer_than_one_answer_goes_on_call_by_call_to_the_pure_models_bytes()
    {
        // soe-18-converge runs 471 advances to 28,719 events (TimelinePageTests). A call of advances ends at the first
        // advance that brings its events to 10,000 or more (IWorldGrain.TimelineMost), and one advance of 18 actors adds
        // far fewer than 1,000, so the first two calls hold 10,000 to 10,999 events each and the third the rest, at most
        // 28,719 - 20,000 = 8,719, ending the run: RunSample's own advances, then 2 Advance calls, then the world's Final
        // (RunSample does not read back a run it did not finish). Asked again afterwards, the world has gone on and been
        // read back since its answer, so RunSample runs the sample anew: a second RunSample, with its own seeding of every
        // country and topic.
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "bench", "soe-18-converge.yaml"));
        var key = WorldKey.Of($"long-sample-{Guid.NewGuid():N}");

        var run = await SampleRuns.InGrains(fixture.Client)(loaded, key, CancellationToken.None);

        Assert.Equal(["world Advance 2", "world Final 1", "world RunSample 1"],
            fixture.Calls.Lifecycle(key.Value).Where(c => c.StartsWith("world ", StringComparison.Ordinal)));
        var local = await ScenarioRun.LocallyAsync(loaded);
        Assert.Equal(28_719, run.Timeline.Length);
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(local), RunFiles.State(run));
        var seeds = fixture.Calls.On(key.Value).Count(c => c.Method == "Seed");
        Assert.Equal(loaded.World.Actors.Length + loaded.World.Topics.Length, seeds);

        SampleEnd again;
        using (InMemoryWorlds.Begin())
            again = await fixture.Client.GetGrain<IWorldGrain>(key.Value).RunSample(loaded.World with { Id = key.Value }, loaded.Scenario);

        Assert.False(again.First.Finished);
        Assert.Equal(2 * seeds, fixture.Calls.On(key.Value).Count(c => c.Method == "Seed"));
        await SampleRuns.EndInGrains(fixture.Client)(key);
    }

    [Fact]
    public async Task A_world_kept_in_memory_answers_its_timeline_from_the_world_grain()
    {
        // Its one page is kept by the world grain: Timeline answers the run's events with no page grain behind them.
        var loaded = Fta();
        var key = WorldKey.Of($"in-memory-timeline-{Guid.NewGuid():N}");
        using (InMemoryWorlds.Begin())
        {
            var run = await ScenarioRun.InGrainsAsync(fixture.Client, loaded, key);
            var timeline = await fixture.Client.GetGrain<IWorldGrain>(key.Value).WholeTimelineAsync();
            Assert.Equal(RunFiles.Timeline(run), RunFiles.Timeline(run with { Timeline = timeline }));
        }
        Assert.DoesNotContain(fixture.Calls.On(key.Value), c => c.Grain.Type.ToString() == "timelinepage");
    }

    [Fact]
    public async Task A_durable_world_started_in_the_activation_that_seeded_it_reads_none_of_its_grains_and_runs_the_pure_models_bytes()
    {
        // The world's Seed, 4 country and 16 topic Seeds, and the world's Start: no AsOf (there were 20, one per
        // country and topic), since nothing has changed them since the world seeded them.
        var loaded = Fta();
        var key = $"durable-start-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);

        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);

        Assert.Equal(["country Seed 4", "topic Seed 16", "world Seed 1", "world Start 1"], fixture.Calls.Lifecycle(key));
        var events = new List<Model.TimelineEvent>();
        for (var step = 0; ; step++)
        {
            var advance = await world.Advance(step);
            events.AddRange(advance.Events);
            if (advance.Finished)
                break;
        }
        var local = await ScenarioRun.LocallyAsync(loaded);
        var hosted = local with { Final = (await world.Snapshot()) with { Id = loaded.World.Id }, Timeline = [.. events] };
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
        Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
    }

    [Fact]
    public async Task A_durable_world_started_in_a_new_activation_reads_its_grains_back_once()
    {
        // The world grain that seeded the world is gone (deactivated): the new one knows only what storage holds, so
        // Start reads every country (4) and topic (16) back with AsOf, as before, and starts the same run.
        var loaded = Fta();
        var key = $"durable-start-again-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await fixture.Cluster.DeactivateAsync(world);

        await world.Start(loaded.Scenario);

        Assert.Equal(
            ["country AsOf 4", "country Seed 4", "topic AsOf 16", "topic Seed 16", "world Seed 1", "world Start 1"],
            fixture.Calls.Lifecycle(key));
        var advance = await world.Advance(0);
        Assert.Contains(advance.Events, e => e is { Kind: Model.EventKind.Reject, Actor: "JP" });
    }

    [Fact]
    public async Task Final_reads_a_durable_world_back_clears_every_grains_storage_and_answers_again_the_same()
    {
        // Final reads each country and topic once (as Snapshot would) and clears both its states ("country" and
        // "country-checkpoint", "topic" and "topic-checkpoint"), the timeline pages the run wrote (one per advance with
        // events at this silo's checkpoint every advance) and the world's own state; asked again it answers the same
        // world with no call. The world's Retire then deactivates the 20 grains Final left active, with a Retire each
        // that clears nothing more: 4 * 2 + 16 * 2 + pages + 1 clears in all, as when Final retired them itself.
        var loaded = Fta();
        var key = WorldKey.Of($"durable-final-{Guid.NewGuid():N}");
        var run = await ScenarioRun.InGrainsAsync(fixture.Client, loaded, key);
        var world = fixture.Client.GetGrain<IWorldGrain>(key.Value);
        var snapshot = await world.Snapshot();
        var pages = fixture.Storage.CallsOn(key.Value).Count(c => c is { StateName: "timeline", Operation: StorageOperation.Write });
        var before = fixture.Calls.On(key.Value).Count;

        var final = await world.Final();
        var again = await world.Final();
        await world.Retire();

        var calls = fixture.Calls.On(key.Value).Skip(before).Select(c => $"{c.Grain.Type} {c.Method}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [.. Enumerable.Repeat("country Final", 4), .. Enumerable.Repeat("country Retire", 4),
             .. Enumerable.Repeat("timelinepage Retire", pages),
             .. Enumerable.Repeat("topic Final", 16), .. Enumerable.Repeat("topic Retire", 16),
             "world Final", "world Final", "world Retire"],
            calls);
        var cleared = fixture.Storage.CallsOn(key.Value).Where(c => c.Operation == StorageOperation.Clear).ToArray();
        Assert.Equal(4 * 2 + 16 * 2 + pages + 1, cleared.Length);
        var state = RunFiles.State(run with { Final = snapshot with { Id = loaded.World.Id } });
        Assert.Equal(state, RunFiles.State(run with { Final = final with { Id = loaded.World.Id } }));
        Assert.Equal(state, RunFiles.State(run with { Final = again with { Id = loaded.World.Id } }));
    }
}
