using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A country or topic says in each answer of an advance whether the attempt has changed it (<see cref="During{T}"/>),
/// and the world commits only those that said so: a topic an advance only read costs no commit. A retry whose first
/// call reads a grain its failed try had written goes back to the checkpoint and says it changed, so that its commit
/// writes the state from before the failed try over it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadOnlyGrainCommitTests(ClusterFixture fixture)
{
    private static readonly Agreement FtaDeal = new("fta-deal",
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("bilateral-fta", 50.0)]),
        ["JP", "US"], AgreementRule.Unanimity, AgreementStatus.Holding, "test", null, "made by the test");

    [Fact]
    public async Task A_topic_read_in_a_retry_after_its_failed_try_wrote_it_answers_changed_and_its_commit_writes_the_state_before()
    {
        // Try 1 of advance 0 records an agreement on the FTA table (no agreement there when seeded) and commits it: the
        // stored checkpoint is advance 0, before (none) and after (fta-deal). The world then fails the advance. Try 2
        // only reads the table: its first call goes back to the checkpoint (no agreement) and answers that the attempt
        // changed the topic, and its commit writes the checkpoint again with the state after it that has no agreement.
        // A later advance that only reads the topic answers unchanged.
        var key = $"read-retry-{Guid.NewGuid():N}";
        await fixture.Client.GetGrain<IWorldGrain>(key).Seed(WorldFile.Load(SeedFiles.World) with { Id = key });
        var topic = fixture.Client.GetGrain<ITopicGrain>(WorldKey.Of(key).Topic("bilateral-fta"));
        var first = new AdvanceAttempt(0, Guid.NewGuid());
        var recorded = await topic.Record(FtaDeal, first);
        Assert.Equal((true, true), (recorded.Value, recorded.Dirty));
        await topic.Commit(first, calls: 1);
        Assert.Equal(["fta-deal"], (await StoredAsync(key)).After!.Agreements.Select(a => a.Id));

        var retry = new AdvanceAttempt(0, Guid.NewGuid());
        var read = await topic.GetDuring(retry);

        Assert.True(read.Dirty);
        Assert.Empty(read.Value.Agreements);
        await topic.Commit(retry, calls: 0);
        var stored = await StoredAsync(key);
        Assert.Equal((0, 0, 0), (stored.Advance, stored.Before!.Agreements.Count, stored.After!.Agreements.Count));

        var next = await topic.GetDuring(new AdvanceAttempt(1, Guid.NewGuid()));
        Assert.False(next.Dirty);
    }

    [Fact]
    public async Task An_agreement_made_commits_its_topic_and_a_read_only_topic_is_not_committed()
    {
        // Advance 2 of the short fault run is Japan's japan-asks-relief: the US accepts 55 on the realignment, the
        // agreement is recorded on usfj-realignment (its table changed) and supersedes the one the shock of advance 0
        // breached. The advance reaches JP and US (proposer and recipient, both changed) and usfj-realignment (changed):
        // three commits. Advance 1, the US's fta-ask, only reads bilateral-fta: two commits, JP and US.
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.Short);
        var key = $"dirty-commits-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);
        await world.Advance(0);
        var before = fixture.Deactivations.CallsOn(key).Count;

        await world.Advance(1);
        var afterAsk = fixture.Deactivations.CallsOn(key).Count;
        var relief = await world.Advance(2);

        Assert.Contains(relief.Events, e => e is { Kind: EventKind.AgreementMade, Cause: "japan-asks-relief" });
        Assert.Equal(["country/JP", "country/US"], Commits(key, before, afterAsk));
        Assert.Equal(["country/JP", "country/US", "topic/usfj-realignment"], Commits(key, afterAsk, int.MaxValue));
    }

    /// <summary>The grains committed among calls <paramref name="from"/> to <paramref name="to"/> (exclusive) of world <paramref name="key"/>, sorted.</summary>
    private string[] Commits(string key, int from, int to) =>
        [.. fixture.Deactivations.CallsOn(key).Take(to).Skip(from).Where(c => c.Method == "Commit")
            .Select(c => $"{c.Grain.Type}{c.Grain.Key.ToString()![key.Length..]}")
            .Order(StringComparer.Ordinal)];

    private async Task<Checkpoint<Table>> StoredAsync(string key)
    {
        var state = new GrainState<Checkpoint<Table>>(new Checkpoint<Table>());
        await fixture.Storage.Inner.ReadStateAsync("topic-checkpoint", GrainId.Create("topic", WorldKey.Of(key).Topic("bilateral-fta")), state);
        Assert.True(state.RecordExists);
        return state.State!;
    }
}
