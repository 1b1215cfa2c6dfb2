using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>summits exercise</c> played at the keyboard in a real terminal of 80 columns (tmux): the prompts, a wrong key
/// and a value off the scale asked again with nothing lost, each answer in words, and the debrief's scores.
/// </summary>
public sealed class ExerciseAtTheKeyboardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-keyboard-").FullName;
    private readonly TmuxTerminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Exercises(params string[] parts) => Path.Combine([SeedFiles.Root, "scenarios", "exercises", .. parts]);

    [Fact]
    public async Task Trade_for_defence_played_as_Japan_through_the_prompts_scores_what_the_rules_give_by_hand()
    {
        var output = Path.Combine(_folder, "out");
        _terminal.Start(_folder, 80, 40, "exercise", Exercises("trade-for-defence.yaml"), "--engine", "local", "-o", output);
        var t = _terminal;

        await t.WaitForAsync("Who plays the other side?");
        t.Send("Enter");                                    // the model, the first choice
        await t.WaitForAsync("Which side do you play?");
        t.Send("Enter");                                    // JP, the first choice
        await t.WaitForAsync("You play Japan (JP); the model plays United States (US).");
        await t.WaitForAsync("trade-deal: yes or no?");
        t.Send("Enter");                                    // yes
        await t.WaitForAsync("procurement-end, a value from 0 to 100:");
        t.Type("x");                                        // a wrong key
        await t.WaitForAsync("'x' is not a number: type a value from 0 to 100");
        t.Type("150");                                      // off the scale
        await t.WaitForAsync("150 is off the scale: type a value from 0 to 100");
        t.Type("65");

        await t.WaitForAsync("Round 1: your move");
        t.Send("Enter");                                    // trade-imbalance alone
        await t.WaitForAsync("trade-imbalance, 0 to 100 (you: 25, US: 75):");
        t.Type("140");                                      // off the scale
        await t.WaitForAsync("140 is off the scale: type a value from 0 to 100");
        t.Type("40");
        // 40 is below the US's reservation value on trade (65.5 at τ 1, its counter-offer): it rejects, in words.
        await t.WaitForAsync("United States rejects: the terms are worth less to it than no deal", after: "r1-JP-1: you propose trade-imbalance 40");
        await t.WaitForAsync("Round 1: your move", after: "r1-JP-1: you propose");
        t.Send("Down", "Down", "Down", "Enter");            // end round 1
        await RejectOffersAsync(t, 1, "trade-imbalance 74.85", "defense-procurement 84.93");

        await t.WaitForAsync("Round 2: your move");
        t.Send("Down", "Down", "Enter");                    // the package
        // Each prompt shows where both sides stand now: the US moved to 74.89 on trade after round 1's proposal,
        // and Japan to 26.06 and 60.53 after the US's offers (Δ = 0.02128 × the distance, worked in ExercisePlayTests).
        await t.WaitForAsync("trade-imbalance, 0 to 100 (you: 26.06, US: 74.89):");
        t.Type("50");
        await t.WaitForAsync("defense-procurement, 0 to 100 (you: 60.53, US: 85):");
        t.Type("80");
        await t.WaitForAsync("United States rejects", after: "r2-JP-1: you propose");
        await t.WaitForAsync("Round 2: your move", after: "r2-JP-1: you propose");
        t.Send("Down", "Down", "Down", "Enter");
        await RejectOffersAsync(t, 2, "trade-imbalance 73.55", "defense-procurement 82.82");

        await t.WaitForAsync("Round 3: your move");
        t.Send("Down", "Down", "Enter");
        await t.WaitForAsync("trade-imbalance, 0 to 100 (you: 26.64, US: 74.81):");
        t.Type("55");
        await t.WaitForAsync("defense-procurement, 0 to 100 (you: 61, US: 84.96):");
        t.Type("80");
        await t.WaitForAsync("Agreement r3-JP-1: defense-procurement 80, trade-imbalance 55.", after: "r3-JP-1: you propose");
        await t.WaitForAsync("Round 3: your move", after: "r3-JP-1: you propose");
        t.Send("Down", "Down", "Down", "Enter");            // end round 3 and see the debrief

        Assert.Equal(0, await t.ExitCodeAsync());
        var screen = t.Screen();
        Assert.All(screen.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: {line}"));
        Assert.Contains("\n       17  total\n", screen);

        // Nothing typed before a refused entry was lost: the answers saved are the ones accepted.
        Assert.Equal(
            "# Answers to trade-for-defence given at the keyboard; summits exercise --answers plays them again.\n"
            + "answers: trade-for-defence\nrole: JP\npredictions:\n  trade-deal: yes\n  procurement-end: 65\nproposals:\n"
            + "  - round: 1\n    terms: { trade-imbalance: 40 }\n"
            + "  - round: 2\n    terms: { trade-imbalance: 50, defense-procurement: 80 }\n"
            + "  - round: 3\n    terms: { trade-imbalance: 55, defense-procurement: 80 }\n"
            + "responses:\n"
            + "  - proposal: r1-US-offer.r1.trade-imbalance\n    answer: reject\n"
            + "  - proposal: r1-US-offer.r1.defense-procurement\n    answer: reject\n"
            + "  - proposal: r2-US-offer.r1.trade-imbalance\n    answer: reject\n"
            + "  - proposal: r2-US-offer.r1.defense-procurement\n    answer: reject\n",
            File.ReadAllText(Path.Combine(output, "answers.yaml")));

        // By hand, from the exercise's rules and Japan's instructions (start: trade 25, procurement 60;
        // reservation: trade 55, procurement 85; priorities trade 2, procurement 1; agreement 10 points):
        //   procurement at 80: (80 − 85) / (60 − 85) = 0.2 of the way; 10 × 1 × 0.2 = 2
        //   trade at 55:       (55 − 55) / (25 − 55) = 0;                 10 × 2 × 0   = 0
        //   trade-deal: 'yes', and the package's agreement holds on the trade imbalance at the end: 5
        //   procurement-end: 65 against Japan's final 61, after the US's two offers on procurement (84.93, then
        //     82.82) pulled it by 0.02128 of the distance each time: 60 → 60.5305 → 61.0048, shown 61;
        //     |65 − 61| = 4, no full step of 5: 10 − 0 = 10
        //   total 2 + 0 + 5 + 10 = 17
        var grading = File.ReadAllLines(Path.Combine(output, "grading.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(
            [("agreement", "r3-JP-1/defense-procurement", "2"), ("agreement", "r3-JP-1/trade-imbalance", "0"),
             ("prediction", "trade-deal", "5"), ("prediction", "procurement-end", "10"), ("total", "", "17")],
            grading.Select(g => (g[3], g[4], g[5])));
    }

    [Fact]
    public async Task Two_players_at_one_keyboard_answer_each_other_and_each_gets_a_debrief_that_their_answers_file_gives_again()
    {
        var output = Path.Combine(_folder, "out");
        _terminal.Start(_folder, 80, 40, "exercise", Exercises("trade-for-defence.yaml"), "--engine", "local", "--players", "2", "--role", "JP", "-o", output);
        var t = _terminal;

        await t.WaitForAsync("The first player plays Japan (JP); the second plays United States (US).");
        await t.WaitForAsync("trade-deal: yes or no?", after: "Predictions of JP's player");
        t.Send("Enter");                                    // JP: yes
        await t.WaitForAsync("procurement-end, a value from 0 to 100:", after: "Predictions of JP's player");
        t.Type("65");
        await t.WaitForAsync("trade-deal: yes or no?", after: "Predictions of US's player");
        t.Send("Down", "Enter");                            // US: no
        await t.WaitForAsync("procurement-end, a value from 0 to 100:", after: "Predictions of US's player");
        t.Type("60");

        await t.WaitForAsync("Round 1: JP's player, your move");
        t.Send("Enter");
        await t.WaitForAsync("trade-imbalance, 0 to 100 (JP: 25, US: 75):");
        t.Type("60");
        await t.WaitForAsync("US's player, do you accept r1-JP-1?");
        t.Send("Enter");                                    // accept
        await t.WaitForAsync("Agreement r1-JP-1: trade-imbalance 60.");
        await t.WaitForAsync("Round 1: JP's player, your move", after: "Agreement r1-JP-1");
        t.Send("Down", "Down", "Down", "Enter");            // JP ends the turn
        await t.WaitForAsync("Round 1: US's player, your move");
        t.Send("Down", "Enter");
        await t.WaitForAsync("defense-procurement, 0 to 100 (US: 85, JP: 60):");
        t.Type("80");
        await t.WaitForAsync("JP's player, do you accept r1-US-1?");
        t.Send("Down", "Enter");                            // reject
        await t.WaitForAsync("Japan rejects: the player's answer.");
        for (var turn = 0; turn < 5; turn++)                // US ends round 1; both end rounds 2 and 3
        {
            await t.WaitForAsync("your move", after: turn == 0 ? "Japan rejects" : "ends the turn.");
            t.Send("Down", "Down", "Down", "Enter");
            await t.WaitForAsync("ends the turn.", after: turn == 0 ? "Japan rejects" : null);
        }
        Assert.Equal(0, await t.ExitCodeAsync());

        // By hand: US's player accepts r1-JP-1, an agreement at 60 on trade. The US's proposal of 80 on procurement
        // pulls Japan by 0.02128 of the distance (worked in ExercisePlayTests): 60 + 0.02128 × 20 = 60.43. Round 2's
        // inject raises Japan's salience on trade to 0.8: window 5 + 45 × 0.2 = 14, and Japan's 25 is 35 from the
        // agreed 60, past 2 windows (28), so the agreement is breached, a breach for both (−10).
        //   JP: breach −10; trade-deal 'yes' but none holds: 0; procurement-end |65 − 60.43| = 4.57, no step: 10; total 0
        //   US: breach −10; trade-deal 'no', right: 5;          procurement-end |60 − 60.43| = 0.43, no step: 10; total 5
        var grading = File.ReadAllLines(Path.Combine(output, "grading.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(
            [("JP", "breach", "-10"), ("JP", "prediction", "0"), ("JP", "prediction", "10"), ("JP", "total", "0"),
             ("US", "breach", "-10"), ("US", "prediction", "5"), ("US", "prediction", "10"), ("US", "total", "5")],
            grading.Select(g => (g[2], g[3], g[5])));

        // The US player's file, played again without prompts, gives that player's lines again.
        var again = await SummitsProcess.RunAsync("exercise", Exercises("trade-for-defence.yaml"), "--answers", Path.Combine(output, "answers-US.yaml"), "--engine", "local", "--format", "csv");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(grading.Where(g => g[2] == "US").Select(g => (g[3], g[4], g[5])),
            again.Output.Split('\n').Where(l => l.Contains(",US,", StringComparison.Ordinal)).Select(l => l.Split(',')).Select(g => (g[3], g[4], g[5])));
    }

    /// <summary>Answers the US's offers after <paramref name="round"/>, one on each topic, with reject (the second choice).</summary>
    private static async Task RejectOffersAsync(TmuxTerminal t, int round, string trade, string procurement)
    {
        await t.WaitForAsync($"United States offers {trade}", after: $"You end round {round}.");
        await t.WaitForAsync("Do you accept US's offer?", after: $"United States offers {trade}");
        t.Send("Down", "Enter");
        await t.WaitForAsync($"United States offers {procurement}", after: $"You end round {round}.");
        await t.WaitForAsync("Do you accept US's offer?", after: $"United States offers {procurement}");
        t.Send("Down", "Enter");
        await t.WaitForAsync($"r{round}-US-offer.r1.defense-procurement: You reject.", after: $"You end round {round}.");
    }
}
