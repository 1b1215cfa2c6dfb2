using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// Scenarios run server-side in world grains, and give the same run as the pure model. A world grain runs an autonomous
/// step (rounds, spatial-model turns) on its copy of the world in the pure model and hands the result back to its
/// countries and topics at each checkpoint and at the step's end: after each, every grain holds what the pure model holds.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainRunTests(ClusterFixture fixture)
{
    private readonly InProcessTestCluster _cluster = fixture.Cluster;

    [Theory]
    [MemberData(nameof(SeedFiles.WhatIfFiles), MemberType = typeof(SeedFiles))]
    public async Task A_run_in_grains_writes_the_same_bytes_as_the_pure_model(string file)
    {
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", file));
        var local = await ScenarioRun.LocallyAsync(loaded);
        var hosted = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(Key()));

        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
        Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
        Assert.Equal(0, hosted.Failures);
    }

    [Fact]
    public async Task Two_runs_in_grains_with_the_same_seed_write_the_same_bytes()
    {
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "china-role-shift.yaml"));
        var first = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(Key()));
        var second = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(Key()));
        Assert.Equal(RunFiles.Timeline(first), RunFiles.Timeline(second));
        Assert.Equal(RunFiles.State(first), RunFiles.State(second));
    }

    [Fact]
    public async Task A_run_survives_the_deactivation_of_every_grain_between_advances()
    {
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var expected = RunFiles.Timeline(await ScenarioRun.LocallyAsync(loaded));
        var key = Key();
        var world = _cluster.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);

        Advance advance;
        var step = 0;
        do
        {
            advance = await world.Advance(step++);
            IAddressable[] grains =
            [
                world,
                .. loaded.World.Actors.Select(a => _cluster.Client.GetGrain<ICountryGrain>(WorldKey.Of(key).Country(a.Id))),
                .. loaded.World.Topics.Select(t => _cluster.Client.GetGrain<ITopicGrain>(WorldKey.Of(key).Topic(t.Id))),
            ];
            await Task.WhenAll(grains.Select(g => _cluster.DeactivateAsync(g)));
        }
        while (!advance.Finished);

        var timeline = await world.WholeTimelineAsync();
        var run = new RunResult(loaded, loaded.World, loaded.World, timeline, advance.Failures);
        Assert.Equal(expected, RunFiles.Timeline(run));
    }

    [Fact]
    public async Task Delivering_the_same_proposal_twice_to_a_country_grain_changes_nothing_the_second_time()
    {
        var key = Key();
        var world = WorldFile.Load(SeedFiles.World) with { Id = key };
        await _cluster.Client.GetGrain<IWorldGrain>(key).Seed(world);
        var japan = _cluster.Client.GetGrain<ICountryGrain>(WorldKey.Of(key).Country("JP"));
        var proposal = new Proposal("ask", "US", ["JP"], [new Term("bilateral-fta", 80)], AgreementRule.Unanimity, 0, 0.8, ProposalKind.Scripted, "ask");

        var attempt = new AdvanceAttempt(0, Guid.NewGuid());
        var first = (await japan.Evaluate(proposal, [], null, [Exchange.None], ModelParameters.Default, attempt)).Value;
        var after = (await japan.PositionOn("bilateral-fta", attempt)).Value!.Value;
        var second = (await japan.Evaluate(proposal, [], null, [Exchange.None], ModelParameters.Default, attempt)).Value;

        Assert.Equal(first.Response, second.Response);
        Assert.Equal(first.Moves.ToArray(), second.Moves.ToArray());
        Assert.Equal(first.Counter.ToArray(), second.Counter.ToArray());
        Assert.NotEqual(world.Positions.Single(p => p is { Actor: "JP", Topic: "bilateral-fta" }).Value, after);
        Assert.Equal(after, (await japan.PositionOn("bilateral-fta", attempt)).Value!.Value);
        Assert.Equal("ask", Assert.Single(first.Moves).Cause);
    }

    [Fact]
    public async Task A_shock_delivered_twice_to_a_country_grain_is_applied_once()
    {
        var key = Key();
        await _cluster.Client.GetGrain<IWorldGrain>(key).Seed(WorldFile.Load(SeedFiles.World) with { Id = key });
        var japan = _cluster.Client.GetGrain<ICountryGrain>(WorldKey.Of(key).Country("JP"));
        var up = new ShockChange(ShockTarget.Position, "JP", "bilateral-fta", null, null, 10, null);

        var attempt = new AdvanceAttempt(0, Guid.NewGuid());
        var first = (await japan.Shock("jolt#1", up, "jolt", [], ModelParameters.Default, attempt)).Value;
        var again = (await japan.Shock("jolt#1", up, "jolt", [], ModelParameters.Default, attempt)).Value;
        await japan.Commit(attempt, calls: 2);

        // Japan's position on the FTA is seeded at 20: +10 once leaves 30, not 40, in the grain and in storage.
        Assert.Equal((20.0, 30.0), (first.Before, first.After));
        Assert.Equal(first, again);
        await _cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(30, (await japan.Get()).Positions.Single(p => p.Topic == "bilateral-fta").Value.Value);
    }

    [Fact]
    public async Task A_status_change_delivered_again_to_a_topic_grain_after_a_later_one_is_not_applied_twice()
    {
        var key = Key();
        await _cluster.Client.GetGrain<IWorldGrain>(key).Seed(WorldFile.Load(SeedFiles.World) with { Id = key });
        var table = _cluster.Client.GetGrain<ITopicGrain>(WorldKey.Of(key).Topic("usfj-realignment"));
        var strain = new CommitmentChange("usfj-realignment-okinawa", "usfj-realignment", "JP", AgreementStatus.Strained, "jolt", "");
        var recover = new CommitmentChange("usfj-realignment-okinawa", "usfj-realignment", "JP", AgreementStatus.Holding, "ease", "");

        var attempt = new AdvanceAttempt(0, Guid.NewGuid());
        var first = (await table.Apply("jolt/changes-1", [strain], attempt)).Value;
        await table.Apply("ease/changes-2", [recover], attempt);
        var again = (await table.Apply("jolt/changes-1", [strain], attempt)).Value;

        // The seed's agreement holds; strained, then holding again; the strain delivered again is answered as
        // the first time and changes nothing, so the agreement still holds.
        Assert.Equal([strain], first.ToArray());
        Assert.Equal(first.ToArray(), again.ToArray());
        var agreement = (await table.GetDuring(attempt)).Value.Agreements.Single(a => a.Id == "usfj-realignment-okinawa");
        Assert.Equal(AgreementStatus.Holding, agreement.Status);
    }

    [Fact]
    public async Task An_agreement_and_its_changes_delivered_again_to_a_topic_grain_are_recorded_and_applied_once()
    {
        var key = Key();
        await _cluster.Client.GetGrain<IWorldGrain>(key).Seed(WorldFile.Load(SeedFiles.World) with { Id = key });
        var table = _cluster.Client.GetGrain<ITopicGrain>(WorldKey.Of(key).Topic("usfj-realignment"));
        var newer = new Agreement("usfj-newer", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("usfj-realignment", 50.0)]),
            ["JP", "US"], AgreementRule.Unanimity, AgreementStatus.Holding, "usfj-newer", null, "accepted by JP and US under unanimity");
        var strain = new CommitmentChange("usfj-realignment-okinawa", "usfj-realignment", "JP", AgreementStatus.Strained, "usfj-newer", "");

        var attempt = new AdvanceAttempt(0, Guid.NewGuid());
        var first = await table.RecordApplying(newer, "usfj-newer/changes-1", [strain], attempt);
        var again = await table.RecordApplying(newer, "usfj-newer/changes-1", [strain], attempt);

        // Delivered twice in one advance, as a retried call is: the first answer applies the strain to the seed's
        // agreement, the second answers the same and changes nothing. The table then holds the seed's agreement,
        // strained by JP once, and the newer agreement once, after it.
        Assert.Equal([strain], first.Value.ToArray());
        Assert.Equal(first.Value.ToArray(), again.Value.ToArray());
        var agreements = (await table.GetDuring(attempt)).Value.Agreements;
        Assert.Equal(["usfj-realignment-okinawa", "usfj-newer"], agreements.Select(a => a.Id).ToArray());
        Assert.Equal(AgreementStatus.Strained, agreements[0].Status);
        Assert.Equal(["JP"], agreements[0].Strayed!.ToArray());
    }

    [Fact]
    public async Task The_timeline_the_world_grain_keeps_in_its_pages_holds_every_change_of_its_grains_with_its_cause()
    {
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "okinawa-realignment-friction.yaml"));
        var key = Key();
        var run = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(key));
        var stored = await _cluster.Client.GetGrain<IWorldGrain>(key).WholeTimelineAsync();
        Assert.Equal(run.Timeline.Select(SeedWorlds.Json), stored.Select(SeedWorlds.Json));

        // Japan's position on each topic is where the last move of the timeline left it.
        var japan = await _cluster.Client.GetGrain<ICountryGrain>(WorldKey.Of(key).Country("JP")).Get();
        foreach (var last in stored.Where(e => e is { Kind: EventKind.Move, Actor: "JP" }).GroupBy(e => e.Topic).Select(g => g.Last()))
            Assert.Equal(last.After, japan.Positions.Single(p => p.Topic == last.Topic).Value.Value);

        // The shock leaves Japan 21 points from the agreed 76, beyond two windows (2 · 9.5): breached at once,
        // which the table holds as the agreement's status and the timeline as the change with its cause.
        var table = await _cluster.Client.GetGrain<ITopicGrain>(WorldKey.Of(key).Topic("usfj-realignment")).Get();
        Assert.Equal(AgreementStatus.Breached, table.Agreements.Single(a => a.Id == "usfj-realignment-okinawa").Status);
        var breach = Assert.Single(stored, e => e.Kind is EventKind.AgreementBreached or EventKind.AgreementStrained or EventKind.AgreementRestored
            && e.Why!.StartsWith("usfj-realignment-okinawa:", StringComparison.Ordinal));
        Assert.Equal((EventKind.AgreementBreached, "local-opposition"), (breach.Kind, breach.Cause));
    }

    [Fact]
    public async Task A_world_of_200_actors_and_50_topics_runs_10_autonomous_rounds_in_grains()
    {
        var world = WorldGenerator.Generate(200, 50, 1);
        var scenario = new Scenario("large", "", 1, ModelParameters.Default, [new RoundsStep("bargain", 0, 10, [], AgreementRule.Unanimity)]);
        var loaded = new LoadedScenario("generated", "generated", scenario, world);
        var run = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(Key()));

        var rounds = run.Timeline.Count(e => e.Kind == EventKind.Round);
        Assert.True(rounds == 10 || run.Timeline[^1].Kind == EventKind.Converged, $"{rounds} rounds and no convergence");
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Proposal);
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Move);
        Assert.Equal(10_000, run.Final.Positions.Length);
    }

    [Fact]
    public async Task The_soe_18_world_bargaining_to_convergence_in_grains_writes_the_pure_models_bytes()
    {
        var loaded = ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "bench", "soe-18-converge.yaml"));
        var local = await ScenarioRun.LocallyAsync(loaded);
        var hosted = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(Key()));

        // 471 rounds, the count the pure model converges in (docs/performance.md, figure 5): both runs went the whole way.
        Assert.Equal(471, hosted.Timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
        Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
    }

    [Fact]
    public async Task A_generated_world_bargaining_in_grains_writes_the_pure_models_bytes()
    {
        var world = WorldGenerator.Generate(40, 6, seed: 14, "generated-40x6");
        var loaded = new LoadedScenario("generated", "generated",
            new Scenario("bargain", "", 14, ModelParameters.Default, [new RoundsStep("bargain", 1, 12, [], AgreementRule.Unanimity)]), world);
        var local = await ScenarioRun.LocallyAsync(loaded);
        var hosted = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(Key()));

        Assert.Contains(hosted.Timeline, e => e.Kind == EventKind.Move);
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
        Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
    }

    [Fact]
    public async Task After_every_advance_of_a_run_checkpointed_every_advance_each_grain_holds_what_the_pure_model_holds()
    {
        // A shock, two proposals, then two rounds: the rounds run on the world's copy and hand it back at each checkpoint.
        await AssertGrainsFollowThePureModelAsync(fixture, RetriedRun.Parse(ExactlyOnceAdvanceTests.Short), Key());
    }

    /// <summary>
    /// Runs <paramref name="loaded"/> in grains and in the pure model side by side, one advance at a time, comparing each
    /// advance's events with the pure model's, and after each advance that is a checkpoint (every
    /// <paramref name="checkpointEvery"/>-th, and the last) every country's state in its grain's memory (<c>Get</c>) with
    /// the pure model's, and after each checkpoint or step's end every topic's, byte for byte as the Orleans serializer
    /// writes them. Between them an autonomous step's changes are in the world's copy alone; a country's, handed back
    /// between two checkpoints, stay with the world until the country's next call carries them or the checkpoint writes
    /// them, so a country is compared at checkpoints only.
    /// </summary>
    internal static async Task AssertGrainsFollowThePureModelAsync(ClusterFixture fixture, LoadedScenario loaded, string key, int checkpointEvery = 1)
    {
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        var grains = fixture.Cluster.Client;
        var world = grains.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);
        var local = new LocalWorld(loaded.World);
        var state = RunState.Begin(loaded.Scenario, loaded.World);
        var runner = new ScenarioRunner(local, state);
        var advances = 0;
        var compared = 0;
        while (!state.Finished)
        {
            local.BeginAdvance();
            var step = state.NextStep;
            var expected = await runner.AdvanceAsync();
            var advance = await world.Advance(advances++);
            Assert.True(Same(serializer, expected, advance.Events), $"advance {advances}'s events");
            if (advances % checkpointEvery != 0 && !state.Finished && state.NextStep == step)
                continue;
            compared++;
            var checkpoint = advances % checkpointEvery == 0 || state.Finished;
            foreach (var actor in checkpoint ? loaded.World.Actors : [])
            {
                var held = await grains.GetGrain<ICountryGrain>(WorldKey.Of(key).Country(actor.Id)).Get();
                var country = local.Country(actor.Id);
                var positions = (await Task.WhenAll(loaded.World.Topics.Select(t => country.PositionOn(t.Id))))
                    .OfType<Position>().OrderBy(p => p.Topic, StringComparer.Ordinal).ToArray();
                Assert.True(Same(serializer, await country.Actor(), held.Actor), $"advance {advances}: {actor.Id}'s actor");
                Assert.True(Same(serializer, positions, held.Positions.ToArray()), $"advance {advances}: {actor.Id}'s positions");
            }
            foreach (var topic in loaded.World.Topics)
            {
                var held = await grains.GetGrain<ITopicGrain>(WorldKey.Of(key).Topic(topic.Id)).Get();
                Assert.True(Same(serializer, await local.Topic(topic.Id).Get(), held), $"advance {advances}: {topic.Id}'s table");
            }
        }
        Assert.True(compared > 0);
    }

    private static bool Same<T>(Serializer serializer, T expected, T actual) =>
        serializer.SerializeToArray(expected).AsSpan().SequenceEqual(serializer.SerializeToArray(actual));

    private static string Key() => $"run-{Guid.NewGuid():N}";
}
