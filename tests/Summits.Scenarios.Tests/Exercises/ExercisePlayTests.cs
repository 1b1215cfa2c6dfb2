using Summits.Model;

namespace Summits.Scenarios.Tests.Exercises;

/// <summary>A shipped exercise played through with its sample answers: the scores, worked by hand, and the debrief's comparison with the record.</summary>
public sealed class ExercisePlayTests
{
    private static string Folder => Path.Combine(RepoFiles.Root, "scenarios", "exercises");

    private static async Task<Debrief> PlayAsync(string exercise, string answers)
    {
        var loaded = ExerciseFile.Load(Path.Combine(Folder, exercise));
        var given = ExerciseFile.LoadAnswers(Path.Combine(Folder, "answers", answers), loaded);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(loaded, given));
        return Debrief.Of(loaded, given, run);
    }

    [Fact]
    public async Task Trade_for_defence_played_as_Japan_scores_what_the_rules_give_by_hand()
    {
        var debrief = await PlayAsync("trade-for-defence.yaml", "trade-for-defence-jp.yaml");

        // Round 3's package (trade 55, procurement 80) is accepted: the US's timeline answer gives U(terms) 1.269
        // against U(no deal) 1.267 at τ 1. The agreement's terms are the proposal's.
        var agreement = Assert.Single(debrief.Run.Final.Agreements, a => a.Cause == "r3-JP-1");
        Assert.Equal(55, agreement.Terms["trade-imbalance"]);
        Assert.Equal(80, agreement.Terms["defense-procurement"]);

        // After rounds 1 and 2 the US offers on each topic, as its delegation does in a rounds step: on procurement
        // 84.93, then 82.82 (the timeline's offers). The answers give no response, so Japan rejects both, and each
        // moves it by the influence rule, Δ = α · c_US / (c_JP + c_US) · (1 + a_JP,US) / 2 · (1 − s) · (y − x),
        // with α 0.1, capabilities 0.45 and 0.8, Japan's affinity to the US 0.9 and salience 0.65 on procurement:
        //   0.1 × 0.8 / 1.25 × 1.9 / 2 × 0.35 = 0.02128 of the distance
        //   60 + 0.02128 × (84.93 − 60) = 60.5305;  60.5305 + 0.02128 × (82.82 − 60.5305) = 61.0048, shown 61
        // By hand, from the exercise's rules and Japan's instructions (start: trade 25, procurement 60;
        // reservation: trade 55, procurement 85; priorities trade 2, procurement 1; agreement 10 points):
        //   procurement at 80: (80 − 85) / (60 − 85) = 0.2 of the way; 10 × 1 × 0.2 = 2
        //   trade at 55:       (55 − 55) / (25 − 55) = 0;                 10 × 2 × 0   = 0
        //   the limit on trade (70) is not crossed: 55 is below it, on Japan's side (it started at 25)
        //   trade-deal: 'yes', and an agreement on the trade imbalance holds at the end: 5
        //   procurement-end: 65 against Japan's final 61: |65 − 61| = 4, no full step of 5: 10 − 0 = 10
        //   total 2 + 0 + 5 + 10 = 17
        var offers = debrief.Run.Timeline.Where(e => e.Kind == EventKind.Proposal && e.Actor == "US" && e.Topic == "defense-procurement").ToList();
        Assert.Equal([84.93, 82.82], offers.Select(e => Math.Round(e.Terms!.Value[0].Value, 2)));
        Assert.Equal(
            [("agreement", "r3-JP-1/defense-procurement", 2.0), ("agreement", "r3-JP-1/trade-imbalance", 0.0), ("prediction", "trade-deal", 5.0), ("prediction", "procurement-end", 10.0)],
            debrief.Scores.Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal(17, debrief.Total);
        Assert.Equal("defense-procurement agreed at 80: (80 − 85) / (60 − 85) = 0.2 of the way from your reservation value to your start; × 10 × priority 1 = 2", debrief.Scores[0].Working);
        Assert.Equal("|65 − 61| = 4, 0 full step(s) of 5: 10 − 0 = 10", debrief.Predictions[1].Working);
    }

    [Fact]
    public async Task The_debrief_sets_the_play_against_the_record_on_the_topics_on_the_table()
    {
        var debrief = await PlayAsync("trade-for-defence.yaml", "trade-for-defence-jp.yaml");

        // The table holds the trade imbalance and procurement; the record's one fact there is the F-35 decision,
        // which moves Japan toward the high end. The US's two offers pull Japan from 60 to 61.00 (worked above),
        // at least 1 point toward the high end, so they agree.
        var check = Assert.Single(debrief.Record);
        Assert.Equal("f-35-purchase", check.Fact.Id);
        Assert.True(check.Agrees);
        Assert.Equal("JP moves toward the high end (Large and expanding purchases of US equipment) (f-35-purchase, 2018-12-18)", debrief.Predictions[1].Record);
    }

    [Fact]
    public async Task Where_the_play_and_the_record_disagree_the_debrief_says_so_in_words()
    {
        var debrief = await PlayAsync("bilateral-fta.yaml", "bilateral-fta-us.yaml");

        // The US plays; nothing proposes to Japan on TPP 11, so Japan stays at its 85, below the CPTPP's 90–100;
        // and no proposal on the bilateral FTA is accepted, so there is no agreement where the record has one.
        Assert.Equal(["cptpp", "us-japan-trade-agreements"], debrief.Record.Select(c => c.Fact.Id));
        Assert.All(debrief.Record, c => Assert.False(c.Agrees));
        Assert.Equal("The run ended with JP at 85 on tpp-11, below the 90–100 the record implies.", debrief.Record[0].Difference);
    }

    [Fact]
    public async Task An_offer_of_the_model_taken_up_binds_and_one_left_unanswered_is_rejected()
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        var answers = ExerciseFile.ParseAnswers("accepts.yaml",
            "answers: trade-for-defence\nrole: JP\npredictions: { trade-deal: yes, procurement-end: 60 }\n"
            + "responses:\n  - { proposal: r1-US-offer.r1.trade-imbalance, answer: accept }\n", exercise);
        var debrief = Debrief.Of(exercise, answers, await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers)));
        var timeline = debrief.Run.Timeline;

        // Japan takes up the US's offer on trade (74.96 in the timeline): an agreement at the offer's terms.
        var made = Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade);
        Assert.Equal("r1-US-offer.r1.trade-imbalance", made.Cause);
        Assert.Equal(74.96, Math.Round(made.Terms!.Value[0].Value, 2));
        // The offer on procurement has no answer in the file, so Japan rejects it, as it does both offers after round 2.
        Assert.Equal(3, timeline.Count(e => e.Kind == EventKind.Reject && e.Actor == "JP" && e.Why!.StartsWith("scripted: " + ExercisePlay.NotTakenUp, StringComparison.Ordinal)));

        // By hand: the offer pulls Japan on trade from 25 by 0.02128 of the distance (worked above): 25 + 0.02128 ×
        // 49.96 = 26.06. Round 2's inject raises Japan's salience on trade to 0.8, so its window is
        // 5 + 45 × (1 − 0.8) = 14, and 26.06 is 48.9 from the agreed 74.96, past 2 windows (28): breached.
        //   breach: −10
        //   trade-deal: 'yes', but no agreement holds on trade at the end: 0
        //   procurement-end: Japan ends at 60 + 0.02128 × (84.93 − 60) = 60.5305, then
        //     + 0.02128 × (82.86 − 60.5305) = 61.0057, shown 61.01: |60 − 61.01| = 1.01, no full step: 10
        //   total −10 + 0 + 10 = 0
        Assert.Equal(
            [("breach", "r1-US-offer.r1.trade-imbalance", -10.0), ("prediction", "trade-deal", 0.0), ("prediction", "procurement-end", 10.0)],
            debrief.Scores.Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal(0, debrief.Total);
    }

    [Fact]
    public async Task The_north_korea_line_agrees_with_Singapore_once_the_inject_moves_Washington()
    {
        var debrief = await PlayAsync("north-korea-line.yaml", "north-korea-line-jp.yaml");

        // The inject moves the US 20 points toward dialogue (95 -> 75), more than the 1 point the record's move needs.
        var check = Assert.Single(debrief.Record);
        Assert.Equal("singapore-summit", check.Fact.Id);
        Assert.True(check.Agrees);
        var us = Assert.Single(debrief.Paths, p => p.Actor == "US" && p.Topic == "north-korea");
        Assert.Equal(95, us.Values[0]);
        Assert.Equal(75, us.Values[1]);
    }
}
