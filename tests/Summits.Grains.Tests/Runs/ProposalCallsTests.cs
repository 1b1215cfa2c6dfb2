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
    // The US asks Japan for a bilateral FTA at 80: Japan rejects it (80 lies beyond its reservation value 36.25, as
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
        var (key, world) = await StartedAsync(OneAsk, "proposal-calls");

        var advance = await world.Advance(0);

        Assert.Contains(advance.Events, e => e is { Kind: EventKind.Reject, Actor: "JP" });
        Assert.Equal(
            ["country/JP Commit", "country/JP Evaluate", "country/US Commit", "country/US Propose",
             "topic/bilateral-fta GetDuring"],
            Calls(key));
    }

    // The same ask made twice, one advance each: Japan rejects both, and no agreement touches the topic, so the FTA
    // table is only ever read.
    private static readonly LoadedScenario TwoAsks = RetriedRun.Parse("""
        format: 2
        scenario: two-asks
        about: The US asks Japan for a bilateral FTA at 80, twice.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 42
        steps:
          - id: fta-ask
            propose: { from: US, to: [JP], terms: { bilateral-fta: 80 } }
          - id: fta-ask-again
            propose: { from: US, to: [JP], terms: { bilateral-fta: 80 } }
        """);

    [Fact]
    public async Task A_second_proposal_reads_no_topic_the_first_checkpoint_already_read()
    {
        // Two advances, each its own checkpoint (this silo's interval, every advance). The first makes the 5 calls of the
        // test above, its GetDuring included; the second takes the FTA table as the first checkpoint left it, which only
        // this world's advances change, so it makes Propose, Evaluate and the two Commits alone: 4 calls, where it made
        // 5 with a second GetDuring.
        var (key, world) = await StartedAsync(TwoAsks, "proposal-calls");
        await world.Advance(0);

        var (second, calls) = await AdvanceCountedAsync(key, world, 1);

        Assert.Contains(second.Events, e => e is { Kind: EventKind.Reject, Actor: "JP" });
        Assert.Equal(["country/JP Commit", "country/JP Evaluate", "country/US Commit", "country/US Propose"], calls);
    }

    // The US and Japan agree a bilateral FTA at 30, then at 28, one advance each: Japan accepts both (its answers say
    // so in each advance's events). The second agreement binds the same two parties on the same one topic, so it
    // supersedes the first (Supersession.Decide: a later agreement, not breached, binding all its parties there).
    private static readonly LoadedScenario TwoAgreements = RetriedRun.Parse("""
        format: 2
        scenario: two-agreements
        about: The US and Japan agree a bilateral FTA at 30, then at 28.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 42
        steps:
          - id: fta-first
            propose: { from: US, to: [JP], terms: { bilateral-fta: 30 } }
          - id: fta-second
            propose: { from: US, to: [JP], terms: { bilateral-fta: 28 } }
        """);

    [Fact]
    public async Task An_agreement_that_supersedes_another_costs_its_topic_one_call_where_a_record_and_an_apply_cost_two()
    {
        // The second advance takes the FTA table as the first checkpoint left it (no GetDuring). Its calls: the
        // proposer's Propose, the recipient's Evaluate, one RecordApplying of the topic, which records the new agreement
        // and applies the first one's supersession together, where a Record then an Apply made two calls; then at the
        // checkpoint a Commit of each grain it changed: US, JP and the topic. 6 calls, where it made 7.
        var (key, world) = await StartedAsync(TwoAgreements, "agreement-calls");
        var first = await world.Advance(0);

        var (second, calls) = await AdvanceCountedAsync(key, world, 1);

        Assert.Contains(first.Events, e => e is { Kind: EventKind.AgreementMade, Cause: "fta-first" });
        Assert.Contains(second.Events, e => e is { Kind: EventKind.AgreementMade, Cause: "fta-second" });
        Assert.Contains(second.Events, e => e is { Kind: EventKind.AgreementSuperseded, Cause: "fta-second" });
        Assert.Equal(
            ["country/JP Commit", "country/JP Evaluate", "country/US Commit", "country/US Propose",
             "topic/bilateral-fta Commit", "topic/bilateral-fta RecordApplying"],
            calls);
    }

    [Fact]
    public async Task A_world_started_with_its_own_interval_writes_its_countries_at_its_checkpoints_alone()
    {
        // The silo writes every advance; this world is started to write every second. Its two advances are then one
        // checkpoint, after the second: each of US and JP, changed by both, is written once there (its checkpoint, one
        // write), where the silo's interval would write each twice; before it, nothing of theirs but their seeding.
        var (key, world) = await StartedAsync(TwoAsks, "own-interval", checkpointEvery: 2);

        await world.Advance(0);
        var afterFirst = CheckpointWrites(key);
        await world.Advance(1);

        Assert.Equal(0, afterFirst);
        Assert.Equal(2, CheckpointWrites(key));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            fixture.Client.GetGrain<IWorldGrain>($"own-interval-{Guid.NewGuid():N}").Start(TwoAsks.Scenario, checkpointEvery: 0));
    }

    /// <summary>
    /// A fresh world of <paramref name="loaded"/>'s, keyed <c>{prefix}-{guid}</c>, seeded and started: at
    /// <paramref name="checkpointEvery"/> when given, else at the silo's interval.
    /// </summary>
    private async Task<(string Key, IWorldGrain World)> StartedAsync(LoadedScenario loaded, string prefix, int? checkpointEvery = null)
    {
        var key = $"{prefix}-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await (checkpointEvery is { } every ? world.Start(loaded.Scenario, every) : world.Start(loaded.Scenario));
        return (key, world);
    }

    /// <summary>Runs advance <paramref name="step"/> of world <paramref name="key"/>, answering it with the calls it made alone (as <see cref="Calls"/> names them).</summary>
    private async Task<(Advance Advance, List<string> Calls)> AdvanceCountedAsync(string key, IWorldGrain world, int step)
    {
        var before = Calls(key);
        var advance = await world.Advance(step);
        var calls = Calls(key).ToList();
        foreach (var call in before)
            calls.Remove(call);
        return (advance, calls);
    }

    /// <summary>How many writes of a country's checkpoint storage has had for world <paramref name="key"/>.</summary>
    private int CheckpointWrites(string key) =>
        fixture.Storage.CallsOn(key).Count(c => c.Operation == StorageOperation.Write && c.StateName == "country-checkpoint");

    /// <summary>Every call of an advance on world <paramref name="key"/>'s grains, as <c>type/id method</c>, sorted.</summary>
    private string[] Calls(string key) =>
        [.. fixture.Deactivations.CallsOn(key)
            .Select(c => $"{c.Grain.Type}{c.Grain.Key.ToString()![key.Length..]} {c.Method}")
            .Order(StringComparer.Ordinal)];
}
