using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>
/// What a grain stores does not grow with the length of a run: the timeline is kept once, in its pages,
/// and the world, country and topic grains keep only what later steps read.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BoundedStateTests(ClusterFixture fixture)
{
    private const int Cycles = 200;

    // One cycle, three advances, the same each time (the ids aside):
    // 1. a shock moves Japan on USFJ realignment from 80 to 50: 26 from the agreed 76, beyond its window
    //    5 + 45·(1 − 0.7) = 18.5 but within two windows (37), so the agreement is strained; and it puts Japan
    //    back at 20 on the FTA;
    // 2. the US asks Japan for the FTA at 80: 60 from Japan's 20, far beyond its window 5 + 45·(1 − 0.75) =
    //    16.25, so Japan rejects, counters and moves a little toward 80;
    // 3. a shock moves Japan back to 80 on USFJ realignment: 4 from 76, inside its window, and the US at 72 is
    //    4 from it, inside its own 5 + 45·0.5 = 27.5, so the agreement holds again.
    // Every cycle proposes once, moves Japan four times and changes the agreement's status twice: a state
    // that kept what the run did (the ids delivered, each move, each change of status) would grow by every
    // one of them, cycle after cycle.
    private static Scenario Scenario()
    {
        var steps = ImmutableArray.CreateBuilder<Step>();
        for (var n = 1; n <= Cycles; n++)
        {
            steps.Add(new ShockStep($"strain-{n}", 0, "opposition in Okinawa",
            [
                new ShockChange(ShockTarget.Position, "JP", "usfj-realignment", null, 50, null, null),
                new ShockChange(ShockTarget.Position, "JP", "bilateral-fta", null, 20, null, null),
            ]));
            steps.Add(new ProposeStep($"ask-{n}", 0, "US", ["JP"], [new Term("bilateral-fta", 80)], AgreementRule.Unanimity, null));
            steps.Add(new ShockStep($"ease-{n}", 0, "opposition in Okinawa fades",
                [new ShockChange(ShockTarget.Position, "JP", "usfj-realignment", null, 80, null, null)]));
        }
        return new Scenario("long-run", "", 1, ModelParameters.Default, steps.ToImmutable());
    }

    [Fact]
    public async Task A_run_of_hundreds_of_steps_stores_no_more_at_its_end_than_after_its_first_cycles()
    {
        var key = $"bounded-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(SeedWorlds.Fresh() with { Id = key });
        await world.Start(Scenario());

        var sizes = new List<StoredSizes>();
        var step = 0;
        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            for (var k = 0; k < 3; k++)
                await world.Advance(step++);
            sizes.Add(await SizesAsync(key));
        }

        // The run did what the cycle says, every time: the strain and the recovery, the rejection and the move.
        var timeline = await world.WholeTimelineAsync();
        Assert.Equal(Cycles, timeline.Count(e => e.Kind == EventKind.AgreementStrained));
        Assert.Equal(Cycles, timeline.Count(e => e.Kind == EventKind.AgreementRestored));
        Assert.Equal(Cycles, timeline.Count(e => e is { Kind: EventKind.Reject, Actor: "JP" }));
        Assert.Equal(4 * Cycles, timeline.Count(e => e is { Kind: EventKind.Move, Actor: "JP" }));

        // From cycle 10 to cycle 200 the state may grow only where a number is written longer: the ids
        // "ease-10" to "ease-200" gain one character, in the last advance's answer (its events name the id about
        // six times) while the scenario does not change; counters written as variable-length integers
        // (advances, events, the next step, pages) gain at most one byte each on crossing 128 or 16384. So at
        // most 6 + 4 = 10 bytes in the world's state; in a country's or topic's nothing (positions and statuses
        // are doubles and enum values of fixed size) but one byte in its checkpoint's advance number. 32 bytes
        // leaves room, while keeping even one delivered id per cycle ("ask-N", at least 6 bytes) would add
        // 190 · 6 = 1140 bytes to the world, and one move per cycle (two doubles and its cause) at least
        // 190 · 16 = 3040 to Japan.
        var early = sizes[9];
        var late = sizes[^1];
        Assert.True(late.World <= early.World + 32, $"the world's state grew from {early.World} to {late.World} bytes");
        Assert.True(late.Country <= early.Country + 32, $"Japan's state grew from {early.Country} to {late.Country} bytes");
        Assert.True(late.CountryCheckpoint <= early.CountryCheckpoint + 32, $"Japan's checkpoint grew from {early.CountryCheckpoint} to {late.CountryCheckpoint} bytes");
        Assert.True(late.Topic <= early.Topic + 32, $"the USFJ table grew from {early.Topic} to {late.Topic} bytes");
        Assert.True(late.TopicCheckpoint <= early.TopicCheckpoint + 32, $"the USFJ table's checkpoint grew from {early.TopicCheckpoint} to {late.TopicCheckpoint} bytes");
    }

    public static TheoryData<string, ForecastModel> Forecasts() => new()
    {
        { "summits/2017-11-06-abe-trump.yaml", ForecastModel.Bargaining },
        { "worlds/dummy-3dim.yaml", ForecastModel.Smp },
    };

    [Theory]
    [MemberData(nameof(Forecasts))]
    public async Task Every_grains_stored_state_is_no_larger_at_a_forecasts_end_than_halfway_through_it(string world, ForecastModel model)
    {
        // A forecast of up to 120 autonomous rounds (bargaining rounds, or the spatial model's turns), one advance
        // each, until it converges (the Abe–Trump world's bargaining after 101 advances, the spatial model on the
        // three-dimension dummy world after 10). It measures every state the run's grains store but the timeline's
        // pages (which hold the run's events, its output): the world's, and every country's and topic's with its
        // checkpoint, found from the storage calls of the run, halfway through the run and at its end. A state
        // first written after halfway (a topic's checkpoint, written when an agreement first changes) is not
        // compared, and a topic that made an agreement in the second half may grow by it: a run's final state
        // lists every agreement made (a table of the bargaining grows by some 200 bytes for one). As in the scripted run above, a state may grow only where a counter is written longer, at most
        // a byte for each of the few varint counters crossing 128, so 32 bytes leaves room, while keeping one
        // double per round (8 bytes) would add 8 · 50 = 400 bytes to some state over the bargaining's second half.
        const int Rounds = 120;
        var loaded = Forecast.Of(Path.Combine(Summits.Tests.SeedFiles.Root, "scenarios", world), Rounds, 0, model);
        var key = $"bounded-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<IWorldGrain>(key);
        await grain.Seed(loaded.World with { Id = key });
        await grain.Start(loaded.Scenario);

        var sizes = new List<IReadOnlyDictionary<(string State, GrainId Grain), int>>();
        var agreementCounts = new List<Dictionary<GrainId, int>>();
        var step = 0;
        Advance advance;
        do
        {
            advance = await grain.Advance(step++);
            sizes.Add(await AllSizesAsync(key));
            agreementCounts.Add(await AgreementCountsAsync(sizes[^1].Keys));
        }
        while (!advance.Finished);
        var early = sizes[sizes.Count / 2 - 1];
        var late = sizes[^1];
        var agreementsHalfway = agreementCounts[sizes.Count / 2 - 1];
        var agreements = agreementCounts[^1];

        Assert.True(step >= 10, $"the forecast ended after {step} advances");
        Assert.Contains(early.Keys, k => k.State == "world");
        Assert.Contains(early.Keys, k => k.State == "country-checkpoint");
        foreach (var (state, size) in early)
        {
            Assert.True(late.ContainsKey(state), $"{state.State} of {state.Grain} is no longer stored");
            if (agreements[state.Grain] > agreementsHalfway.GetValueOrDefault(state.Grain))
                continue;
            Assert.True(late[state] <= size + 32, $"{state.State} of {state.Grain} grew from {size} to {late[state]} bytes");
        }
    }

    /// <summary>How many agreements each topic among <paramref name="stored"/> has made so far (0 for a country or the world).</summary>
    private async Task<Dictionary<GrainId, int>> AgreementCountsAsync(IEnumerable<(string State, GrainId Grain)> stored)
    {
        var counts = new Dictionary<GrainId, int>();
        foreach (var grain in stored.Select(s => s.Grain).Distinct())
        {
            if (grain.Type.ToString() != "topic")
            {
                counts[grain] = 0;
                continue;
            }
            // A topic's state is its last commit's, in its checkpoint, once one has written it; the one stored beside it
            // before that.
            var checkpoint = new GrainState<Checkpoint<Table>>(new Checkpoint<Table>());
            await fixture.Storage.Inner.ReadStateAsync("topic-checkpoint", grain, checkpoint);
            var table = new GrainState<Table>(new Table());
            await fixture.Storage.Inner.ReadStateAsync("topic", grain, table);
            counts[grain] = (checkpoint.State?.After ?? table.State)?.Agreements.Count ?? 0;
        }
        return counts;
    }

    /// <summary>The size of every state stored for world <paramref name="key"/>'s grains but its timeline pages, by state name and grain.</summary>
    private async Task<IReadOnlyDictionary<(string State, GrainId Grain), int>> AllSizesAsync(string key)
    {
        var sizes = new Dictionary<(string, GrainId), int>();
        foreach (var stored in fixture.Storage.CallsOn(key).Where(c => c.Operation == StorageOperation.Write).Select(c => (c.StateName, c.Grain)).Distinct())
        {
            sizes[stored] = stored.StateName switch
            {
                "world" => await SizeAsync<WorldState>(stored.StateName, stored.Grain),
                "country" => await SizeAsync<Delegation>(stored.StateName, stored.Grain),
                "country-checkpoint" => await SizeAsync<Checkpoint<Delegation>>(stored.StateName, stored.Grain),
                "topic" => await SizeAsync<Table>(stored.StateName, stored.Grain),
                "topic-checkpoint" => await SizeAsync<Checkpoint<Table>>(stored.StateName, stored.Grain),
                "timeline" => -1,
                var other => throw new InvalidOperationException($"a state this test does not know: {other}"),
            };
        }
        return sizes.Where(s => s.Value >= 0).ToDictionary();
    }

    [Fact]
    public async Task The_world_stores_no_event_only_the_page_that_holds_its_last_advances_events()
    {
        // The first cycle's first advance is a shock that moves Japan (events: a move on each of two topics, a
        // strain), the run's first page, 0; its third advance adds events to page 2. Asked again for an advance,
        // the world reads its events back from that page.
        var key = $"bounded-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(SeedWorlds.Fresh() with { Id = key });
        await world.Start(Scenario());
        var first = await world.Advance(0);
        Assert.NotEmpty(first.Events);

        Assert.Equal(new AdvanceEnd(false, 0, 0), (await StoredWorldAsync(key)).LastEnd);
        Assert.Null((await StoredWorldAsync(key)).Last);
        Assert.Equal(first.Events.Select(SeedWorlds.Json), (await world.Advance(0)).Events.Select(SeedWorlds.Json));

        await world.Advance(1);
        var third = await world.Advance(2);
        Assert.Equal(new AdvanceEnd(false, 0, 2), (await StoredWorldAsync(key)).LastEnd);
        Assert.Equal(third.Events.Select(SeedWorlds.Json), (await world.Advance(2)).Events.Select(SeedWorlds.Json));
    }

    private async Task<WorldState> StoredWorldAsync(string key)
    {
        var state = new GrainState<WorldState>(new WorldState());
        await fixture.Storage.Inner.ReadStateAsync("world", GrainId.Create("world", key), state);
        return state.State ?? throw new InvalidOperationException($"storage holds no world state for {key}");
    }

    private sealed record StoredSizes(int World, int Country, int CountryCheckpoint, int Topic, int TopicCheckpoint);

    private async Task<StoredSizes> SizesAsync(string key) => new(
        await SizeAsync<WorldState>("world", GrainId.Create("world", key)),
        await SizeAsync<Delegation>("country", GrainId.Create("country", WorldKey.Of(key).Country("JP"))),
        await SizeAsync<Checkpoint<Delegation>>("country-checkpoint", GrainId.Create("country", WorldKey.Of(key).Country("JP"))),
        await SizeAsync<Table>("topic", GrainId.Create("topic", WorldKey.Of(key).Topic("usfj-realignment"))),
        await SizeAsync<Checkpoint<Table>>("topic-checkpoint", GrainId.Create("topic", WorldKey.Of(key).Topic("usfj-realignment"))));

    /// <summary>The size of a grain's state as the silo's storage serializer writes it.</summary>
    private async Task<int> SizeAsync<T>(string stateName, GrainId grain) where T : new()
    {
        var state = new GrainState<T>(new T());
        await fixture.Storage.Inner.ReadStateAsync(stateName, grain, state);
        Assert.True(state.RecordExists, $"storage holds no {stateName} state for {grain}");
        return fixture.Services.GetRequiredService<IGrainStorageSerializer>().Serialize(state.State).ToMemory().Length;
    }
}
