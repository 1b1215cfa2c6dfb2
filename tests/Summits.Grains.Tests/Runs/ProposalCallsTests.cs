using Summits.Model;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>
/// The grain calls one scripted proposal costs, counted by the silo's call filter (<see cref="CallDeactivations"/>,
/// which sees every call that carries an advance's attempt): each call the runner can do without is asserted gone.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ProposalCallsTests(ClusterFixture fixture)
{
    // The US asks Japan for a bilateral FTA at 80: Japan rejects it (80 lies beyond its reservation point 36.25, as
    // us-presses-bilateral-fta.yaml works out), and no agreement touches the topic, so nothing is recorded or applied.
    private static readonly LoadedScenario OneAsk = RetriedRun.Parse(ExactlyOnceAdvanceTests.OneStep);

    [Fact]
    public async Task A_scripted_proposal_reads_no_actor_and_commits_no_topic_it_only_read()
    {
        // The calls of the advance: the topic's table read once for the parties' commitments (GetDuring), the
        // proposer's Propose (which answers with its capability, the proposal's ProposerCapability), the recipient's
        // Evaluate (which answers with its capability, for the agreement rule), and at the checkpoint (every advance)
        // a Commit of each grain the advance changed: US and JP. No ActorDuring: it was 2, one per party. No Commit of
        // the topic, which the advance only read (its GetDuring answered so): it was 1. 8 calls before, 5 now.
        var key = $"proposal-calls-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(OneAsk.World with { Id = key });
        await world.Start(OneAsk.Scenario);

        var advance = await world.Advance(0);

        Assert.Contains(advance.Events, e => e is { Kind: EventKind.Reject, Actor: "JP" });
        Assert.Equal(
            ["country/JP Commit", "country/JP Evaluate", "country/US Commit", "country/US Propose",
             "topic/bilateral-fta GetDuring"],
            Calls(key));
    }

    /// <summary>Every call of an advance on world <paramref name="key"/>'s grains, as <c>type/id method</c>, sorted.</summary>
    private string[] Calls(string key) =>
        [.. fixture.Deactivations.CallsOn(key)
            .Select(c => $"{c.Grain.Type}{c.Grain.Key.ToString()![key.Length..]} {c.Method}")
            .Order(StringComparer.Ordinal)];
}
