using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains.Tests;

/// <summary>
/// Today's code reads the state a world, a country and a topic stored part way through a run checkpointed every 3
/// advances, with every member of today's <see cref="WorldState"/> and <see cref="RunState"/> filled in and the
/// answers a country and a table keep within an advance (<c>Delegation._shocked</c>, <c>Table._applied</c>) not empty.
/// The sample under <c>Storage/Samples</c> was written once, by the code of the commit its name and its
/// <c>writtenBy</c> give, running <see cref="Scenario"/> on a silo of N = 3 up to its checkpoint after advance 3 of 5,
/// and is never written again (its SHA-256 is asserted): a change that renumbers or swaps a stored member reads a value
/// into the wrong member and fails here, and it is the change that must give way (docs/architecture.md, "Changing a
/// stored type safely").
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FrozenRunSampleTests(ClusterFixture fixture)
{
    /// <summary>The world's key in the sample.</summary>
    internal const string World = "frozen-every3";

    /// <summary>
    /// The run the sample was stored from: a proposal countered (JP answers the US's 80), one round of offers on the FTA,
    /// a shock that breaches the realignment agreement (the checkpoint after it is the sample), Japan's proposal that
    /// makes a new agreement, and an order expectation over the breach and the new agreement, which the sample holds
    /// half matched.
    /// </summary>
    internal const string Scenario = """
        format: 2
        scenario: frozen-every3
        about: A run checkpointed every 3 advances, stored after its 3rd advance of 5.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 3
        steps:
          - id: fta-ask
            propose: { from: US, to: [JP], terms: { bilateral-fta: 80 } }
          - id: bargain
            rounds: 1
            topics: [bilateral-fta]
          - id: local-opposition
            shock:
              reason: Okinawa rejects the relocation plan.
              changes:
                - { salience: JP, topic: usfj-realignment, to: 0.9 }
                - { position: JP, topic: usfj-realignment, by: -25 }
          - id: japan-asks-relief
            propose: { from: JP, to: [US], terms: { usfj-realignment: 55 } }
          - expect:
              order:
                - { kind: agreement-breached, topic: usfj-realignment, cause: local-opposition }
                - { kind: agreement-made, topic: usfj-realignment, cause: japan-asks-relief }
              because: the shock breaches the realignment agreement and Japan's proposal makes a new one.
        """;

    private const string SampleFile = "stored-state-every3-f880022.json";

    // The run's timeline up to the sample (the pure model's, which the grains write too), by sequence number:
    //  advance 1, fta-ask:          1 US proposes 80; 2 JP rejects, countering 36.25; 3 JP moves 20 → 20.912.
    //  advance 2, bargain (1 round): 4 round 1; 5 US offers 61.5; 6 JP rejects, countering; 7 JP moves 20.912 → 21.5289376;
    //                               8 JP offers 37.162; 9 US rejects, countering; 10 US moves 80 → 79.58361464.
    //  advance 3, local-opposition: 11 shock; 12 JP's salience on usfj-realignment 0.7 → 0.9; 13 JP moves 80 → 55 there;
    //                               14 the agreement usfj-realignment-okinawa breached (55 is 21 from the agreed 76, window 9.5).

    [Fact]
    public void The_sample_is_the_one_written_by_the_code_of_its_commit()
    {
        // The hash of the file as it was committed; a changed sample is a new sample, not this one.
        Assert.Equal("9307245ac8ed04bc46852c8a5467a9477065e4353f35c447ed836ad1edcdeb6a", StoredStateSample.Sha256(StoredStateSample.PathOf(SampleFile)));
        Assert.Contains("f8800227a09cbe312aeda2304596a738f31b5d56", StoredStateSample.Load(SampleFile).WrittenBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_stored_part_way_through_a_run_checkpointed_every_3_advances_reads_back_member_by_member()
    {
        var world = Read<WorldState>("world", World);

        // Checkpoints at N = 3 fall after advances 3 and 5 (the last) of the 5 steps: the sample is the first.
        Assert.Equal(3, world.Advances);
        Assert.Equal(2, world.CheckpointEveryLess1); // N − 1 = 3 − 1
        Assert.Equal(3, world.CheckpointEvery);
        // Only worlds stored before LastEnd kept the last advance whole; a new advance clears it.
        Assert.Null(world.Last);
        // Advance 3 (pages from 0: page 2) did not finish the 5-step run, and no expectation has been checked yet.
        Assert.Equal(new AdvanceEnd(Finished: false, Failures: 0, Page: 2), world.LastEnd);
        // The SHA-256 of the seeded world as the Orleans serializer wrote it at that commit: 32 bytes.
        Assert.Equal("a8638206afcafe80d85a42a3a9f41962d144fc835bdece01ba3bd910494bbced", Convert.ToHexStringLower(world.Seeded!));
        Assert.Equal(World, world.Info!.Id);
        Assert.Equal("../sources/abe-trump-summit-2017-11-06.txt", world.Info.Source);
        Assert.Equal(["JP", "US", "CN", "KP"], world.Info.Actors.ToArray());
        // The seed world's `topics:` section lists 16 topics; usfj-realignment is the 8th, bilateral-fta the last.
        Assert.Equal(16, world.Info.Topics.Length);
        Assert.Equal(("usfj-realignment", "bilateral-fta"), (world.Info.Topics[7], world.Info.Topics[15]));

        var run = world.Run!;
        Assert.Equal(("frozen-every3", 3ul), (run.Scenario.Id, run.Scenario.Seed));
        Assert.Equal(5, run.Scenario.Steps.Length);
        Assert.Equal(3, run.NextStep);          // steps 0, 1 and 2 done
        Assert.Equal(3, run.Pages);             // one page for each advance so far, each added events
        Assert.Equal(14, run.Events);           // the breach, seq 14, was the last event written
        Assert.Equal(1, run.TotalRounds);       // the one round of the bargain step
        Assert.Equal(0, run.RoundsDone);        // no rounds step in progress
        Assert.Equal(0, run.Failures);
        Assert.Null(run.SmpFirstShift);         // no spatial-model step
        Assert.Empty(run.Open);
        Assert.Empty(run.Scripted);
        Assert.Equal(["JP", "US", "CN", "KP"], run.ActorOrder.ToArray());
        Assert.Equal(world.Info.Topics.ToArray(), run.TopicOrder.ToArray());
        // Every seeded position when the run began: JP on the FTA at 20 and on the realignment at 80.
        Assert.Equal((20.0, 80.0), (run.Start["JP/bilateral-fta"], run.Start["JP/usfj-realignment"]));
        // Each side's latest offer on the FTA: the US's round offer 61.5 (seq 5), Japan's 37.162 (seq 8).
        Assert.Equal([("JP/bilateral-fta", 37.162), ("US/bilateral-fta", 61.5)], run.LastOffer.Select(p => (p.Key, p.Value)).Order().ToArray());
        // The offer each side's latest offer answered: Japan's counter (seq 6) answered the US's 61.5 (seq 5), the
        // US's counter (seq 9) answered Japan's 37.162 (seq 8). Japan's first counter, to 80, was overwritten.
        Assert.Equal([("JP/US/bilateral-fta", 61.5), ("US/JP/bilateral-fta", 37.162)], run.Answered.Select(p => (p.Key, p.Value)).Order().ToArray());
        // The one expectation still to be checked, step 4's (index 4) order of two events (index 0): the breach
        // (seq 14) has matched, the new agreement not yet.
        var watch = Assert.Single(run.Watches!);
        Assert.Equal((4, 0, 1, 14), (watch.Step, watch.Expectation, watch.Matched, watch.LastSeq));
    }

    [Fact]
    public void A_country_stored_after_a_shock_reads_back_with_the_shocks_it_answered()
    {
        var japan = Read<Delegation>("country", WorldKey.Of(World).Country("JP"));

        Assert.Equal("JP", japan.Actor.Id);
        // On the realignment, the shock's 80 − 25 = 55 with the salience it set, 0.9; on the FTA where round 1 left it.
        Assert.Equal((55.0, 0.9), (japan.Positions["usfj-realignment"].Value.Value, japan.Positions["usfj-realignment"].Salience.Value));
        Assert.Equal(21.5289376, japan.Positions["bilateral-fta"].Value.Value);
        // The shock's two changes, "local-opposition#1" (the salience) and "#2" (the move), are kept until the next
        // advance begins: asked again with either id, whatever the change, Japan answers as the first time and changes
        // nothing, which it can only do from the stored answers.
        var salience = japan.Shock("local-opposition#1", new ShockChange(ShockTarget.Salience, "JP", "usfj-realignment", null, 0.1, null, null), "again", [], ModelParameters.Default);
        Assert.Equal((EventKind.SalienceChanged, 0.7, 0.9), (salience.Kind, salience.Before, salience.After));
        Assert.Empty(salience.Changes);
        var move = japan.Shock("local-opposition#2", new ShockChange(ShockTarget.Position, "JP", "usfj-realignment", null, null, 40, null), "again", [], ModelParameters.Default);
        Assert.Equal((EventKind.Move, 80.0, 55.0), (move.Kind, move.Before, move.After));
        var breach = Assert.Single(move.Changes);
        Assert.Equal(("usfj-realignment-okinawa", "usfj-realignment", "JP", AgreementStatus.Breached, "local-opposition"),
            (breach.AgreementId, breach.Topic, breach.Actor, breach.Status, breach.Cause));
        Assert.Equal((55.0, 0.9), (japan.Positions["usfj-realignment"].Value.Value, japan.Positions["usfj-realignment"].Salience.Value));
    }

    [Fact]
    public void A_table_stored_after_a_breach_reads_back_with_the_change_it_applied()
    {
        var table = Read<Table>("topic", WorldKey.Of(World).Topic("usfj-realignment"));

        Assert.Equal("usfj-realignment", table.Topic.Id);
        var agreement = Assert.Single(table.Agreements);
        Assert.Equal(("usfj-realignment-okinawa", AgreementStatus.Breached), (agreement.Id, agreement.Status));
        // The breach was the advance's first set of status changes ("local-opposition/changes-1"): asked again with
        // that id and no changes, the table answers with the breach it applied, which it can only do from the stored answer.
        var applied = Assert.Single(table.Apply("local-opposition/changes-1", ImmutableArray<CommitmentChange>.Empty));
        Assert.Equal(("usfj-realignment-okinawa", "JP", AgreementStatus.Breached, "local-opposition"), (applied.AgreementId, applied.Actor, applied.Status, applied.Cause));
    }

    [Fact]
    public void Todays_code_writes_each_state_of_the_sample_field_for_field_as_it_read_it() =>
        StoredStateSample.AssertRewrittenAlike(StoredStateSample.Load(SampleFile), fixture.Services);

    private T Read<T>(string stateName, string key) => StoredStateSample.Load(SampleFile).State<T>(fixture.Services, stateName, key);
}
