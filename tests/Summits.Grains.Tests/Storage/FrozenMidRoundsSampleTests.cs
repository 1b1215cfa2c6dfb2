using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains.Tests;

/// <summary>
/// Today's code reads the state two worlds stored part way through runs checkpointed every 2 advances, filling the
/// members the sample of <see cref="FrozenRunSampleTests"/> leaves empty or at a neighbour's value: an open proposal
/// with a deadline, renewed 4 times with 1 round left; two scripted answers (a counter with terms and a reason, an
/// accept without either); an affinity shock (<see cref="ShockChange.Toward"/>) and a new position
/// (<see cref="ShockChange.Salience"/>); a K-of-n rule on a proposal, a rounds step and an agreement; position overrides
/// (reservation, strategy, acceptance) and an actor's acceptance; a spatial-model step in progress
/// (<see cref="RunState.SmpFirstShift"/>) on a KTAB world (<see cref="Actor.KtabPower"/>, <see cref="Topic.Ktab"/>).
/// Every pair of neighbouring members of one type holds two different values, so that swapping their <c>[Id]</c>s
/// fails here. The sample under <c>Storage/Samples</c> was written once, by the code of the commit its name and its
/// <c>writtenBy</c> give, running <see cref="Bargaining"/> to its checkpoint after advance 10 and <see cref="Smp"/> to
/// its checkpoint after advance 2 on a silo of N = 2, and is never written again (its SHA-256 is asserted)
/// (docs/architecture.md, "Changing a stored type safely").
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FrozenMidRoundsSampleTests(ClusterFixture fixture)
{
    private const string SampleFile = "stored-state-every2-714afd5.json";

    /// <summary>The bargaining world's key in the sample.</summary>
    private const string World = "frozen-every2";

    /// <summary>The spatial-model world's key in the sample.</summary>
    private const string SmpWorld = "frozen-every2-smp";

    /// <summary>
    /// The bargaining run the sample was stored from (read as <c>scenarios/what-if/frozen.yaml</c>), 10 advances in:
    /// the 6 steps before <c>bargain</c> (of which the two <c>respond</c> steps add no event, so no timeline page) and
    /// rounds 1 to 4 of <c>bargain</c>.
    /// </summary>
    internal const string Bargaining = """
        format: 2
        scenario: frozen-every2
        about: A run checkpointed every 2 advances, stored after its 10th advance, in round 4 of a rounds step.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 7
        model: { initial-concession: 0.05 }
        actors:
          - { id: CN, reason: Beijing takes any deal late in a negotiation., acceptance: time }
        positions:
          - { actor: US, topic: bilateral-fta, reason: Washington holds out for most of its ask., reservation: 60, strategy: conceder, acceptance: constant }
        steps:
          - id: us-answers
            respond: { actor: US, to: fta-offer, answer: counter, terms: { bilateral-fta: 70 }, because: Washington wants more first. }
          - id: fta-offer
            propose: { from: JP, to: [US], terms: { bilateral-fta: 40 }, rule: 2-of-n, deadline: 5 }
          - id: realignment
            shock:
              reason: Washington warms to Tokyo and Beijing weighs joining the TPP.
              changes:
                - { affinity: US, toward: JP, by: 0.2 }
                - { position: CN, topic: tpp-11, to: 30, with-salience: 0.4 }
          - id: jp-accepts
            respond: { actor: JP, to: trade-deal, answer: accept }
          - id: trade-deal
            propose: { from: US, to: [JP], terms: { trade-imbalance: 55 }, rule: 1-of-n }
          - id: too-soon
            expect:
              agreement: { topic: bilateral-fta, parties: [JP, US], value: [30, 70], status: holding }
              position: { actor: US, topic: bilateral-fta, moved: toward, target: 10 }
              because: no FTA has been agreed yet (this check fails), and Japan's proposal moves the US toward it.
          - id: bargain
            rounds: 6
            topics: [bilateral-fta]
            opener: US
            rule: 2-of-n
          - id: afterwards
            expect:
              position: { actor: US, topic: bilateral-fta, range: [10, 90], moved: toward, target: JP }
              event: { kind: proposal-expired, actor: JP, topic: bilateral-fta, cause: fta-offer }
              order:
                - { kind: round, cause: bargain }
                - { kind: converged, cause: bargain }
              because: the offer expires in the rounds.
        """;

    /// <summary>The spatial-model run the sample was stored from, after turn 2 of its one step.</summary>
    internal const string Smp = """
        format: 2
        scenario: frozen-every2-smp
        about: A spatial-model run checkpointed every 2 advances, stored in the middle of its turns.
        world: ../worlds/dummy-3dim.yaml
        seed: 11
        model: smp
        steps:
          - id: converge
            rounds: 20
        """;

    // The bargaining run's timeline up to the sample, by sequence number (advance 1, us-answers, and advance 4,
    // jp-accepts, add no event):
    //  advance 2, fta-offer:   1 JP proposes 40 under 2-of-n; 2 US counters 70 as scripted; 3 US moves 80 → 79.6112.
    //  advance 3, realignment: 4 shock; 5 US's affinity toward JP 0.8 → 1; 6 CN's new position on tpp-11, 30.
    //  advance 5, trade-deal:  7 US proposes 55 under 1-of-n; 8 JP accepts as scripted; 9 JP moves 25 → 25.6384;
    //                          10 the agreement trade-deal made.
    //  advance 6, too-soon:    11 the agreement check fails; 12 the position check passes (US 80 → 79.61, toward 10).
    //  advances 7-10, bargain rounds 1-4 (6 events each, seq 13-36): the round; fta-offer~N renewed, US rejects it;
    //                          the round offer (US in odd rounds, JP in even), the other rejects; its recipient moves.
    //                          Round 4: 31 round; 32 fta-offer~4; 33 US rejects, countering 61.40885560365829;
    //                          34 JP offers 32.430505643162356; 35 US rejects; 36 US moves 79.03923654890554 → 78.5358622551235.

    [Fact]
    public void The_sample_is_the_one_written_by_the_code_of_its_commit()
    {
        // The hash of the file as it was committed; a changed sample is a new sample, not this one.
        Assert.Equal("8132e0c79a3edbbf0b442df0b6cf67b8d7ffe08a57cf7433a522a3443eb9fe6d", StoredStateSample.Sha256(StoredStateSample.PathOf(SampleFile)));
        Assert.Contains("714afd555552218f217b18940437f0628036b5c1", StoredStateSample.Load(SampleFile).WrittenBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_stored_in_the_middle_of_a_rounds_step_reads_back_member_by_member()
    {
        var world = Read<WorldState>("world", World);

        // Checkpoints at N = 2 fall after every even advance: the sample is the 5th, after advance 10.
        Assert.Equal((10, 1), (world.Advances, world.CheckpointEveryLess1)); // N − 1 = 2 − 1
        Assert.Null(world.Last);
        // Advance 10 did not finish the run; one expectation has failed (too-soon's agreement check); pages count
        // from 0 and advances 1 and 4 wrote none, so advance 10's events are on page 8 − 1 = 7.
        Assert.Equal(new AdvanceEnd(Finished: false, Failures: 1, Page: 7), world.LastEnd);
        Assert.Equal((World, "../sources/abe-trump-summit-2017-11-06.txt"), (world.Info!.Id, world.Info.Source));

        var run = world.Run!;
        // Steps 0 to 5 are done, and bargain (step 6) is in progress: NextStep 6. A page for each advance but 1 and 4:
        // 10 − 2 = 8. Rounds 1 to 4 of bargain: RoundsDone 4, and no other rounds step before it: TotalRounds 4.
        Assert.Equal((6, 8), (run.NextStep, run.Pages));
        Assert.Equal((4, 1), (run.RoundsDone, run.Failures));
        Assert.Equal((4, 36), (run.TotalRounds, run.Events));
        // The seed's draw at the start of bargain (Random.Next(1 << 20)): a number from 0 to 2^20 − 1, not a count.
        Assert.InRange(run.RoundOffset, 0, (1 << 20) - 1);
        Assert.NotEqual(run.RoundsDone, run.RoundOffset);
        Assert.Null(run.SmpFirstShift);

        // fta-offer, not agreed (US countered as scripted), stays open with its deadline of 5 rounds: renewed in
        // each of rounds 1 to 4 (Renewals 4), so 5 − 4 = 1 round left.
        var open = Assert.Single(run.Open);
        Assert.Equal((1, 4), (open.RoundsLeft, open.Renewals));
        Assert.Equal(("fta-offer", "JP", "fta-offer"), (open.Proposal.Id, open.Proposal.From, open.Proposal.Cause));
        Assert.Equal(["US"], open.Proposal.To.ToArray());
        Assert.Equal([new Term("bilateral-fta", 40)], open.Proposal.Terms.ToArray());
        Assert.Equal(new AgreementRule(AgreementRuleKind.KOfN, 2), open.Proposal.Rule);
        // Made with a deadline it opens at τ = 0, by JP, whose capability in the seeded world is 0.45.
        Assert.Equal((0.0, 0.45, ProposalKind.Scripted), (open.Proposal.Time, open.Proposal.ProposerCapability, open.Proposal.Kind));

        // Both respond steps have run: their answers are kept, keyed proposal/actor.
        Assert.Equal(["fta-offer/US", "trade-deal/JP"], run.Scripted.Keys.Order(StringComparer.Ordinal).ToArray());
        var counter = run.Scripted["fta-offer/US"];
        Assert.Equal((Response.Counter, "Washington wants more first."), (counter.Response, counter.Because));
        Assert.Equal([new Term("bilateral-fta", 70)], counter.Counter.ToArray());
        var accept = run.Scripted["trade-deal/JP"];
        Assert.Equal(Response.Accept, accept.Response);
        Assert.True(accept.Counter.IsDefaultOrEmpty);

        // Each side's latest offer on the FTA: JP's round-4 offer 32.430505643162356 (seq 34), the US's counter
        // 61.40885560365829 (seq 33 and 35); and on the trade imbalance the US's proposal, 55 (seq 7).
        Assert.Equal([("JP/bilateral-fta", 32.430505643162356), ("US/bilateral-fta", 61.40885560365829), ("US/trade-imbalance", 55.0)],
            run.LastOffer.Select(p => (p.Key, p.Value)).Order().ToArray());
        // What each side's latest offer answered: the US's counter (seq 35) answered JP's round-4 offer 32.430505643162356
        // (seq 34); that offer, made by JP as proposer, answered the US's latest offer then, its counter to the renewal,
        // 61.40885560365829 (seq 33), not the US's round-3 offer 62.34138752420128 (seq 28) that JP countered before.
        Assert.Equal([("JP/US/bilateral-fta", 61.40885560365829), ("US/JP/bilateral-fta", 32.430505643162356)],
            run.Answered.Select(p => (p.Key, p.Value)).Order().ToArray());
        // CN's new position on tpp-11 joins the starting positions at the value the shock gave it.
        Assert.Equal((30.0, 20.0, 80.0), (run.Start["CN/tpp-11"], run.Start["JP/bilateral-fta"], run.Start["US/bilateral-fta"]));

        // The watches of step 7 (afterwards), the one still to run: its event check (index 1) has seen no
        // expiry yet; its order check (index 2) matched its first pattern, bargain's round 1 (seq 13).
        Assert.Equal([(7, 1, 0, 0), (7, 2, 1, 13)], run.Watches!.Select(w => (w.Step, w.Expectation, w.Matched, w.LastSeq)).ToArray());
    }

    [Fact]
    public void The_scenario_a_world_stored_reads_back_step_by_step()
    {
        var scenario = Read<WorldState>("world", World).Run!.Scenario;

        Assert.Equal(("frozen-every2", 7ul), (scenario.Id, scenario.Seed));
        Assert.Equal("A run checkpointed every 2 advances, stored after its 10th advance, in round 4 of a rounds step.", scenario.About);
        // The one parameter the file sets; its neighbours keep their defaults (0 and 0.1 are not 0.05).
        Assert.Equal(ModelParameters.Default with { InitialConcession = 0.05 }, scenario.Parameters);
        // Steps and the line each starts on (its `- id:`) in Bargaining, where line 1 is "format: 2".
        Assert.Equal(["us-answers", "fta-offer", "realignment", "jp-accepts", "trade-deal", "too-soon", "bargain", "afterwards"],
            scenario.Steps.Select(s => s.Id).ToArray());
        Assert.Equal([12, 14, 16, 22, 24, 26, 31, 36], scenario.Steps.Select(s => s.Line).ToArray());

        var respond = Assert.IsType<RespondStep>(scenario.Steps[0]);
        Assert.Equal(("US", "fta-offer"), (respond.Actor, respond.Proposal));
        Assert.Equal((Response.Counter, "Washington wants more first."), (respond.Answer.Response, respond.Answer.Because));
        Assert.Equal([new Term("bilateral-fta", 70)], respond.Answer.Counter.ToArray());

        var propose = Assert.IsType<ProposeStep>(scenario.Steps[1]);
        Assert.Equal(("JP", 5), (propose.From, propose.Deadline));
        Assert.Equal(["US"], propose.To.ToArray());
        Assert.Equal(new AgreementRule(AgreementRuleKind.KOfN, 2), propose.Rule);

        var shock = Assert.IsType<ShockStep>(scenario.Steps[2]);
        Assert.Equal("Washington warms to Tokyo and Beijing weighs joining the TPP.", shock.Reason);
        Assert.Equal(
            [
                new ShockChange(ShockTarget.Affinity, "US", null, "JP", null, 0.2, null),
                new ShockChange(ShockTarget.Position, "CN", "tpp-11", null, 30, null, 0.4),
            ],
            shock.Changes.ToArray());

        Assert.Equal(new AgreementRule(AgreementRuleKind.KOfN, 1), Assert.IsType<ProposeStep>(scenario.Steps[4]).Rule);
        Assert.Null(Assert.IsType<ProposeStep>(scenario.Steps[4]).Deadline);

        var tooSoon = Assert.IsType<ExpectStep>(scenario.Steps[5]);
        Assert.StartsWith("no FTA has been agreed yet", tooSoon.Because, StringComparison.Ordinal);
        var agreement = Assert.IsType<AgreementExpectation>(tooSoon.Expectations[0]);
        Assert.Equal(("bilateral-fta", false, new Interval(30, 70), AgreementStatus.Holding), (agreement.Topic, agreement.Absent, agreement.Value, agreement.Status));
        Assert.Equal(["JP", "US"], agreement.Parties.ToArray());
        Assert.Equal(new PositionExpectation("US", "bilateral-fta", null, Direction.Toward, 10, null), tooSoon.Expectations[1]);

        var rounds = Assert.IsType<RoundsStep>(scenario.Steps[6]);
        Assert.Equal((6, "US", new AgreementRule(AgreementRuleKind.KOfN, 2)), (rounds.Count, rounds.Opener, rounds.Rule));
        Assert.Equal(["bilateral-fta"], rounds.Topics.ToArray());
        Assert.Null(rounds.OnlyRound);

        var afterwards = Assert.IsType<ExpectStep>(scenario.Steps[7]);
        Assert.Equal(new PositionExpectation("US", "bilateral-fta", new Interval(10, 90), Direction.Toward, null, "JP"), afterwards.Expectations[0]);
        Assert.Equal(new EventExpectation(new EventPattern(EventKind.ProposalExpired, "JP", "bilateral-fta", "fta-offer"), true), afterwards.Expectations[1]);
        Assert.Equal(
            [new EventPattern(EventKind.Round, null, null, "bargain"), new EventPattern(EventKind.Converged, null, null, "bargain")],
            Assert.IsType<OrderExpectation>(afterwards.Expectations[2]).Patterns.ToArray());
    }

    [Fact]
    public void A_world_stored_in_the_middle_of_a_spatial_model_step_reads_back_its_first_turns_shift()
    {
        var world = Read<WorldState>("world", SmpWorld);

        Assert.Equal((2, 1), (world.Advances, world.CheckpointEveryLess1));
        Assert.Equal(new AdvanceEnd(Finished: false, Failures: 0, Page: 1), world.LastEnd);
        var run = world.Run!;
        var step = Assert.IsType<SmpTurnsStep>(Assert.Single(run.Scenario.Steps));
        // `model: smp` made the rounds step (its `- id:` on line 8) a step of at most 20 turns.
        Assert.Equal(("converge", 8, 20), (step.Id, step.Line, step.Count));
        // Turns 1 and 2 of step 0 done, neither stopping it.
        Assert.Equal((0, 2, 2, 2), (run.NextStep, run.RoundsDone, run.TotalRounds, run.Pages));
        // Turn 1 wrote seq 1 to 19 (the turn and 18 moves), turn 2 seq 20 to 38.
        Assert.Equal(38, run.Events);
        // The sum over the actors of the Euclidean length of each one's move in turn 1, from the timeline's before
        // and after on dimensions 1, 2 and 3 (SActor-02 did not move):
        //  SActor-00 (3.75, 38.34, 1.6) → 38.5562; SActor-01 (−3.79, −17.17, 8.52) → 19.5388;
        //  SActor-03 (3.3, −0.06, 0.69) → 3.3719; SActor-04 (−2.8, −1.05, −1.26) → 3.2450;
        //  SActor-05 (−0.09, 0.35, −1.77) → 1.8065; SActor-06 (4.65, −8.67, −18.41) → 20.8739; in all 87.3923.
        Assert.Equal(87.3922560077813, run.SmpFirstShift!.Value, 9);
        // dummy-3dim says `salience: shares`, which the scenario's parameters carry.
        Assert.NotNull(run.Scenario.Parameters.SalienceShares);
    }

    [Fact]
    public void Countries_stored_mid_round_read_back_with_their_overrides_and_the_answers_of_the_round()
    {
        var us = Read<Delegation>("country", WorldKey.Of(World).Country("US"));

        // The shock's +0.2 on the seeded 0.8 toward JP.
        Assert.Equal(1.0, us.Actor.AffinityToward("JP"));
        Assert.Equal((0.8, AcceptanceCondition.Next, (string?)null), (us.Actor.Capability, us.Actor.Acceptance, us.Actor.KtabPower));
        // The scenario's overrides of the US position on the FTA, where round 4 left it (seq 36).
        var fta = us.PositionOn("bilateral-fta")!;
        Assert.Equal((78.5358622551235, 60.0, Strategy.Conceder, AcceptanceCondition.Constant), (fta.Value.Value, fta.Reservation, fta.Strategy, fta.Acceptance));
        // Asked again with round 4's offer id, whatever the offer, the US answers from the answer it stored (seq 35, 36)
        // and moves nothing.
        var again = new Proposal("bargain.r4.bilateral-fta", "JP", ["US"], [new Term("bilateral-fta", 79)], AgreementRule.Unanimity, 1, 0.45, ProposalKind.RoundOffer, "bargain");
        var answer = us.Evaluate(again, [], null, null, ModelParameters.Default);
        Assert.Equal((Response.Reject, "US", "bargain.r4.bilateral-fta"), (answer.Response, answer.Actor, answer.ProposalId));
        Assert.Equal([new Term("bilateral-fta", 61.40885560365829)], answer.Counter.ToArray());
        Assert.Equal([new Move("US", "bilateral-fta", 79.03923654890554, 78.5358622551235, "bargain.r4.bilateral-fta")], answer.Moves.ToArray());
        Assert.Equal(78.5358622551235, us.PositionOn("bilateral-fta")!.Value.Value);

        // The US's checkpoint: taken when advance 9 began (the attempt that covers advances 9 and 10).
        var checkpoint = Read<Checkpoint<Delegation>>("country-checkpoint", WorldKey.Of(World).Country("US"));
        Assert.Equal(8, checkpoint.Advance);
        Assert.Equal(79.03923654890554, checkpoint.Before!.PositionOn("bilateral-fta")!.Value.Value);

        // China: its actor override, and the position the shock gave it with the salience the change carried.
        var china = Read<Delegation>("country", WorldKey.Of(World).Country("CN"));
        Assert.Equal(AcceptanceCondition.Time, china.Actor.Acceptance);
        var tpp = china.PositionOn("tpp-11")!;
        Assert.Equal((30.0, 0.4), (tpp.Value.Value, tpp.Salience.Value));

        // Japan made two proposals in round 4 (fta-offer~4, seq 32, and its round offer, seq 34): asked again under
        // either id, it answers with the changes it stored (none), even with an agreement at 90 that an offer of 0
        // would breach, as a fresh id shows.
        var japan = Read<Delegation>("country", WorldKey.Of(World).Country("JP"));
        ImmutableArray<Commitment> at90 = [new Commitment("fta-at-90", "bilateral-fta", 90, AgreementStatus.Holding)];
        Proposal Offer(string id) => new(id, "JP", ["US"], [new Term("bilateral-fta", 0)], AgreementRule.Unanimity, 1, 0.45, ProposalKind.RoundOffer, "bargain");
        Assert.Empty(japan.Propose(Offer("bargain.r4.bilateral-fta"), at90, ModelParameters.Default));
        Assert.Empty(japan.Propose(Offer("fta-offer~4"), at90, ModelParameters.Default));
        Assert.NotEmpty(japan.Propose(Offer("never-made"), at90, ModelParameters.Default));

        // A KTAB world's actor keeps the table's power as written (dummy-3dim, SActor-00: "102.543").
        var ktab = Read<Delegation>("country", WorldKey.Of(SmpWorld).Country("SActor-00"));
        Assert.Equal(("102.543", 0.7909644176700632), (ktab.Actor.KtabPower, ktab.Actor.Capability));
        // Where turn 2 left it on dimension 1 (seq 21: 79.54 → 80.56).
        Assert.Equal(80.56, ktab.PositionOn("dimension-1")!.Value.Value);
    }

    [Fact]
    public void Tables_stored_mid_round_read_back_with_their_agreement_and_the_actor_who_joined()
    {
        // The trade deal, agreed under 1-of-n (seq 10), by US and JP at 55.
        var trade = Read<Table>("topic", WorldKey.Of(World).Topic("trade-imbalance"));
        var deal = Assert.Single(trade.Agreements);
        Assert.Equal(("trade-deal", new AgreementRule(AgreementRuleKind.KOfN, 1), AgreementStatus.Holding, "trade-deal"), (deal.Id, deal.Rule, deal.Status, deal.Cause));
        Assert.Equal(["US", "JP"], deal.Parties.ToArray());
        Assert.Equal([("trade-imbalance", 55.0)], deal.Terms.Select(t => (t.Key, t.Value)).ToArray());

        // China joined tpp-11 in advance 3; the table's checkpoint, taken when advance 3 began (the attempt that
        // covers advances 3 and 4, from 2), holds it as before China joined.
        var tpp = Read<Table>("topic", WorldKey.Of(World).Topic("tpp-11"));
        Assert.Equal(["JP", "US", "CN"], tpp.Participants.ToArray());
        var checkpoint = Read<Checkpoint<Table>>("topic-checkpoint", WorldKey.Of(World).Topic("tpp-11"));
        Assert.Equal(2, checkpoint.Advance);
        Assert.Equal(["JP", "US"], checkpoint.Before!.Participants.ToArray());

        // A KTAB world's topic keeps the table's column headers.
        var dimension = Read<Table>("topic", WorldKey.Of(SmpWorld).Topic("dimension-1"));
        Assert.Equal(new KtabColumns("Pstn1", "Sal1"), dimension.Topic.Ktab);
    }

    [Fact]
    public void A_timeline_page_stored_mid_round_reads_back_event_by_event()
    {
        var page = Read<TimelinePage>("timeline", WorldKey.Of(World).TimelinePage(7));

        Assert.Equal([31, 32, 33, 34, 35, 36], page.Events.Select(e => e.Seq).ToArray());
        Assert.All(page.Events, e => Assert.Equal(("bargain", 4), (e.Step, e.Round)));
        Assert.Equal([EventKind.Round, EventKind.Proposal, EventKind.Reject, EventKind.Proposal, EventKind.Reject, EventKind.Move], page.Events.Select(e => e.Kind).ToArray());
        Assert.Equal(["bargain", "fta-offer~4", "fta-offer~4", "bargain.r4.bilateral-fta", "bargain.r4.bilateral-fta", "bargain.r4.bilateral-fta"], page.Events.Select(e => e.Cause).ToArray());
        var move = page.Events[5];
        Assert.Equal(("US", "bilateral-fta", 79.03923654890554, 78.5358622551235), (move.Actor, move.Topic, move.Before, move.After));
        Assert.Equal([new Term("bilateral-fta", 32.430505643162356)], page.Events[3].Terms!.Value.ToArray());
    }

    [Fact]
    public void Todays_code_writes_each_state_of_the_sample_field_for_field_as_it_read_it() =>
        StoredStateSample.AssertRewrittenAlike(StoredStateSample.Load(SampleFile), fixture.Services);

    private T Read<T>(string stateName, string key) => StoredStateSample.Load(SampleFile).State<T>(fixture.Services, stateName, key);
}
