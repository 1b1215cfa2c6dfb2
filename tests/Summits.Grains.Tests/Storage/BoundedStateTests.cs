using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Summits.Model;

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
        var timeline = await world.Timeline();
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
        await SizeAsync<Delegation>("country", GrainId.Create("country", GrainKeys.Of(key, "JP"))),
        await SizeAsync<Checkpoint<Delegation>>("country-checkpoint", GrainId.Create("country", GrainKeys.Of(key, "JP"))),
        await SizeAsync<Table>("topic", GrainId.Create("topic", GrainKeys.Of(key, "usfj-realignment"))),
        await SizeAsync<Checkpoint<Table>>("topic-checkpoint", GrainId.Create("topic", GrainKeys.Of(key, "usfj-realignment"))));

    /// <summary>The size of a grain's state as the silo's storage serializer writes it.</summary>
    private async Task<int> SizeAsync<T>(string stateName, GrainId grain) where T : new()
    {
        var state = new GrainState<T>(new T());
        await fixture.Storage.Inner.ReadStateAsync(stateName, grain, state);
        Assert.True(state.RecordExists, $"storage holds no {stateName} state for {grain}");
        return fixture.Services.GetRequiredService<IGrainStorageSerializer>().Serialize(state.State).ToMemory().Length;
    }
}
