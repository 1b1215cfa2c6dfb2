using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Summits.Model;

namespace Summits.Grains.Tests;

/// <summary>
/// Today's code reads grain state that an earlier version stored. The sample under <c>Storage/Samples</c>
/// was written once, by the code of the commit its name and its <c>writtenBy</c> give, and is never
/// written again: when a change to a stored type makes this test fail, the change is what must give way.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoredStateCompatibilityTests(ClusterFixture fixture)
{
    private const string World = "stored-state-sample";

    private const string SampleFile = "stored-state-16f60a9.json";

    [Fact]
    public void The_sample_is_the_one_written_by_the_earlier_version()
    {
        // The hash of the file as it was committed; a changed sample is a new sample, not this one.
        Assert.Equal("e92cf450b7005c2a2c0ffc87bae8bb1b777f662bab5d242ed26b4e67014a3d62", StoredStateSample.Sha256(StoredStateSample.PathOf(SampleFile)));
    }

    [Fact]
    public async Task State_stored_by_the_earlier_version_reads_back_and_its_run_carries_on_to_the_end()
    {
        var sample = StoredStateSample.Load(SampleFile);
        Assert.Contains("16f60a9375e91e089a8f65e3646490e69aa70a40", sample.WrittenBy, StringComparison.Ordinal);
        var serializer = fixture.Services.GetRequiredService<IGrainStorageSerializer>();
        foreach (var grain in sample.Grains)
        {
            var bytes = grain.Data;
            await (grain.StateName switch
            {
                "world" => Store(grain, serializer.Deserialize<WorldState>(bytes)),
                "country" => Store(grain, serializer.Deserialize<Delegation>(bytes)),
                "topic" => Store(grain, serializer.Deserialize<Table>(bytes)),
                "timeline" => Store(grain, serializer.Deserialize<TimelinePage>(bytes)),
                _ => throw new InvalidDataException($"the sample holds a state named '{grain.StateName}' that no grain keeps"),
            });
        }

        var world = fixture.Client.GetGrain<IWorldGrain>(World);
        var info = await world.Info();
        Assert.Equal(["JP", "US", "CN", "KP"], info.Actors.ToArray());
        // The seed world file lists 16 topics (its `topics:` section has 16 entries).
        Assert.Equal(16, info.Topics.Length);

        // The sample stops after two advances of us-presses-bilateral-fta: the US asks for the FTA at 80, Japan
        // (at 20, reservation value 36.25) rejects, counters with 36.25 and moves a little toward 80; then
        // round 1 of the bargain.
        var stored = await world.WholeTimelineAsync();
        Assert.Equal(EventKind.Proposal, stored[0].Kind);
        Assert.Equal(("US", "fta-ask"), (stored[0].Actor, stored[0].Cause));
        var reject = Assert.Single(stored, e => e is { Kind: EventKind.Reject, Cause: "fta-ask" });
        Assert.Equal("JP", reject.Actor);
        Assert.Equal(36.25, Assert.Single(reject.Terms!.Value).Value, 2);
        Assert.Equal("round 1 of 5", Assert.Single(stored, e => e.Kind == EventKind.Round).Why);
        // Japan's stored position is where the stored timeline last moved it.
        var japan = fixture.Client.GetGrain<ICountryGrain>(WorldKey.Of(World).Country("JP"));
        var lastMove = stored.Last(e => e is { Kind: EventKind.Move, Actor: "JP", Topic: "bilateral-fta" });
        Assert.Equal(20, stored.First(e => e is { Kind: EventKind.Move, Actor: "JP", Topic: "bilateral-fta" }).Before);
        Assert.Equal(lastMove.After, (await japan.Get()).Positions.Single(p => p.Topic == "bilateral-fta").Value.Value);
        // The stored timeline's moves of Japan run from 20 upward, each from where the one before left it (a
        // swap of a move's before and after in storage would show here). The sample's country state still
        // carries the move history an earlier version kept; today's reads past it.
        var moves = stored.Where(e => e is { Kind: EventKind.Move, Actor: "JP", Topic: "bilateral-fta" }).ToArray();
        Assert.All(moves, m => Assert.True(m.After > m.Before));
        Assert.Equal(moves.SkipLast(1).Select(m => m.After), moves.Skip(1).Select(m => m.Before));

        // The sample was written before worlds counted their advances: it reads as a world at advance 0.
        var step = await world.Advances();
        Assert.Equal(0, step);
        Advance advance;
        do
            advance = await world.Advance(step++);
        while (!advance.Finished);

        Assert.Equal(0, advance.Failures);
        var timeline = await world.WholeTimelineAsync();
        Assert.Equal(stored.Select(SeedWorlds.Json), timeline.Take(stored.Length).Select(SeedWorlds.Json));
        Assert.Contains(timeline, e => e is { Kind: EventKind.Proposal, Cause: "package" });
        var fta = await fixture.Client.GetGrain<ITopicGrain>(WorldKey.Of(World).Topic("bilateral-fta")).Get();
        Assert.Empty(fta.Agreements);
    }

    private Task Store<T>(StoredGrainState grain, T state) =>
        fixture.Storage.Inner.WriteStateAsync(grain.StateName, grain.GrainId, new GrainState<T>(state));
}
