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

        // Round 3's package (trade 55, procurement 80) is accepted. The US plays its role's reservation values, 65 on
        // both topics; with curvature 0.7 and saliences 0.9 (trade) and 0.75 (procurement), and its positions after
        // the earlier proposals pulled it (trade 74.81, procurement 84.96), by hand:
        //   no deal: 0.9 × (1 − 0.0981^0.7) + 0.75 × (1 − 0.1996^0.7) = 0.9 × 0.80313 + 0.75 × 0.67632 = 1.2301
        //   terms:   0.9 × (1 − 0.1981^0.7) + 0.75 × (1 − 0.0496^0.7) = 0.9 × 0.67802 + 0.75 × 0.87785 = 1.2686
        // 1.2686 ≥ 1.2301, and with no deadline it is the last word on these terms: accepted at the proposal's terms.
        var agreement = Assert.Single(debrief.Run.Final.Agreements, a => a.Cause == "r3-JP-1");
        Assert.Equal(55, agreement.Terms["trade-imbalance"]);
        Assert.Equal(80, agreement.Terms["defense-procurement"]);

        // After rounds 1 and 2 the US offers on each topic, as its delegation does in a rounds step: a Boulware
        // bargainer (e = 0.2) offers x + τ^5 · (r − x) toward its reservation value r = 65 at τ = round / 3:
        //   after round 1: 85 + (1/3)^5 × (65 − 85) = 85 − 0.0823 = 84.9177
        //   after round 2: the US stands at 84.9595 (round 2's package of 80 pulled it by
        //     0.1 × 0.45/1.25 × 1.8/2 × 0.25 × (80 − 85) = −0.0405), and offers 84.9595 + (2/3)^5 × (65 − 84.9595) = 82.3311
        // The answers give no response, so Japan rejects both, and each moves it by the influence rule,
        // Δ = α · c_US / (c_JP + c_US) · (1 + a_JP,US) / 2 · (1 − s) · (y − x), with α 0.1, capabilities 0.45 and 0.8,
        // Japan's affinity to the US 0.9 and salience 0.65 on procurement:
        //   0.1 × 0.8 / 1.25 × 1.9 / 2 × 0.35 = 0.02128 of the distance
        //   60 + 0.02128 × (84.9177 − 60) = 60 + 0.53025 = 60.5302 (60.530249 unrounded);
        //   60.530249 + 0.02128 × (82.331088 − 60.530249) = 60.530249 + 0.463922 = 60.994170, shown 60.9942
        // By hand, from the exercise's rules and Japan's instructions (start: trade 25, procurement 60;
        // reservation: trade 55, procurement 85; priorities trade 2, procurement 1; agreement 10 points):
        //   procurement at 80: (80 − 85) / (60 − 85) = 0.2 of the way; 10 × 1 × 0.2 = 2
        //   trade at 55:       (55 − 55) / (25 − 55) = 0;                 10 × 2 × 0   = 0
        //   the limit on trade (70) is not crossed: 55 is below it, on Japan's side (it started at 25)
        //   trade-deal: 'yes', and an agreement on the trade imbalance holds at the end: 5
        //   procurement-end: 65 against Japan's final 60.9942: |65 − 60.9942| = 4.0058, no full step of 5: 10 − 0 = 10
        //   total 2 + 0 + 5 + 10 = 17
        var offers = debrief.Run.Timeline.Where(e => e.Kind == EventKind.Proposal && e.Actor == "US" && e.Topic == "defense-procurement").ToList();
        Assert.Equal([84.92, 82.33], offers.Select(e => Math.Round(e.Terms!.Value[0].Value, 2)));
        Assert.Equal(
            [("agreement", "r3-JP-1/defense-procurement", 2.0), ("agreement", "r3-JP-1/trade-imbalance", 0.0), ("prediction", "trade-deal", 5.0), ("prediction", "procurement-end", 10.0)],
            debrief.Scores.Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal(17, debrief.Total);
        Assert.Equal("defense-procurement agreed at 80: (80 − 85) / (60 − 85) = 0.2 of the way from your reservation value to your start; 0.2 × 10 × priority 1 = 2", debrief.Scores[0].Working);
        Assert.Equal("|65 − 60.9942| = 4.0058, 0 full step(s) of 5: 10 − 0 = 10", debrief.Predictions[1].Working);
    }

    [Fact]
    public async Task The_debrief_sets_the_play_against_the_record_on_the_topics_on_the_table()
    {
        var debrief = await PlayAsync("trade-for-defence.yaml", "trade-for-defence-jp.yaml");

        // The table holds the trade imbalance and procurement; the record's one fact there is the F-35 decision,
        // which moves Japan toward the high end. The US's two offers pull Japan from 60 to 60.9942 (worked above),
        // less than the 1 point a move needs, so they disagree, and the debrief says so in words.
        var check = Assert.Single(debrief.Record);
        Assert.Equal("f-35-purchase", check.Fact.Id);
        Assert.False(check.Agrees);
        Assert.Equal("JP at 60.9942 (from 60)", check.Ended);
        Assert.Equal("The play left JP at 60.9942 on defense-procurement, less than 1 point from where it started; the record has it move toward the high end (Large and expanding purchases of US equipment).", check.Difference);
        Assert.Equal("JP moves toward the high end (Large and expanding purchases of US equipment) (f-35-purchase, 2018-12-18)", debrief.Predictions[1].Record);
    }

    [Fact]
    public async Task Where_the_play_and_the_record_disagree_the_debrief_says_so_in_words()
    {
        var debrief = await PlayAsync("bilateral-fta.yaml", "bilateral-fta-us.yaml");

        // The US plays; nothing proposes to Japan on TPP 11, so Japan stays at its 85, below the CPTPP's 90–100;
        // and the one agreement on the bilateral FTA, round 3's ask of 40 (accepted, as the next test works out), lies
        // below the 60–90 at which the record has one.
        Assert.Equal(["cptpp", "us-japan-trade-agreements"], debrief.Record.Select(c => c.Fact.Id));
        Assert.All(debrief.Record, c => Assert.False(c.Agrees));
        Assert.Equal("The play ended with JP at 85 on tpp-11, below the 90–100 the record implies.", debrief.Record[0].Difference);
    }

    [Fact]
    public async Task A_multiple_choice_prediction_earns_its_points_when_the_option_it_names_happened()
    {
        var debrief = await PlayAsync("bilateral-fta.yaml", "bilateral-fta-us.yaml");

        // who-moves asks which side ends further from its start on a bilateral FTA. By the influence rule,
        // Δ = α · c_other / (c_self + c_other) · (1 + affinity) / 2 · (1 − salience) · (y − x), α 0.1, capabilities JP 0.45, US 0.8:
        //   Japan (affinity to the US 0.9, salience 0.75): 0.1 × 0.8/1.25 × 1.9/2 × 0.25 = 0.0152 of the distance, at each US proposal:
        //     80: 20 + 0.0152 × 60 = 20.912;  60: 20.912 + 0.0152 × 39.088 = 21.50614;  40: 21.50614 + 0.0152 × 18.49386 = 21.78724
        //     it moved 21.7872 − 20 = 1.7872 (each figure to four decimals)
        //   the US (affinity to Japan 0.8, salience 0.7): 0.1 × 0.45/1.25 × 1.8/2 × 0.3 = 0.00972, at each of Japan's offers,
        //     which concede in a straight line from where Japan stands toward its reservation value 50, a third of the way per round:
        //     after round 1: 20.912 + (50 − 20.912)/3 = 30.608, and the US goes 80 − 0.00972 × 49.392 = 79.51991
        //     after round 2: 21.50614 + 2 × (50 − 21.50614)/3 = 40.50205, and the US goes 79.51991 − 0.00972 × 39.01786 = 79.14066
        //     it moved 80 − 79.1407 = 0.8593
        // 1.7872 > 0.8593: 'japan' happened, and the sample answer 'japan' earns the question's 10 points; 'us' did not, 0.
        var who = debrief.Predictions.Single(p => p.Question.Id == "who-moves");
        Assert.Equal("japan (JP moved 1.7872 on bilateral-fta, US 0.8593)", who.Simulation);
        Assert.Equal((10.0, "'japan' happened (JP moved 1.7872 on bilateral-fta, US 0.8593): 10"), (who.Points, who.Working));
        Assert.Equal("an agreement of JP and US at 60–90 (between \"Bilateral talks short of an FTA, open to one later\" and \"A bilateral FTA now\") (us-japan-trade-agreements, 2019-10-07)", who.Record);

        // The score, by hand: round 3's ask of 40 is accepted, at the US's reservation value 40 (start 80):
        //   (40 − 40) / (80 − 40) = 0 of the way: 0 points; fta-agreed 'no', but an agreement holds: 0;
        //   japan-fta 30 against Japan's 21.7872: |30 − 21.7872| = 8.2128, 1 full step of 5: 10 − 1 = 9; who-moves 10. Total 19.
        Assert.Equal(
            [("agreement", "r3-US-1/bilateral-fta", 0.0), ("prediction", "fta-agreed", 0.0), ("prediction", "japan-fta", 9.0), ("prediction", "who-moves", 10.0)],
            debrief.Scores.Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal(19, debrief.Total);

        var exercise = debrief.Exercise;
        var other = ExerciseFile.ParseAnswers("us.yaml", "answers: bilateral-fta\nrole: US\npredictions: { fta-agreed: no, japan-fta: 30, who-moves: us }\n", exercise);
        var wrong = Debrief.Of(exercise, other, debrief.Run).Predictions.Single(p => p.Question.Id == "who-moves");
        Assert.Equal((0.0, "'us' did not happen (US moved 0.8593 on bilateral-fta, JP 1.7872); what happened: 'japan': 0"), (wrong.Points, wrong.Working));
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

        // Japan takes up the US's offer on trade, 75 + (1/3)^5 × (65 − 75) = 74.9588: an agreement at the offer's terms.
        var made = Assert.Single(timeline, e => e.Kind == EventKind.AgreementMade);
        Assert.Equal("r1-US-offer.r1.trade-imbalance", made.Cause);
        Assert.Equal(74.96, Math.Round(made.Terms!.Value[0].Value, 2));
        // Japan's player accepts terms worse than no deal for Japan: the player's choice, said so beside the accept.
        // By hand, Japan at 25 (salience 0.65, curvature 1.3, reservation 55):
        //   the terms: 0.65 × (1 − 0.499588^1.3) = 0.65 × (1 − 0.405692) = 0.386300, 0.3863 at four decimals
        //   no deal:   0.65 × (1 − 0.30^1.3)     = 0.65 × (1 − 0.209054) = 0.514115, 0.5141
        var play = PlayInWords.Of(exercise, timeline, "JP");
        Assert.Contains("    You accept it (your choice), although by your reservation values these terms are worse than no deal, your BATNA (0.3863 against 0.5141).", play);
        // In the words the play at the keyboard shows the offer (PlayInWords.Offered), as written to four decimals at
        // most, 74.958848 read 74.9588: trade-for-defence has 3 rounds.
        Assert.Contains("  r1-US-offer.r1.trade-imbalance: United States offers trade-imbalance 74.9588, its offer after round 1 of 3 (a side concedes more as the last round nears).", play);
        // The offer on procurement has no answer in the file, so Japan rejects it, as it does the offer after round 2:
        // trade is settled by the agreement in force, so after round 2 the US offers on procurement alone.
        Assert.Equal(2, timeline.Count(e => e.Kind == EventKind.Reject && e.Actor == "JP" && e.Why!.StartsWith("scripted: " + ExercisePlay.NotTakenUp, StringComparison.Ordinal)));

        // By hand: the offer pulls Japan on trade from 25 by 0.02128 of the distance (worked above): 25 + 0.02128 ×
        // 49.96 = 26.06, a move toward the agreed 74.96, not away from it. Round 2's inject raises Japan's salience on
        // trade to 0.8 (window 5 + 45 × (1 − 0.8) = 14, breach past 28), but a change of salience moves no one, and a
        // party is held to an agreement when it moves away from it: Japan, 48.9 from 74.96, never moved away, so the
        // agreement holds to the end.
        //   no breach; the agreement in force is scored instead:
        //   trade at 74.96 is past Japan's reservation value 55 (a share below 0): beyond-reservation −5 × priority 2 = −10
        //   74.96 is past the limit Japan must not give up, 70: must-not-give-up −20
        //   trade-deal: 'yes', and the agreement holds on trade at the end: 5
        //   procurement-end: the US offers 85 − 20/243 = 84.9177, then (unmoved, as nobody proposed to it)
        //     85 − 20 × 32/243 = 82.3663; Japan ends at 60 + 0.02128 × 24.9177 = 60.5302, then
        //     + 0.02128 × (82.3663 − 60.5302) = 60.9949: |60 − 60.9949| = 0.9949, no full step: 10
        //   total −10 − 20 + 5 + 10 = −15
        Assert.Equal(
            [("beyond-reservation", "r1-US-offer.r1.trade-imbalance/trade-imbalance", -10.0), ("must-not-give-up", "r1-US-offer.r1.trade-imbalance/trade-imbalance", -20.0),
             ("prediction", "trade-deal", 5.0), ("prediction", "procurement-end", 10.0)],
            debrief.Scores.Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal(-15, debrief.Total);
        Assert.DoesNotContain(timeline, e => e.Kind is EventKind.AgreementBreached or EventKind.AgreementStrained);
    }

    [Fact]
    public async Task A_strained_agreement_is_in_force_for_the_prediction_as_for_the_score_and_a_share_past_1_says_it_is_capped()
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "north-korea-line.yaml"));
        var answers = ExerciseFile.ParseAnswers("strained.yaml",
            "answers: north-korea-line\nrole: JP\npredictions: { pressure-holds: yes, us-line: 75 }\nproposals:\n  - { round: 1, terms: { north-korea: 93 } }\n", exercise);
        var debrief = Debrief.Of(exercise, answers, await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers)));

        // By hand: the US at 95 is held to the summit's 93, so it takes 93 (|93 − 95| ≤ |93 − 95|): agreement r1-JP-1
        // at 93 replaces the summit's. Round 2's inject moves the US 20 toward dialogue, to about 75, 18 from 93:
        // past its window (5 + 45 × (1 − 0.9) = 9.5) but not past two (19), so r1-JP-1 ends strained, still in force.
        var agreement = Assert.Single(debrief.Run.Final.Agreements, a => a.Cause == "r1-JP-1");
        Assert.Equal(AgreementStatus.Strained, agreement.Status);
        // The prediction and the score read it alike: in force.
        //   pressure-holds: 'yes', and r1-JP-1 is in force (strained): 5
        //   agreement at 93 for Japan (start 92, reservation 75, priority 2): (93 − 75) / (92 − 75) = 18/17 = 1.06,
        //     capped at 1: 1 × 10 × 2 = 20
        Assert.Equal("yes (r1-JP-1 at 93, strained)", debrief.Predictions[0].Simulation);
        Assert.Equal(5, debrief.Predictions[0].Points);
        var score = Assert.Single(debrief.Scores, s => s.Kind == "agreement");
        Assert.Equal(20, score.Points);
        Assert.Equal("north-korea agreed at 93: (93 − 75) / (92 − 75) = 1.0588, capped at 1, of the way from your reservation value to your start; 1 × 10 × priority 2 = 20", score.Working);
    }

    [Fact]
    public async Task A_breach_falls_on_the_party_whose_position_strayed_and_not_on_the_partner_who_held_to_the_terms()
    {
        // The North Korea line with round 2's inject moving the US 40 toward dialogue instead of 20.
        var path = Path.Combine(Folder, "north-korea-line.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains("{ position: US, topic: north-korea, by: -20 }", text);
        var exercise = ExerciseFile.Parse(path, text.Replace("{ position: US, topic: north-korea, by: -20 }", "{ position: US, topic: north-korea, by: -40 }", StringComparison.Ordinal));
        var japan = ExerciseFile.ParseAnswers("breach-jp.yaml",
            "answers: north-korea-line\nrole: JP\npredictions: { pressure-holds: yes, us-line: 75 }\nproposals:\n  - { round: 1, terms: { north-korea: 93 } }\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, japan));

        // By hand: r1-JP-1 at 93 is agreed in round 1, as in the test above (the US at 95 is held to the summit's 93).
        // Round 2's inject moves the US from 95 to 55: 38 from 93, past twice its window (2 × 9.5 = 19), so the US's
        // move breaches r1-JP-1. Japan did not move on north-korea: it held to the terms.
        var agreement = Assert.Single(run.Final.Agreements, a => a.Cause == "r1-JP-1");
        Assert.Equal(AgreementStatus.Breached, agreement.Status);
        var breach = Assert.Single(run.Timeline, e => e.Kind == EventKind.AgreementBreached && e.Why!.StartsWith("r1-JP-1: ", StringComparison.Ordinal));
        Assert.Equal("US", breach.Actor);

        // Japan, who held to it, is not charged: its breach line is 0 and says who breached.
        var jp = Debrief.Of(exercise, japan, run);
        var line = Assert.Single(jp.Scores, s => s.Kind == "breach");
        Assert.Equal(("r1-JP-1", 0.0), (line.Item, line.Points));
        // The inject of round 2 made the breach, and the line quotes that moment. Hearing Japan's 93 in round 1 pulled
        // the US by the influence rule, 0.1 × 0.45/1.25 × (1 + 0.8)/2 × (1 − 0.9) × (93 − 95) = −0.00648, to 94.99352;
        // the inject takes it to 54.99352, shown 54.9935 (four decimals), and 93 − 54.9935 = 38.0065 (window 9.5, as above).
        Assert.StartsWith("r1-JP-1 was breached in round 2 by US, who strayed from its terms (US at 54.9935, 38.0065 from the agreed 93 (window 9.5))", line.Working);
        Assert.EndsWith("JP held to them: 0", line.Working);
        // The breach takes back nothing the agreement earned when it was reached, and nothing was agreed on north-korea
        // after it: Japan (start 92, reservation 75, priority 2) keeps (93 − 75) / (92 − 75) = 1.0588, capped at 1:
        // 1 × 10 × 2 = 20, its line before the breach's.
        Assert.Equal([("agreement", "r1-JP-1/north-korea", 20.0), ("breach", "r1-JP-1", 0.0)],
            jp.Scores.Where(s => s.Kind != "prediction").Select(s => (s.Kind, s.Item, s.Points)));

        // The US, scored on the same play, is the one charged: breach −10, the default, on top of what the agreement
        // earned it (start 95, reservation 60, priority 1): (93 − 60) / (95 − 60) = 0.9429 of the way, 0.9429 × 10 × 1 = 9.429.
        var us = ExerciseFile.ParseAnswers("breach-us.yaml", "answers: north-korea-line\nrole: US\npredictions: { pressure-holds: yes, us-line: 75 }\n", exercise);
        var usScores = Debrief.Of(exercise, us, run).Scores;
        var usLine = Assert.Single(usScores, s => s.Kind == "breach");
        Assert.Equal(("r1-JP-1", -10.0), (usLine.Item, usLine.Points));
        Assert.StartsWith("r1-JP-1 binds US and was breached in round 2 by US, who strayed from its terms (US at 54.9935, 38.0065 from the agreed 93 (window 9.5))", usLine.Working);
        Assert.Equal([("agreement", "r1-JP-1/north-korea", 9.429), ("breach", "r1-JP-1", -10.0)],
            usScores.Where(s => s.Kind != "prediction").Select(s => (s.Kind, s.Item, s.Points)));
    }

    [Fact]
    public async Task After_a_breach_a_newer_agreement_on_the_topic_earns_its_points_and_the_breached_one_keeps_its_penalties()
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        var japan = ExerciseFile.ParseAnswers("again.yaml",
            "answers: trade-for-defence\nrole: JP\npredictions: { trade-deal: yes, procurement-end: 60 }\nproposals:\n"
            + "  - { round: 1, terms: { trade-imbalance: 55, defense-procurement: 80 } }\n"
            + "  - { round: 2, terms: { trade-imbalance: 20 } }\n"
            + "  - { round: 3, terms: { trade-imbalance: 55, defense-procurement: 80 } }\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, japan));

        // By hand: the package (trade 55, procurement 80), Japan's last word, is worth more to the US than no deal in
        // round 1 as in round 3 (worked for round 3 in the test of the sample above): r1-JP-1, then r3-JP-1. Round 2's
        // inject raises Japan's salience on trade to 0.8 (window 14, a breach beyond 28), and Japan's 20 is |20 − 55| =
        // 35 from r1-JP-1's 55: Japan breaches it in round 2. r1-JP-1 settled every topic, so the US offers after round 2
        // alone (procurement 82.3311, as in the sample), which pulls Japan from 60 by 0.02128 × 22.3311 to 60.4752.
        Assert.Equal([("r1-JP-1", AgreementStatus.Breached), ("r3-JP-1", AgreementStatus.Holding)],
            run.Final.Agreements.Where(a => a.Cause != "seed").Select(a => (a.Id, a.Status)));
        // Japan (start 25 and 60, reservation 55 and 85, priorities 2 and 1): r3-JP-1 took r1-JP-1's place on both topics,
        // so its points are scored once, on r3-JP-1, and r1-JP-1 scores its breach:
        //   breach r1-JP-1: −10
        //   r3-JP-1 procurement 80: (80 − 85) / (60 − 85) = 0.2 × 10 × 1 = 2; trade 55: (55 − 55) / (25 − 55) = 0: 0
        //   trade-deal: 'yes', r3-JP-1 holds: 5; procurement-end: |60 − 60.4752| = 0.4752, no full step: 10
        //   total −10 + 2 + 0 + 5 + 10 = 7
        var jp = Debrief.Of(exercise, japan, run);
        Assert.Equal([("breach", "r1-JP-1", -10.0), ("agreement", "r3-JP-1/defense-procurement", 2.0), ("agreement", "r3-JP-1/trade-imbalance", 0.0),
             ("prediction", "trade-deal", 5.0), ("prediction", "procurement-end", 10.0)],
            jp.Scores.Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal(7, jp.Total);

        // The US (start 75 and 85, reservation 65 and 65, priorities 2 and 1) agreed to trade 55, past its reservation
        // value, in each agreement: (55 − 65) / (75 − 65) = −1, −5 × 2 = −10 each, the breached one's kept. Its procurement
        // points go to r3-JP-1 alone: (80 − 65) / (85 − 65) = 0.75 × 10 × 1 = 7.5. Japan breached, so the US's breach line is 0.
        var us = Debrief.Of(exercise, japan with { Role = "US" }, run);
        Assert.Equal([("beyond-reservation", "r1-JP-1/trade-imbalance", -10.0), ("breach", "r1-JP-1", 0.0),
             ("agreement", "r3-JP-1/defense-procurement", 7.5), ("beyond-reservation", "r3-JP-1/trade-imbalance", -10.0)],
            us.Scores.Where(s => s.Kind != "prediction").Select(s => (s.Kind, s.Item, s.Points)));
    }

    [Fact]
    public async Task An_agreement_a_newer_one_replaced_keeps_its_penalties_and_leaves_its_points_to_the_newer()
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        var japan = ExerciseFile.ParseAnswers("replaced.yaml",
            "answers: trade-for-defence\nrole: JP\npredictions: { trade-deal: yes, procurement-end: 60 }\nproposals:\n"
            + "  - { round: 1, terms: { trade-imbalance: 72 } }\n"
            + "  - { round: 2, terms: { trade-imbalance: 68, defense-procurement: 95 } }\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, japan));

        // Japan's last word of trade 72 is worth 0.8227 to the US, more than no deal (0.7204): r1-JP-1. In round 2 the
        // package (trade 68, procurement 95) is worth 1.3606 to it, more than no deal (1.3298): r2-JP-1, which binds both
        // on trade and so replaces r1-JP-1 there, on its one topic: r1-JP-1 is superseded.
        Assert.Equal([("r1-JP-1", AgreementStatus.Superseded), ("r2-JP-1", AgreementStatus.Holding)],
            run.Final.Agreements.Where(a => a.Cause != "seed").Select(a => (a.Id, a.Status)));
        // Japan (start 25 and 60, reservation 55 and 85, priorities 2 and 1, must not give up trade past 70):
        //   r1-JP-1 trade 72: (72 − 55) / (25 − 55) < 0: −5 × 2 = −10; past 70: −20 (what was given away stays given)
        //   r2-JP-1 procurement 95: (95 − 85) / (60 − 85) < 0: −5 × 1 = −5; trade 68: (68 − 55) / (25 − 55) < 0: −10;
        //     68 is not past 70
        //   trade-deal: 'yes', r2-JP-1 holds: 5
        //   procurement-end: only the US's offer after round 1, 84.9177, pulls Japan (after round 2 every topic is
        //     settled): 60 + 0.02128 × 24.9177 = 60.5302; |60 − 60.5302| = 0.5302, no full step: 10
        //   total −10 − 20 − 5 − 10 + 5 + 10 = −30
        var jp = Debrief.Of(exercise, japan, run);
        Assert.Equal([("beyond-reservation", "r1-JP-1/trade-imbalance", -10.0), ("must-not-give-up", "r1-JP-1/trade-imbalance", -20.0),
             ("beyond-reservation", "r2-JP-1/defense-procurement", -5.0), ("beyond-reservation", "r2-JP-1/trade-imbalance", -10.0),
             ("prediction", "trade-deal", 5.0), ("prediction", "procurement-end", 10.0)],
            jp.Scores.Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal(-30, jp.Total);
        // The US (start 75 and 85, reservation 65 and 65, priorities 2 and 1) earns trade's points once, on r2-JP-1, the
        // deal it ends with: (68 − 65) / (75 − 65) = 0.3 × 10 × 2 = 6; r1-JP-1's 72 earns none. Procurement 95:
        // (95 − 65) / (85 − 65) = 1.5, capped at 1: 1 × 10 × 1 = 10.
        var us = Debrief.Of(exercise, japan with { Role = "US" }, run);
        Assert.Equal([("r2-JP-1/defense-procurement", 10.0), ("r2-JP-1/trade-imbalance", 6.0)],
            us.Scores.Where(s => s.Kind == "agreement").Select(s => (s.Item, s.Points)));
    }

    [Fact]
    public async Task A_breach_line_quotes_the_moment_it_was_found_and_the_path_goes_on_from_there()
    {
        // The trial's case: the North Korea line with round 2's inject moving the US 30 toward dialogue, played as the
        // US, who agrees north-korea 93 with Japan in round 1.
        var path = Path.Combine(Folder, "north-korea-line.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains("{ position: US, topic: north-korea, by: -20 }", text);
        var exercise = ExerciseFile.Parse(path, text.Replace("{ position: US, topic: north-korea, by: -20 }", "{ position: US, topic: north-korea, by: -30 }", StringComparison.Ordinal));
        var us = ExerciseFile.ParseAnswers("breach-us.yaml",
            "answers: north-korea-line\nrole: US\npredictions: { pressure-holds: yes, us-line: 75 }\nproposals:\n  - { round: 1, terms: { north-korea: 93 } }\n", exercise);
        var debrief = Debrief.Of(exercise, us, await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, us)));

        // By hand: Japan at 92 is held to the summit's 93 and takes 93: r1-US-1. The US hears no terms in round 1, so it
        // stays at 95 until round 2's inject: 95 − 30 = 65, |65 − 93| = 28, past twice its window (2 × 9.5 = 19): the
        // US breaches r1-US-1 in round 2, at 65. Japan's offer on north-korea after round 2 then pulls the US a little
        // toward it, so the path goes on past 65; the breach line says the round and that moment's numbers, the ones
        // the play tells under round 2, not the end's.
        var line = Assert.Single(debrief.Scores, s => s.Kind == "breach");
        Assert.Equal(("r1-US-1", -10.0), (line.Item, line.Points));
        Assert.Equal("r1-US-1 binds US and was breached in round 2 by US, who strayed from its terms (US at 65, 28 from the agreed 93 (window 9.5)): -10", line.Working);
        var usPath = Assert.Single(debrief.Paths, p => p.Actor == "US" && p.Topic == "north-korea");
        Assert.Equal(65, Debrief.Shown(usPath.Values[^2]));
        Assert.NotEqual(65, Debrief.Shown(usPath.Values[^1]));
        Assert.Contains("  Agreement r1-US-1 is breached on north-korea: US now at 65, 28 from the agreed 93 (a party may stray 9.5 points from an agreement before it strains, and 19 before it breaks).",
            PlayInWords.Of(exercise, debrief.Run.Timeline, "US").SkipWhile(l => l != "Round 2 of 3"));
    }

    [Fact]
    public void The_distance_from_an_agreement_is_the_difference_of_the_values_as_shown()
    {
        // Every figure as written, to four decimals at most: 0.125 is 0.125, the window 9.504 is 9.504, and the
        // distance is the difference of the two as shown, 93 − 0.125 = 92.875.
        Assert.Equal("JP now at 0.125, 92.875 from the agreed 93 (window 9.504)", CommitmentWords.Distance("JP now at", 0.125, 93, 9.504));
        // 30.00004 rounds to 30 at four decimals; the distance is then 50 − 30 = 20.
        Assert.Equal("JP now at 30, 20 from the agreed 50 (window 9.5)", CommitmentWords.Distance("JP now at", 30.00004, 50, 9.5));
    }

    [Theory]
    // 74.99676 is 74.9968 at four decimals (half away from zero), and 94 − 74.9968 = 19.0032: beyond the breach
    // distance 2 × 9.5 = 19, as the unrounded 19.00324 is.
    [InlineData(74.99676, 94, 9.5, "US now at 74.9968, 19.0032 from the agreed 94 (window 9.5)")]
    // 84.4996 has four decimals already: 94 − 84.4996 = 9.5004, beyond the window 9.5 (a strain).
    [InlineData(84.4996, 94, 9.5, "US now at 84.4996, 9.5004 from the agreed 94 (window 9.5)")]
    // 75.004 as written, 94 − 75.004 = 18.996, within 19 (no longer "75, 19", which needed the reader to trust a rounding).
    [InlineData(75.004, 94, 9.5, "US now at 75.004, 18.996 from the agreed 94 (window 9.5)")]
    public void A_distance_is_shown_as_written_to_four_decimals_at_most(double value, double agreed, double window, string words) =>
        Assert.Equal(words, CommitmentWords.Distance("US now at", value, agreed, window));

    [Theory]
    // Each end as written, to four decimals at most (half away from zero), whatever the other end is:
    // 92.0004 has four decimals; 94.99676 is 94.9968; 61.25 has two; 74.99676 is 74.9968.
    [InlineData(92, 92.0004, "from 92 to 92.0004")]
    [InlineData(95, 94.99676, "from 95 to 94.9968")]
    [InlineData(60, 61.25, "from 60 to 61.25")]
    // The inject of north-korea-line after a proposal pulled the US to 94.99676: 94.99676 − 20 = 74.99676. At two
    // decimals its ends would read "from 95 to 75", beside a breach line's "US now at 74.9968".
    [InlineData(94.99676, 74.99676, "from 94.9968 to 74.9968")]
    public void A_change_is_shown_with_each_end_as_written_to_four_decimals_at_most(double before, double after, string words) =>
        Assert.Equal(words, AnswerInWords.FromTo(before, after));

    [Fact]
    public void A_path_shows_each_value_as_written_to_four_decimals_at_most()
    {
        // 95 → 94.99676 → 74.99676: 95, 94.9968, 74.9968 (four decimals, half away from zero).
        Assert.Equal("95 → 94.9968 → 74.9968", new PositionPath("north-korea", "US", [95, 94.99676, 74.99676]).ToString());
        // Whole points stay whole: 92 → 92 → 72.
        Assert.Equal("92 → 92 → 72", new PositionPath("north-korea", "JP", [92, 92, 72]).ToString());
    }

    [Fact]
    public async Task The_models_offers_and_the_injects_moves_are_told_as_written_to_four_decimals_at_most()
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        var answers = ExerciseFile.LoadAnswers(Path.Combine(Folder, "answers", "trade-for-defence-jp.yaml"), exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers));
        var lines = PlayInWords.Of(exercise, run.Timeline, "JP", answers);

        // By hand (world 2017-11-06-abe-trump; the US: capability 0.8, Boulware e = 0.2, salience 0.9 on
        // trade-imbalance, affinity to JP 0.8; JP capability 0.45; the exercise's US reservation 65):
        //   r1-JP-1 proposes trade-imbalance 40 and pulls the US from 75 by
        //     0.1 × 0.45 / 1.25 × (1 + 0.8) / 2 × (1 − 0.9) × (40 − 75) = 0.00324 × −35 = −0.1134, to 74.8866;
        //   the US's offer after round 1 of 3, at τ = 1/3: f = (1/3)^(1/0.2) = 1/243, and
        //     74.8866 + (65 − 74.8866) / 243 = 74.8866 − 0.0406856 = 74.8459144, 74.8459 at four decimals
        //     (two decimals would say 74.85).
        Assert.Contains("  r1-US-offer.r1.trade-imbalance: United States offers trade-imbalance 74.8459, its offer after round 1 of 3 (a side concedes more as the last round nears).", lines);
        Assert.Contains("    United States moved on trade-imbalance from 75 to 74.8866, a little toward the terms it heard.", lines);
    }

    [Fact]
    public async Task Agreements_are_scored_in_the_order_they_were_made_with_the_share_multiplied_unrounded()
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        // A play by two: the US's player accepts Japan's trade at 51.25 in round 1, Japan's player the US's procurement at 80 in round 2.
        var answers = ExerciseFile.ParseAnswers("two.yaml",
            "answers: trade-for-defence\nrole: JP\nplayers: 2\npredictions: { trade-deal: yes, procurement-end: 65 }\nproposals:\n"
            + "  - { round: 1, from: JP, terms: { trade-imbalance: 51.25 } }\n  - { round: 2, from: US, terms: { defense-procurement: 80 } }\n"
            + "responses:\n  - { proposal: r1-JP-1, answer: accept }\n  - { proposal: r2-US-1, answer: accept }\n", exercise);
        var debrief = Debrief.Of(exercise, answers, await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers)));

        // By hand, from Japan's instructions (start: trade 25, procurement 60; reservation: trade 55, procurement 85;
        // priorities trade 2, procurement 1; agreement 10 points), in the order made, r1-JP-1 before r2-US-1:
        //   trade at 51.25:    (51.25 − 55) / (25 − 55) = −3.75 / −30 = 0.125; 0.125 × 10 × 2 = 2.5 (0.13 × 20 would give 2.6)
        //   procurement at 80: (80 − 85) / (60 − 85) = 0.2;                     0.2 × 10 × 1 = 2
        Assert.Equal(
            [("agreement", "r1-JP-1/trade-imbalance", 2.5), ("agreement", "r2-US-1/defense-procurement", 2.0)],
            debrief.Scores.Where(s => s.Kind == "agreement").Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal("trade-imbalance agreed at 51.25: (51.25 − 55) / (25 − 55) = 0.125 of the way from your reservation value to your start; 0.125 × 10 × priority 2 = 2.5",
            debrief.Scores.First(s => s.Kind == "agreement").Working);
    }

    [Theory]
    // JP's round-1 trade proposal at 51.25 with no response from the US's player: the US is a person here, so the
    // model must not answer for it; the proposal is rejected as no answer, and no agreement is made or scored.
    [InlineData("  - { round: 1, from: JP, terms: { trade-imbalance: 51.25 } }\n", "r1-JP-1", "US", "JP")]
    // The reverse: the US's round-2 procurement proposal at 80 with no response from Japan's player.
    [InlineData("  - { round: 2, from: US, terms: { defense-procurement: 80 } }\n", "r2-US-1", "JP", "JP")]
    public async Task In_a_play_by_two_a_proposal_the_other_player_leaves_unanswered_is_rejected_not_answered_by_the_model(
        string proposal, string id, string answerer, string role)
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        var answers = ExerciseFile.ParseAnswers("two.yaml",
            $"answers: trade-for-defence\nrole: {role}\nplayers: 2\npredictions: {{ trade-deal: yes, procurement-end: 65 }}\nproposals:\n" + proposal, exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers));
        var debrief = Debrief.Of(exercise, answers, run);

        // By hand: the file holds one proposal and no 'responses', so the one answer to it is the other player's
        // missing answer, a reject, whose reason is that none was given; nothing else answers it.
        var answer = Assert.Single(run.Timeline, e => e.Cause == id && e.Kind is EventKind.Accept or EventKind.Reject or EventKind.Counter);
        Assert.Equal(EventKind.Reject, answer.Kind);
        Assert.Equal(answerer, answer.Actor);
        Assert.StartsWith($"scripted: {ExercisePlay.NotTakenUp}", answer.Why);
        Assert.DoesNotContain(run.Final.Agreements, a => a.Cause == id);
        Assert.DoesNotContain(debrief.Scores, s => s.Kind == "agreement");
        // The words say the player gave no answer, and carry none of the model's worth figures for that side.
        var words = AnswerInWords.Of(exercise.World, run.Timeline, id, role);
        var said = Assert.Single(words, w => w.Contains("no answer", StringComparison.Ordinal));
        Assert.DoesNotContain("worth", said, StringComparison.Ordinal);
        // Japan's debrief speaks to Japan as "you" (and may add, to Japan alone, how its own reservation values judge
        // the terms it let go); the world names the US "United States", whose judgement Japan is never told.
        if (answerer == role)
            Assert.StartsWith("You reject it: you gave no answer, and a proposal left unanswered is rejected", said);
        else
            Assert.Equal("United States rejects it: its player gave no answer, and a proposal left unanswered is rejected.", said);
    }

    [Theory]
    // The fifth check's examples: terms written 83.499 read "83.5" at two decimals, and 73.999 read "74", while the
    // strain or breach they caused quoted 83.499 and 73.999. Written to four decimals at most, they read as written.
    [InlineData("north-korea", 83.499, "north-korea 83.499")]
    [InlineData("north-korea", 73.999, "north-korea 73.999")]
    [InlineData("north-korea", 73.9999, "north-korea 73.9999")]
    // Whole and two-decimal terms read as before: 40, 51.25.
    [InlineData("north-korea", 40, "north-korea 40")]
    [InlineData("north-korea", 51.25, "north-korea 51.25")]
    public void A_proposal_s_terms_are_shown_as_written_in_the_play_and_when_put_again(string topic, double value, string shown)
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "north-korea-line.yaml"));
        Assert.Equal($"r1-US-1: United States proposes {shown}", PlayInWords.Proposed(exercise.World, "r1-US-1", "US", [(topic, value)], "JP", null));
        Assert.Equal($"r1-US-1~1: United States's open proposal {shown} is put again after round 1", PlayInWords.Renewed(exercise.World, "r1-US-1~1", "US", [(topic, value)], "JP", 1));
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
    [Fact]
    public async Task A_value_prediction_is_scored_as_written_not_rounded_to_three_decimals()
    {
        // Japan proposes north-korea 94 in round 1 and the US accepts: the proposal pulls the US from 95 by
        // 0.1 × 0.45/1.25 × 0.9 × 0.1 × (94 − 95) = −0.00324, to 94.99676; the inject then moves it by −20, to
        // 74.99676. The prediction 79.9966 is |79.9966 − 74.99676| = 4.99984 away: no full step of 5, 10 points.
        // Rounded to 79.997 it would be 5.00024 away, one full step: 9.
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "north-korea-line.yaml"));
        var given = ExerciseFile.ParseAnswers("nk94.yaml",
            "answers: north-korea-line\nrole: JP\npredictions: { pressure-holds: yes, us-line: 79.9966 }\nproposals:\n  - { round: 1, terms: { north-korea: 94 } }\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, given));
        var debrief = Debrief.Of(exercise, given, run);

        Assert.Equal("79.9966", given.Predictions["us-line"]);
        Assert.Equal(10, Assert.Single(debrief.Scores, s => s.Item == "us-line").Points);
    }

    [Fact]
    public void A_keyboard_play_s_answers_keep_every_term_as_typed()
    {
        // The answers a keyboard play writes are replayed and scored: 88.4999 and 73.9999 must come back as
        // typed (at three decimals they would read 88.5 and 74, other terms with other scores).
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "north-korea-line.yaml"));
        var draft = new AnswersDraft(exercise, "JP");
        draft.Propose(1, "JP", [("north-korea-sanctions", 88.4999)]);
        draft.Propose(3, "JP", [("north-korea", 73.9999)]);

        var text = draft.Text();

        Assert.Contains("terms: { north-korea-sanctions: 88.4999 }", text, StringComparison.Ordinal);
        Assert.Contains("terms: { north-korea: 73.9999 }", text, StringComparison.Ordinal);
    }

    // A proposal is judged at the time the play has reached when it is made. trade-for-defence has 3 rounds and the US
    // offers after rounds 1 and 2 at τ = 1/3 and 2/3 (round k of N is τ = k/N); a proposal of round r with a deadline
    // comes after the offers of round r − 1, at τ = (r − 1)/3: 0 in round 1, 1/3 in round 2 (a third of the way). The
    // last round takes no deadline: a proposal there is a last word, τ = 1.
    // By hand, Japan proposes trade-imbalance 70 alone (nothing has moved the US on trade before: the US's offers pull
    // only Japan, and round 2's inject changes only Japan's salience). The US: at 75, salience 0.9, curvature 0.7,
    // Boulware (e = 0.2) toward its reservation value 65 (the exercise's), AC_next:
    //   the terms: 0.9 × (1 − (5/100)^0.7) = 0.9 × (1 − 0.122823) = 0.789459, 0.7895;
    //   no deal, at 65: 0.9 × (1 − (10/100)^0.7) = 0.9 × (1 − 0.199526) = 0.720426, 0.7204;
    //   its own offer at τ: 75 + τ^5 × (65 − 75): at τ 0, 75 (worth 0.9); at τ 1/3, 75 − 10/243 = 74.958848, 74.9588,
    //     worth 0.9 × (1 − 0.00041152^0.7) = 0.9 × (1 − 0.0042666) = 0.896160, 0.8962.
    // Before the deadline 0.7895 beats no deal and not its own offer: it counters, and would settle at its own offer;
    // at the deadline it accepts what beats no deal.
    [Theory]
    [InlineData(1, ", deadline: 1", "0", "United States counters: the terms are worth 0.7895 to it, more than no deal (its BATNA, 0.7204), but less than what it would still ask for itself at the start of the time limit (0.9), so it asks for terms worth more to it in all (worth: how good an outcome is for that side, higher is better). It would settle at trade-imbalance 75 instead.")]
    [InlineData(2, ", deadline: 1", "0.3333", "United States counters: the terms are worth 0.7895 to it, more than no deal (its BATNA, 0.7204), but less than what it would still ask for itself 33.33% of the way through the time limit (0.8962), so it asks for terms worth more to it in all (worth: how good an outcome is for that side, higher is better). It would settle at trade-imbalance 74.9588 instead.")]
    [InlineData(3, "", "1", "United States accepts: the proposal is a last word on these terms, to take or leave now, and they are worth 0.7895 to it, at least what no deal (its BATNA) is worth (0.7204) (worth: how good an outcome is for that side, higher is better).")]
    public async Task A_proposal_is_judged_at_the_time_its_round_has_reached_and_its_words_say_that_time(int round, string deadline, string tau, string said)
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        var given = ExerciseFile.ParseAnswers("timed.yaml",
            $"answers: trade-for-defence\nrole: JP\npredictions: {{ trade-deal: no, procurement-end: 60 }}\nproposals:\n  - {{ round: {round}, terms: {{ trade-imbalance: 70 }}{deadline} }}\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, given));

        var id = $"r{round}-JP-1";
        var answer = Assert.Single(run.Timeline, e => e.Cause == id && e.Kind is EventKind.Accept or EventKind.Reject or EventKind.Counter);
        Assert.Contains($" at τ {tau}: ", answer.Why, StringComparison.Ordinal);
        Assert.Equal(said, AnswerInWords.Of(exercise.World, run.Timeline, id, "JP")[0]);
    }

    // A timeline written before the model named the BATNA says U(no deal) where it now says U(BATNA): the same reject,
    // worth 0.6 against a BATNA of 0.7204, reads the same either way: "the terms are worth 0.6 to it, less than no deal
    // (its BATNA), worth 0.7204", the two figures as written (four decimals at most).
    [Theory]
    [InlineData("U(no deal)")]
    [InlineData("U(BATNA)")]
    public void A_reason_in_the_older_no_deal_form_reads_as_the_BATNA_form_does(string walk)
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        var reject = new TimelineEvent(1, "p", null, EventKind.Reject, "US", "trade-imbalance", null, null, "p",
            $"U(terms) 0.6, U(own offer) 0.9, {walk} 0.7204 at τ 0.5: rejects");
        Assert.Equal("United States rejects: the terms are worth 0.6 to it, less than no deal (its BATNA), worth 0.7204 (worth: how good an outcome is for that side, higher is better).",
            AnswerInWords.Of(exercise.World, [reject], "p")[0]);
    }

    [Fact]
    public async Task Each_party_straying_from_a_strained_agreement_is_told_once()
    {
        // The North Korea line with a second inject, in round 3, moving the US a further 0.5 toward dialogue; Japan
        // proposes north-korea 80 in round 1.
        var path = Path.Combine(Folder, "north-korea-line.yaml");
        var text = File.ReadAllText(path);
        Assert.EndsWith("        - { position: US, topic: north-korea, by: -20 }\n", text);
        var exercise = ExerciseFile.Parse(path, text + "  - round: 3\n    shock:\n      reason: Washington softens further.\n      changes:\n        - { position: US, topic: north-korea, by: -0.5 }\n");
        var answers = ExerciseFile.ParseAnswers("stray.yaml",
            "answers: north-korea-line\nrole: JP\npredictions: { pressure-holds: yes, us-line: 75 }\nproposals:\n  - { round: 1, terms: { north-korea: 80 } }\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers));

        // By hand, against the summit's nk-maximum-pressure at 93. Japan (salience 0.95, window 5 + 45 × 0.05 = 7.25,
        // breach beyond 14.5) proposes 80: 13 from 93, so Japan strains it. The US, held to 93 from 95, likes 80 less
        // than the agreement and rejects it, and hearing it moves 0.1 × 0.45/1.25 × (1 + 0.8)/2 × (1 − 0.9) × (80 − 95)
        // = −0.0486, from 95 to 94.9514, toward 93. Round 2's inject takes it to 74.9514: 93 − 74.9514 = 18.0486 from the
        // agreed value, past its window 9.5 and short of 19: the US has strayed too, and the agreement stays strained.
        // Round 3's inject takes it to 74.4514, 18.5486 away, still short of 19: the US's straying was told; no news.
        var strains = run.Timeline.Where(e => e.Kind == EventKind.AgreementStrained).ToList();
        Assert.Equal(
            [("JP", "r1-JP-1", "nk-maximum-pressure: JP proposed 80, 13 from the agreed 93 (window 7.25)"),
             ("US", "r2-inject-1", "nk-maximum-pressure: US has strayed too, now at 74.9514, 18.0486 from the agreed 93 (window 9.5)")],
            strains.Select(e => (e.Actor, e.Cause, e.Why)));
        var agreement = Assert.Single(run.Final.Agreements, a => a.Id == "nk-maximum-pressure");
        Assert.Equal(AgreementStatus.Strained, agreement.Status);
        Assert.Equal(["JP", "US"], agreement.Strayed!);
        Assert.Equal(74.4514, Figures.Shown(run.Final.Positions.Single(p => p.Actor == "US" && p.Topic == "north-korea").Value));

        // The debrief tells each under the round it happened in, in the play's words.
        var play = PlayInWords.Of(exercise, run.Timeline, "JP", answers);
        Assert.Contains("    Agreement nk-maximum-pressure is strained on north-korea: JP proposed 80, 13 from the agreed 93 (a party may stray 7.25 points from an agreement before it strains, and 14.5 before it breaks).",
            play.TakeWhile(l => l != "Round 2 of 3"));
        Assert.Contains("  Agreement nk-maximum-pressure is strained on north-korea: US has strayed too, now at 74.9514, 18.0486 from the agreed 93 (a party may stray 9.5 points from an agreement before it strains, and 19 before it breaks).",
            play.SkipWhile(l => l != "Round 2 of 3").TakeWhile(l => l != "Round 3 of 3"));
        Assert.DoesNotContain(play.SkipWhile(l => l != "Round 3 of 3"), l => l.Contains("strained", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_to_an_offer_the_model_did_not_make_is_said_where_that_offer_would_have_stood()
    {
        // The sample play of trade-for-defence as Japan, with an answer to a package offer after round 1. In that play
        // the US offers on each topic alone after round 1 (r1-US-offer.r1.trade-imbalance and
        // r1-US-offer.r1.defense-procurement, the ids the debrief's play shows), never on the two together, so the
        // answer, to an id the model could have made, answers nothing: the play says so as round 1's last line, and
        // the two offers made are rejected as unanswered.
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "trade-for-defence.yaml"));
        var text = File.ReadAllText(Path.Combine(Folder, "answers", "trade-for-defence-jp.yaml"))
            + "\nresponses:\n  - { proposal: r1-US-offer.r1.trade-imbalance+defense-procurement, answer: accept }\n";
        var answers = ExerciseFile.ParseAnswers("guessed.yaml", text, exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers));

        var play = PlayInWords.Of(exercise, run.Timeline, "JP", answers);
        var round1 = play.SkipWhile(l => l != "Round 1 of 3").TakeWhile(l => l != "Round 2 of 3").ToList();
        Assert.Equal("  Your answer to r1-US-offer.r1.trade-imbalance+defense-procurement (accept) was not used: United States made no such offer after round 1.", round1[^1]);
        foreach (var offer in new[] { "r1-US-offer.r1.trade-imbalance", "r1-US-offer.r1.defense-procurement" })
            Assert.Contains(run.Timeline, e => e.Kind == EventKind.Proposal && e.Cause == offer);
        Assert.Equal(2, round1.Count(l => l.Contains("you gave no answer", StringComparison.Ordinal)));
        // Without the guessed answer no such line is written.
        var sample = ExerciseFile.LoadAnswers(Path.Combine(Folder, "answers", "trade-for-defence-jp.yaml"), exercise);
        var plain = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, sample));
        Assert.DoesNotContain(PlayInWords.Of(exercise, plain.Timeline, "JP", sample), l => l.Contains("was not used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_models_side_making_no_offer_is_an_event_of_the_play_with_its_reason()
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "north-korea-line.yaml"));
        var answers = ExerciseFile.ParseAnswers("settled.yaml",
            "answers: north-korea-line\nrole: JP\npredictions: { pressure-holds: yes, us-line: 80 }\nproposals:\n  - { round: 1, terms: { north-korea-sanctions: 88 } }\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers));

        // By hand: the US accepts sanctions 88 (as in the sample play), so after round 1 north-korea is settled by the
        // summit's nk-maximum-pressure and sanctions by r1-JP-1, each binding both roles: the US makes no offer. After
        // round 2 the inject has strained nk-maximum-pressure, which is still in force: again none. After round 3, the
        // last, the model makes no offers at all.
        Assert.Equal(
            [("r1-US-offer", "US", "an agreement in force settles every topic on the table"), ("r2-US-offer", "US", "an agreement in force settles every topic on the table")],
            run.Timeline.Where(e => e.Kind == EventKind.NoOffer).Select(e => (e.Step, e.Actor, e.Why)));
        Assert.DoesNotContain(run.Timeline, e => e.Kind == EventKind.Proposal && e.Actor == "US");
        Assert.Equal("United States makes no offer of its own after round 1: an agreement in force settles every topic on the table.",
            AnswerInWords.NoOffer(exercise.World, run.Timeline.First(e => e.Kind == EventKind.NoOffer)));

        // Under its round in the debrief, and round 3, where nothing happened, still has its heading.
        var play = PlayInWords.Of(exercise, run.Timeline, "JP", answers);
        Assert.Equal("  United States makes no offer of its own after round 1: an agreement in force settles every topic on the table.", play[play.IndexOf("Round 2 of 3") - 1]);
        Assert.Equal(["Round 3 of 3", $"  {PlayInWords.NothingChanged}"], play.TakeLast(2).ToArray());
    }

    // A shock's reason is told as a sentence, in the play and in the debrief alike (Sentence.Of): "Typhoon hits",
    // written without a full stop, gets one; "Typhoon hits!" keeps its own mark and gets none; the move it causes
    // (JP on north-korea, 92 to 62, as a new shock at the classroom gives it) ends the same way.
    [Theory]
    [InlineData("Typhoon hits", "Typhoon hits.")]
    [InlineData("Typhoon hits.", "Typhoon hits.")]
    [InlineData("Typhoon hits!", "Typhoon hits!")]
    [InlineData("Typhoon hits  ", "Typhoon hits.")]
    public void A_shocks_reason_is_told_as_one_sentence(string reason, string sentence)
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "north-korea-line.yaml"));
        var shock = new TimelineEvent(1, "inject-1", null, EventKind.Shock, null, null, null, null, "inject-1", reason);
        var move = new TimelineEvent(2, "inject-1", null, EventKind.Move, "JP", "north-korea", 92, 62, "inject-1", reason);

        Assert.Equal(sentence, Sentence.Of(reason));
        Assert.Equal($"The facilitator: {sentence}", AnswerInWords.Other(exercise.World, shock));
        Assert.EndsWith($": {sentence}", AnswerInWords.Other(exercise.World, move), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_table_partly_settled_the_models_side_says_why_its_offers_leave_the_settled_topic_out()
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, "north-korea-line.yaml"));
        var answers = ExerciseFile.ParseAnswers("partly.yaml",
            "answers: north-korea-line\nrole: JP\npredictions: { pressure-holds: yes, us-line: 80 }\nproposals:\n  - { round: 3, terms: { north-korea: 93 } }\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers));

        // By hand: north-korea is settled for both roles by the summit's nk-maximum-pressure (93), in force throughout
        // (round 2's inject takes the US from 95 to 75, 18 from 93: strained, short of the breach at 19, so still in
        // force); nothing is agreed on sanctions before round 3, so after rounds 1 and 2 the US offers on sanctions
        // alone, and each time says first that it makes none on north-korea, and why.
        const string why = "agreement nk-maximum-pressure, in force, already settles it, so it offers only on north-korea-sanctions";
        Assert.Equal([("r1-US-offer", "US", "north-korea", why), ("r2-US-offer", "US", "north-korea", why)],
            run.Timeline.Where(e => e.Kind == EventKind.NoOffer).Select(e => (e.Step, e.Actor, e.Topic, e.Why)));
        Assert.Equal(["r1-US-offer.r1.north-korea-sanctions", "r2-US-offer.r1.north-korea-sanctions"],
            run.Timeline.Where(e => e.Kind == EventKind.Proposal && e.Actor == "US").Select(e => e.Cause));
        var noOffer = run.Timeline.First(e => e.Kind == EventKind.NoOffer);
        const string said = "United States makes no offer on north-korea after round 1: agreement nk-maximum-pressure, in force, already settles it, so it offers only on north-korea-sanctions.";
        Assert.Equal(said, AnswerInWords.NoOffer(exercise.World, noOffer));

        // The debrief tells it under round 1, in the same sentence, before the offer it explains.
        var play = PlayInWords.Of(exercise, run.Timeline, "JP", answers);
        var roundOne = play.SkipWhile(l => l != "Round 1 of 3").TakeWhile(l => l != "Round 2 of 3").ToList();
        Assert.Contains($"  {said}", roundOne);
        Assert.True(roundOne.IndexOf($"  {said}") < roundOne.FindIndex(l => l.StartsWith("  r1-US-offer.r1.north-korea-sanctions: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_first_party_to_stray_from_an_agreement_the_world_seeds_strained_is_told_as_the_first()
    {
        // The North Korea line with the summit's nk-maximum-pressure seeded strained, no party having strayed from it.
        var shipped = ExerciseFile.Load(Path.Combine(Folder, "north-korea-line.yaml"));
        var exercise = shipped with
        {
            World = shipped.World with
            {
                Agreements = [.. shipped.World.Agreements.Select(a => a.Id == "nk-maximum-pressure" ? a with { Status = AgreementStatus.Strained } : a)],
            },
        };
        var answers = ExerciseFile.ParseAnswers("seeded-strained.yaml",
            "answers: north-korea-line\nrole: JP\npredictions: { pressure-holds: yes, us-line: 80 }\n", exercise);
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers));

        // By hand: nothing moves the US on north-korea before round 2 (no proposal names it, and the US's offers on
        // sanctions move Japan on sanctions alone); round 2's inject takes it from 95 to 75, 93 − 75 = 18 from the
        // agreed value, past its window 9.5 and short of 19. No party had strayed before: the US is the first.
        var strain = Assert.Single(run.Timeline, e => e.Kind == EventKind.AgreementStrained);
        Assert.Equal(("US", "r2-inject-1", "nk-maximum-pressure: US is the first to stray, now at 75, 18 from the agreed 93 (window 9.5)"),
            (strain.Actor, strain.Cause, strain.Why));
        Assert.DoesNotContain(run.Timeline, e => e.Why?.Contains("strayed too", StringComparison.Ordinal) == true);
        var play = PlayInWords.Of(exercise, run.Timeline, "JP", answers);
        Assert.Contains("  Agreement nk-maximum-pressure is strained on north-korea: US is the first to stray, now at 75, 18 from the agreed 93 (a party may stray 9.5 points from an agreement before it strains, and 19 before it breaks).",
            play.SkipWhile(l => l != "Round 2 of 3").TakeWhile(l => l != "Round 3 of 3"));
    }
}
