using Summits.Model;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>
/// A silo that writes a world's run every third advance (and at its last) keeps the advances between in memory:
/// after any single storage fault, or a grain deactivated after any of its calls, and a retry, the run still
/// writes the clean run's timeline.jsonl and state.json byte for byte, which are the pure model's; and it writes
/// each grain a third as often.
/// </summary>
[Collection(CheckpointEvery3Collection.Name)]
public sealed class CheckpointIntervalTests(CheckpointEvery3Fixture fixture)
{
    /// <summary>Six advances, each a shock that moves Japan's FTA position by +1 (seeded at 20: 21, 22, … 26).</summary>
    internal const string SixShocks = Summits.Tests.CheckpointScenarios.SixShocks;

    [Theory]
    [MemberData(nameof(ExactlyOnceAdvanceTests.Faults), MemberType = typeof(ExactlyOnceAdvanceTests))]
    public async Task After_any_single_storage_fault_and_a_retry_a_run_checkpointed_every_3_advances_writes_the_clean_runs_bytes(bool reads, bool afterWriting)
    {
        // The clean run in grains is held to the pure model's bytes (CleanAsync), so a world checkpointed every 3
        // advances writes what --engine local writes.
        // Every storage call of the clean run is tried (ShortRunPoints has the facts). Seeding and the start are as at
        // every advance: 22 writes, 41 reads. The 5 advances have 2 checkpoints, after the 3rd and after the 5th (the last).
        // Each grain changed since the last checkpoint is written once, its checkpoint holding its state, and the events of
        // the advances since the last checkpoint are one page. Writes: after the 3rd, page 0 (advances 1-3: 1), JP, US and
        // usfj-realignment, changed since the start (3), the world (1): 5; after the 5th, page 1 (advances 4-5: 1), JP and
        // US (2), the world (1): 4. 22 + 5 + 4 = 31: countries 4 (their seeding), their checkpoints 2 + 2 = 4, topics 16
        // (their seeding), their checkpoint 1, pages 2, the world 2 + 2 = 4.
        // Reads, every grain deactivated after each advance: advance 1 finds every grain active (0); advance 2, the world
        // (1) goes back to the start and runs advance 1 again (JP, usfj-realignment: 4), then 2 (US, bilateral-fta: 4): 9;
        // advance 3, the world (1), advances 1 and 2 again (8), then 3, which reaches no new grain, and the checkpoint's
        // page: 10; advance 4, the world (1), 4 countries and bilateral-fta (10): 11; advance 5, the world (1), advance 4
        // again (10), then 5 (no new grain) and 1 page: 12; the snapshot 1 + 40 and the timeline's 2 pages.
        // 41 + 0 + 9 + 10 + 11 + 12 + 41 + 2 = 126.
        await RetriedRun.AssertShortRunSurvivesEveryStorageFaultAsync(fixture, "every3", reads, afterWriting, reads ? 126 : 31,
            "country 4, country-checkpoint 4, timeline 2, topic 16, topic-checkpoint 1, world 4");
    }

    [Fact]
    public async Task A_country_or_topic_deactivated_after_any_call_between_checkpoints_never_loses_its_changes()
    {
        // As DeactivatedGrainTests, with the changes of up to three advances held in memory only: a grain deactivated
        // after any of its calls in the clean run makes the advance that notices it fail; the world goes back to its
        // last checkpoint, and the retry runs again the advances since, to the clean run's bytes.
        Assert.Empty(await RetriedRun.DeactivationMismatchesAsync(fixture, RetriedRun.Parse(ExactlyOnceAdvanceTests.Short), "deact3"));
    }

    /// <summary>Two rounds on the FTA, the US's proposal on it, two rounds more: 5 advances.</summary>
    private const string RoundsThenAProposal = """
        format: 2
        scenario: rounds-then-a-proposal
        about: Two rounds on the FTA, a proposal on it, two rounds more.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 3
        steps:
          - id: opening
            rounds: 2
            topics: [bilateral-fta]
          - id: fta-ask
            propose: { from: US, to: [JP], terms: { bilateral-fta: 60 } }
          - id: closing
            rounds: 2
            topics: [bilateral-fta]
        """;

    /// <summary>
    /// <see cref="RoundsThenAProposal"/> and a package after it, then two rounds more on the FTA and the trade imbalance: 8
    /// advances, of which the 3rd, the 6th and the 8th are checkpoints, and two hand-backs between checkpoints carried by
    /// a proposal (advances 2 and 5 end rounds).
    /// </summary>
    private const string RoundsAndProposals = """
        format: 2
        scenario: rounds-and-proposals
        about: Rounds and proposals in turn, on the FTA and the trade imbalance.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 3
        steps:
          - id: opening
            rounds: 2
            topics: [bilateral-fta]
          - id: fta-ask
            propose: { from: US, to: [JP], terms: { bilateral-fta: 60 } }
          - id: middle
            rounds: 2
            topics: [bilateral-fta, trade-imbalance]
          - id: package
            propose: { from: US, to: [JP], terms: { bilateral-fta: 55, defense-procurement: 75 } }
          - id: closing
            rounds: 2
            topics: [bilateral-fta, trade-imbalance]
        """;

    /// <summary>Two rounds on the FTA, then a shock that moves Japan's FTA position by +1: 3 advances.</summary>
    private const string RoundsThenAShock = """
        format: 2
        scenario: rounds-then-a-shock
        about: Two rounds on the FTA, then a shock to Japan's position on it.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 3
        steps:
          - id: opening
            rounds: 2
            topics: [bilateral-fta]
          - { id: s1, shock: { reason: One., changes: [{ position: JP, topic: bilateral-fta, by: 1 }] } }
        """;

    [Fact]
    public async Task Rounds_that_end_between_two_checkpoints_leave_every_grain_as_the_pure_model_at_each_checkpoint()
    {
        // Advances 1 and 2 are the first rounds step, run on the world's copy; it ends at advance 2, between the
        // checkpoints after 0 and after 3, so JP's and US's delegations stay with the world, and the proposal of advance 3
        // carries them to their grains; the checkpoint after it writes them. Advances 4 and 5 are rounds again, the last a
        // checkpoint. Every advance's events are the pure model's; at each checkpoint every grain holds what the pure
        // model holds, and after each step's end every topic does.
        await GrainRunTests.AssertGrainsFollowThePureModelAsync(fixture, RetriedRun.Parse(RoundsThenAProposal), $"hold3-{Guid.NewGuid():N}", checkpointEvery: 3);
    }

    [Fact]
    public async Task A_country_handed_back_between_two_checkpoints_takes_its_delegation_with_the_next_proposal_to_it()
    {
        // A checkpoint every 3 advances, in storage: the attempt knows no seeding, so a rounds step copies each country
        // (StateDuring). Japan's calls of the advances: advance 1, the opening rounds copy it (StateDuring); advance 2, the
        // step's end between checkpoints, keeps its delegation with the world (no call); advance 3, the US's proposal:
        // Japan's Evaluate carries the delegation (no Hold of its own), and the checkpoint after it commits Japan (Commit);
        // advance 4, a new attempt, the closing rounds copy it again (StateDuring); advance 5, the last, a checkpoint, hands
        // it back and writes it in one call (CommitHeld). The US the same, with its Propose in place of Japan's Evaluate.
        var key = await RunCleanAsync(RoundsThenAProposal, "carried");

        Assert.Equal(["StateDuring", "Evaluate", "Commit", "StateDuring", "CommitHeld"], CountryCalls(key, "JP"));
        Assert.Equal(["StateDuring", "Propose", "Commit", "StateDuring", "CommitHeld"], CountryCalls(key, "US"));
    }

    [Fact]
    public async Task A_country_handed_back_between_two_checkpoints_takes_its_delegation_before_a_call_that_cannot_carry_it()
    {
        // As above, the shock of advance 3 in place of the proposal: a shock's call does not carry a handed-back
        // delegation, so Japan takes it in a Hold of its own first, then the Shock; advance 3 is the last, a checkpoint:
        // Commit. The US, which the shock does not reach, takes its delegation in the checkpoint's write (CommitHeld).
        // Japan: StateDuring, Hold, Shock, Commit; the US: StateDuring, CommitHeld.
        var key = await RunCleanAsync(RoundsThenAShock, "held");

        Assert.Equal(["StateDuring", "Hold", "Shock", "Commit"], CountryCalls(key, "JP"));
        Assert.Equal(["StateDuring", "CommitHeld"], CountryCalls(key, "US"));
    }

    [Fact]
    public async Task A_grain_deactivated_after_any_call_of_rounds_and_proposals_never_loses_a_handed_back_delegation()
    {
        // As the test of the short run above, on rounds and proposals in turn: a country deactivated after any of
        // its calls, the step's copy among them (so before the proposal carries the delegation the step left), makes the
        // advance that notices it fail, or takes the whole delegation in a new activation when the attempt had nothing
        // else of it; either way every retry writes the clean run's bytes.
        Assert.Empty(await RetriedRun.DeactivationMismatchesAsync(fixture, RetriedRun.Parse(RoundsAndProposals), "deact-carry"));
    }

    /// <summary>
    /// Runs <paramref name="text"/> on a new world named from <paramref name="prefix"/>, checks that it ran with no failure
    /// and wrote the pure model's timeline, and answers the world's key.
    /// </summary>
    private async Task<string> RunCleanAsync(string text, string prefix)
    {
        var loaded = RetriedRun.Parse(text);
        var key = $"{prefix}-{Guid.NewGuid():N}";
        var (run, failures) = await RetriedRun.RunAsync(fixture, loaded, key);
        Assert.Equal(0, failures);
        Assert.Equal(RunFiles.Timeline(await ScenarioRun.LocallyAsync(loaded)), RunFiles.Timeline(run));
        return key;
    }

    /// <summary>The methods of the advances' calls country <paramref name="actor"/> of world <paramref name="key"/> served, in order.</summary>
    private string[] CountryCalls(string key, string actor) =>
        [.. fixture.Deactivations.CallsOn(key).Where(c => c.Grain.Type.ToString() == "country" && c.Grain.Key.ToString() == WorldKey.Of(key).Country(actor)).Select(c => c.Method)];

    [Fact]
    public async Task A_six_advance_run_writes_each_grain_twice_instead_of_six_times()
    {
        // Checkpoints after advances 3 and 6 (of 6): Japan, changed by every advance, is written at each, once (its
        // checkpoint, holding its state), so twice, not six times, and its state on its own never after its seeding; the
        // world twice after its seeding and start (2 + 2 = 4 writes in all, not 2 + 6 = 8); the events of each checkpoint's
        // three advances on one timeline page, written once: 2 pages, not 6.
        var writes = await WritesOfSixShocksAsync(fixture);

        Assert.Equal((0, 2, 4, 2), writes);
    }

    [Fact]
    public async Task A_six_advance_run_reads_its_topic_once()
    {
        // Each shock reads the FTA table for Japan's commitments there. The table is read from the topic by the first
        // attempt (advances 0-2) and carried on in the world, across its checkpoint into the next attempt (3-5), since only
        // the world's own advances change it: 1 read, not 6 (nor 2, one per checkpoint). No shock changes the table, so
        // the topic is never committed.
        var loaded = RetriedRun.Parse(SixShocks);
        var key = $"topic-reads-{Guid.NewGuid():N}";

        var (run, failures) = await RetriedRun.RunAsync(fixture, loaded, key);

        Assert.Equal(0, failures);
        Assert.Equal(RunFiles.Timeline(await ScenarioRun.LocallyAsync(loaded)), RunFiles.Timeline(run));
        var topicCalls = fixture.Deactivations.CallsOn(key).Where(c => c.Grain.Type.ToString() == "topic").Select(c => c.Method);
        Assert.Equal(["GetDuring"], topicCalls);
    }

    [Fact]
    public async Task The_world_goes_back_to_its_checkpoint_and_a_client_ahead_of_it_gets_the_clean_runs_events()
    {
        // Advances 0 and 1 run in memory (Japan 20 → 21 → 22); the world is then deactivated, and its next activation
        // reads storage: the start, before advance 0. Asked for advance 2, it runs 0 and 1 again and then 2, and
        // answers with advance 2's events alone, as a clean run does: Japan 22 → 23.
        var loaded = RetriedRun.Parse(SixShocks);
        var key = $"back-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);
        await world.Advance(0);
        await world.Advance(1);
        await fixture.Cluster.DeactivateAsync(world);

        Assert.Equal(0, await world.Advances());
        var third = await world.Advance(2);

        var move = Assert.Single(third.Events, e => e.Kind == EventKind.Move);
        Assert.Equal((22.0, 23.0), (move.Before!.Value, move.After!.Value));
        Assert.Equal(3, await world.Advances());
        // Advance 2 was the first checkpoint: the snapshot now reads Japan at 23 from every grain.
        Assert.Equal(23, (await world.Snapshot()).Positions.Single(p => p is { Actor: "JP", Topic: "bilateral-fta" }).Value.Value);
    }

    /// <summary>
    /// Runs <see cref="SixShocks"/> on a new world of <paramref name="cluster"/> and counts its writes after the start:
    /// Japan's state on its own and its checkpoint, the world's (its seeding and start included), and the timeline pages'.
    /// </summary>
    internal static async Task<(int Japan, int JapanCheckpoint, int World, int Pages)> WritesOfSixShocksAsync(ClusterFixture cluster)
    {
        var loaded = RetriedRun.Parse(SixShocks);
        var key = $"writes-{Guid.NewGuid():N}";
        var (run, failures) = await RetriedRun.RunAsync(cluster, loaded, key);
        Assert.Equal(0, failures);
        Assert.Equal(RunFiles.Timeline(await ScenarioRun.LocallyAsync(loaded)), RunFiles.Timeline(run));
        var writes = cluster.Storage.CallsOn(key).Where(c => c.Operation == StorageOperation.Write).ToList();
        var japan = GrainId.Create("country", WorldKey.Of(key).Country("JP"));
        // Japan's seeding wrote its state once, before any advance.
        return (writes.Count(c => c.Grain == japan && c.StateName == "country") - 1,
            writes.Count(c => c.Grain == japan && c.StateName == "country-checkpoint"),
            writes.Count(c => c.StateName == "world"),
            writes.Count(c => c.StateName == "timeline"));
    }
}

/// <summary>The writes of the same six-advance run on the silo that writes every advance, the default.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CheckpointEveryAdvanceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_six_advance_run_writes_each_grain_at_every_advance()
    {
        // Japan is changed by each of the 6 advances and written once at each: 6 checkpoints, each holding its state, and
        // its state on its own never after its seeding; the world 2 + 6 = 8 times (seeding, start, one per advance); 6
        // timeline pages, one write each.
        var writes = await CheckpointIntervalTests.WritesOfSixShocksAsync(fixture);

        Assert.Equal((0, 6, 8, 6), writes);
    }
}
