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

        await t.WaitForAsync("Round 2: your move");
        t.Send("Down", "Down", "Enter");                    // the package
        // Each prompt shows where both sides stand now: the US moved to 74.89 on trade after round 1's proposal.
        await t.WaitForAsync("trade-imbalance, 0 to 100 (you: 25, US: 74.89):");
        t.Type("50");
        await t.WaitForAsync("defense-procurement, 0 to 100 (you: 60, US: 85):");
        t.Type("80");
        await t.WaitForAsync("United States rejects", after: "r2-JP-1: you propose");
        await t.WaitForAsync("Round 2: your move", after: "r2-JP-1: you propose");
        t.Send("Down", "Down", "Down", "Enter");

        await t.WaitForAsync("Round 3: your move");
        t.Send("Down", "Down", "Enter");
        await t.WaitForAsync("trade-imbalance, 0 to 100 (you: 25, US: 74.81):");
        t.Type("55");
        await t.WaitForAsync("defense-procurement, 0 to 100 (you: 60, US: 84.96):");
        t.Type("80");
        await t.WaitForAsync("Agreement r3-JP-1: defense-procurement 80, trade-imbalance 55.", after: "r3-JP-1: you propose");
        await t.WaitForAsync("Round 3: your move", after: "r3-JP-1: you propose");
        t.Send("Down", "Down", "Down", "Enter");            // end round 3 and see the debrief

        Assert.Equal(0, await t.ExitCodeAsync());
        var screen = t.Screen();
        Assert.All(screen.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: {line}"));
        Assert.Contains("\n       16  total\n", screen);

        // Nothing typed before a refused entry was lost: the answers saved are the ones accepted.
        Assert.Equal(
            "# Answers to trade-for-defence given at the keyboard; summits exercise --answers plays them again.\n"
            + "answers: trade-for-defence\nrole: JP\npredictions:\n  trade-deal: yes\n  procurement-end: 65\nproposals:\n"
            + "  - round: 1\n    terms: { trade-imbalance: 40 }\n"
            + "  - round: 2\n    terms: { trade-imbalance: 50, defense-procurement: 80 }\n"
            + "  - round: 3\n    terms: { trade-imbalance: 55, defense-procurement: 80 }\n",
            File.ReadAllText(Path.Combine(output, "answers.yaml")));

        // By hand, from the exercise's rules and Japan's instructions (start: trade 25, procurement 60;
        // reservation: trade 55, procurement 85; priorities trade 2, procurement 1; agreement 10 points):
        //   procurement at 80: (80 − 85) / (60 − 85) = 0.2 of the way; 10 × 1 × 0.2 = 2
        //   trade at 55:       (55 − 55) / (25 − 55) = 0;                 10 × 2 × 0   = 0
        //   trade-deal: 'yes', and the package's agreement holds on the trade imbalance at the end: 5
        //   procurement-end: 65 against Japan's final 60 (only Japan proposes, so nothing moves it):
        //     |65 − 60| = 5, one full step of 5: 10 − 1 = 9
        //   total 2 + 0 + 5 + 9 = 16
        var grading = File.ReadAllLines(Path.Combine(output, "grading.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(
            [("agreement", "r3-JP-1/defense-procurement", "2"), ("agreement", "r3-JP-1/trade-imbalance", "0"),
             ("prediction", "trade-deal", "5"), ("prediction", "procurement-end", "9"), ("total", "", "16")],
            grading.Select(g => (g[3], g[4], g[5])));
    }
}
