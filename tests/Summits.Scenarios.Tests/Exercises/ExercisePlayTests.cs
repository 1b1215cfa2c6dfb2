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

        // By hand, from the exercise's rules and Japan's instructions (start: trade 25, procurement 60;
        // reservation: trade 55, procurement 85; priorities trade 2, procurement 1; agreement 10 points):
        //   procurement at 80: (80 − 85) / (60 − 85) = 0.2 of the way; 10 × 1 × 0.2 = 2
        //   trade at 55:       (55 − 55) / (25 − 55) = 0;                 10 × 2 × 0   = 0
        //   the limit on trade (70) is not crossed: 55 is below it, on Japan's side (it started at 25)
        //   trade-deal: 'yes', and an agreement on the trade imbalance holds at the end: 5
        //   procurement-end: 65 against Japan's final 60 (Japan only proposes, so nothing moves it):
        //     |65 − 60| = 5, one full step of 5: 10 − 1 = 9
        //   total 2 + 0 + 5 + 9 = 16
        Assert.Equal(
            [("agreement", "r3-JP-1/defense-procurement", 2.0), ("agreement", "r3-JP-1/trade-imbalance", 0.0), ("prediction", "trade-deal", 5.0), ("prediction", "procurement-end", 9.0)],
            debrief.Scores.Select(s => (s.Kind, s.Item, s.Points)));
        Assert.Equal(16, debrief.Total);
        Assert.Equal("defense-procurement agreed at 80: (80 − 85) / (60 − 85) = 0.2 of the way from your reservation value to your start; × 10 × priority 1 = 2", debrief.Scores[0].Working);
        Assert.Equal("|65 − 60| = 5, 1 full step(s) of 5: 10 − 1 = 9", debrief.Predictions[1].Working);
    }

    [Fact]
    public async Task The_debrief_sets_the_play_against_the_record_on_the_topics_on_the_table()
    {
        var debrief = await PlayAsync("trade-for-defence.yaml", "trade-for-defence-jp.yaml");

        // The table holds the trade imbalance and procurement; the record's one fact there is the F-35 decision,
        // which moves Japan toward the high end. Japan ends where it started (60), so they disagree, in words.
        var check = Assert.Single(debrief.Record);
        Assert.Equal("f-35-purchase", check.Fact.Id);
        Assert.False(check.Agrees);
        Assert.Equal("The run left JP at 60 on defense-procurement, less than 1 point from where it started; the record has it move toward the high end (Large and expanding purchases of US equipment).", check.Difference);
        Assert.Equal("JP moves toward the high end (Large and expanding purchases of US equipment) (f-35-purchase, 2018-12-18)", debrief.Predictions[1].Record);
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
