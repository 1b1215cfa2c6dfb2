using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>summits exercise</c> played at the keyboard in a real terminal of 80 × 40 (tmux): numbered menus answered
/// with one key, a wrong key and a value off the scale asked again with nothing lost, a brief shown a screen at a
/// time, each answer in words, the hand-over between two players at one keyboard, Ctrl-C and going on from where it
/// stopped, and the debrief's scores.
/// </summary>
public sealed partial class ExerciseAtTheKeyboardTests : IDisposable
{
    private const int Rows = 40;

    private readonly string _folder = Directory.CreateTempSubdirectory("summits-keyboard-").FullName;
    private readonly TmuxTerminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Exercises(params string[] parts) => Path.Combine([SeedFiles.Root, "scenarios", "exercises", .. parts]);

    /// <summary>
    /// Starts <paramref name="exercise"/> at the keyboard for one player in <paramref name="role"/> (on the local
    /// engine, with <paramref name="more"/> options), and reads through the public brief and the confidential
    /// instructions to the first prediction question.
    /// </summary>
    private async Task<TmuxTerminal> StartOnePlayerAsync(string exercise, string role, params string[] more)
    {
        _terminal.Start(_folder, 80, Rows, ["exercise", Exercises(exercise), "--engine", "local", "--players", "1", "--role", role, .. more]);
        await ReadThroughAsync(_terminal, "the public brief");
        await ReadThroughAsync(_terminal, "your confidential instructions");
        return _terminal;
    }

    [Fact]
    public async Task Trade_for_defence_played_as_Japan_through_the_prompts_scores_what_the_rules_give_by_hand()
    {
        var output = Path.Combine(_folder, "out");
        _terminal.Start(_folder, 80, Rows, "exercise", Exercises("trade-for-defence.yaml"), "--engine", "local", "-o", output);
        var t = _terminal;

        await PlayJapanToItsLastMoveAsync(t);
        t.Send("4");                                        // end round 3 and see the debrief

        Assert.Equal(0, await t.ExitCodeAsync());
        var screen = t.Screen();
        Assert.All(screen.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: {line}"));
        Assert.Contains("\n       17  total\n", screen);
        // Every score line wrapped at 80 columns goes on 15 columns in (the text starts at column 11, after the points
        // right-aligned in 7), whether its points are 2 or 10: the continuations align.
        var score = screen.Split('\n').SkipWhile(l => l != "Score").Skip(1).TakeWhile(l => !l.EndsWith("  total", StringComparison.Ordinal)).ToList();
        Assert.Contains(score, l => l.StartsWith("               ", StringComparison.Ordinal));
        Assert.All(score, l => Assert.Matches(@"^(  [ \d.-]{7}  \S|               \S)", l));
        // The debrief after a play at the keyboard does not print the brief again: its heading stands once.
        Assert.Single(screen.Split('\n'), line => line.StartsWith("Public brief:", StringComparison.Ordinal));

        // Nothing typed before a refused entry was lost: the answers saved are the ones accepted.
        Assert.Equal(JapansAnswers, File.ReadAllText(Path.Combine(output, "answers.yaml")));

        // By hand, from the exercise's rules and Japan's instructions (start: trade 25, procurement 60;
        // reservation: trade 55, procurement 85; priorities trade 2, procurement 1; agreement 10 points):
        //   procurement at 80: (80 − 85) / (60 − 85) = 0.2 of the way; 10 × 1 × 0.2 = 2
        //   trade at 55:       (55 − 55) / (25 − 55) = 0;                 10 × 2 × 0   = 0
        //   trade-deal: 'yes', and the package's agreement is in force on the trade imbalance at the end: 5
        //   procurement-end: 65 against Japan's final 60.9942, after the US's two offers on procurement (84.9177, then
        //     82.3311) pulled it by 0.02128 of the distance each time: 60 → 60.5302 → 60.9942 (four decimals);
        //     |65 − 60.9942| = 4.0058, no full step of 5: 10 − 0 = 10
        //   total 2 + 0 + 5 + 10 = 17
        Assert.Equal(
            [("agreement", "r3-JP-1/defense-procurement", "2"), ("agreement", "r3-JP-1/trade-imbalance", "0"),
             ("prediction", "trade-deal", "5"), ("prediction", "procurement-end", "10"), ("total", "", "17")],
            Scores(output));
    }

    [Fact]
    public async Task An_inject_is_shown_at_the_keyboard_with_what_it_did_in_the_debriefs_words_and_play_works_with_its_output_piped()
    {
        // The debrief goes through a pipe to tee; the prompts and keys stay at the terminal.
        _terminal.StartWith(_folder, 80, Rows, "| tee debrief.txt", "exercise", Exercises("north-korea-line.yaml"), "--players", "1", "--role", "jp", "--engine", "local");
        var t = _terminal;
        await PlayTheNorthKoreaLineToRoundTwoAsync(t);

        // Round 2's inject moves the US 20 points toward dialogue, from its seeded 95 to 75; the summit's agreement
        // nk-maximum-pressure, at 93, strains once a party strays past its window: 75 is 18 from 93, past 9.5, short of
        // 19 (the debrief of the same play, below, says the same three lines).
        var inject = new[]
        {
            "The facilitator: North Korea offers talks and Washington signals it will meet.",
            "United States moves on north-korea from 95 to 75: North Korea offers talks and Washington signals it will meet.",
            "Agreement nk-maximum-pressure is strained on north-korea: US now at 75, 18 from the agreed 93",
        };
        foreach (var line in inject)
            await t.WaitForAsync(line, after: "Round 2 of 3");
        await EndTheNorthKoreaLineAsync(t);

        Assert.Equal(0, await t.ExitCodeAsync());
        var debrief = File.ReadAllText(Path.Combine(_folder, "debrief.txt"));
        // The file holds the debrief and none of the prompts; the terminal showed them.
        Assert.DoesNotContain("Press 1", debrief);
        Assert.Contains("Press 1 or 2:", t.Screen());
        foreach (var line in inject)
            Assert.Contains(line, System.Text.RegularExpressions.Regex.Replace(debrief, @"\s+", " "));
        // By hand: pressure-holds 'yes', and the strained agreement still binds: 5. us-line 80 against the US's
        // final 75 (95 − 20; nothing else moves it, as Japan proposes nothing): |80 − 75| = 5, one full step of 5: 10 − 1 = 9.
        Assert.Contains("\n       14  total\n", debrief);
    }

    [Fact]
    public async Task Json_asked_for_with_output_to_a_file_gets_the_debrief_there_while_the_play_goes_on_at_the_terminal()
    {
        _terminal.StartWith(_folder, 80, Rows, "> debrief.json", "exercise", Exercises("north-korea-line.yaml"), "--players", "1", "--role", "JP", "--engine", "local", "--format", "json");
        var t = _terminal;
        await PlayTheNorthKoreaLineToRoundTwoAsync(t);
        await EndTheNorthKoreaLineAsync(t);

        Assert.Equal(0, await t.ExitCodeAsync());
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "debrief.json")))!;
        // The same play as the test above: 5 + 9 = 14.
        Assert.Equal(14, json["total"]!.GetValue<double>());
    }

    [Fact]
    public async Task With_standard_input_not_a_terminal_nothing_starts_and_one_line_says_why_with_exit_code_2()
    {
        _terminal.StartWith(_folder, 80, Rows, "< /dev/null > debrief.txt", "exercise", Exercises("north-korea-line.yaml"), "--players", "1", "--engine", "local");

        Assert.Equal(2, await _terminal.ExitCodeAsync());
        Assert.Equal("", File.ReadAllText(Path.Combine(_folder, "debrief.txt")));
        Assert.Equal(
            ["summits exercise: error: standard input is not a terminal, so the exercise cannot be played at the keyboard; give --answers FILE to play it without prompts (see 'summits exercise --help')"],
            _terminal.Unwrapped().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith("summits exited with ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Plays the North Korea line as Japan against the model from its briefs to round 2's first menu: predictions
    /// 'yes' and 80, no proposal in round 1, the US's offer after it rejected.
    /// </summary>
    private static async Task PlayTheNorthKoreaLineToRoundTwoAsync(TmuxTerminal t)
    {
        await t.WaitForAsync("You play Japan (JP); the model plays United States (US).");
        await ReadThroughAsync(t, "the public brief");
        await ReadThroughAsync(t, "your confidential instructions");
        await AnswerAsync(t, "pressure-holds: yes or no?", "1");
        await TypeAsync(t, "us-line, a value from 0 to 100:", "80");
        await AnswerAsync(t, "Round 1: your move", "4");
        await AnswerAsync(t, "Do you accept this offer?", "2", after: "You end round 1.");
        await t.WaitForAsync("Round 2: your move");
    }

    /// <summary>Ends rounds 2 and 3 of the North Korea line with no proposal, rejecting the US's offer after round 2.</summary>
    private static async Task EndTheNorthKoreaLineAsync(TmuxTerminal t)
    {
        await AnswerAsync(t, "Round 2: your move", "4");
        await AnswerAsync(t, "Do you accept this offer?", "2", after: "You end round 2.");
        await AnswerAsync(t, "Round 3: your move", "4");
    }

    [Fact]
    public async Task Ctrl_C_while_the_play_is_simulated_saves_the_whole_plays_answers_as_the_folders_set_and_exits_130()
    {
        var output = Path.Combine(_folder, "out");
        // An earlier play's grading: it belongs to that play's set, so it goes when this play's answers are saved.
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "grading.csv"), "previous\n");
        // The manifest says that play wrote it; without a line, the file would be taken for the user's and refused.
        File.WriteAllText(Path.Combine(output, OutputSet.ManifestName), "# summits\nexercise\tsummits exercise -o\tgrading.csv\n");
        // In grains the simulation after the play starts a silo first, which takes a second or more: Ctrl-C, sent
        // as soon as the play is over, comes while the simulation runs and before the set with the grading is written.
        _terminal.Start(_folder, 80, Rows, "exercise", Exercises("trade-for-defence.yaml"), "--engine", "grains", "-o", output);
        var t = _terminal;
        await PlayJapanToItsLastMoveAsync(t);
        t.Send("4");
        await t.WaitForAsync("The play is over; the debrief follows.");
        t.Send("C-c");

        Assert.Equal(130, await t.ExitCodeAsync());
        await t.WaitForAsync("summits exercise: stopped before the debrief; the answers");
        Assert.DoesNotContain("total", t.Screen().Split("The play is over;")[^1]);
        // The whole play, as a play that ends writes it, and the manifest naming it; and nothing else: no grading of
        // this play, none of the last.
        Assert.Equal([OutputSet.ManifestName, "answers.yaml"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(JapansAnswers, File.ReadAllText(Path.Combine(output, "answers.yaml")));
        Assert.Equal([Path.GetFileName(output)], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Two_players_hand_the_keyboard_over_so_neither_sees_the_other_s_instructions_and_each_gets_a_debrief()
    {
        var output = Path.Combine(_folder, "out");
        _terminal.Start(_folder, 80, Rows, "exercise", Exercises("trade-for-defence.yaml"), "--engine", "local", "--players", "2", "--role", "JP", "-o", output);
        var t = _terminal;

        await t.WaitForAsync("The first player plays Japan (JP); the second plays United States (US).");
        await ReadThroughAsync(t, "the public brief");
        await t.WaitForAsync("Pass the keyboard to the player of Japan (JP); the other player, look away.");
        Assert.DoesNotContain("Confidential instructions", t.Screen());
        t.Send("Space");
        await ReadThroughAsync(t, "your confidential instructions");
        await AnswerAsync(t, "trade-deal: yes or no?", "1", after: "Predictions of JP's player");  // JP: yes
        await TypeAsync(t, "procurement-end, a value from 0 to 100:", "65", after: "Predictions of JP's player");

        // The hand-over clears the screen and its scrollback: nothing of Japan's instructions or predictions is left.
        await t.WaitForAsync("Pass the keyboard to the player of United States (US); the other player, look away.");
        var handedOver = t.Screen();
        foreach (var secret in new[] { "Confidential instructions for Japan", "trade-imbalance 55, defense-procurement 85", "Predictions of JP's player", "procurement-end, a value from 0 to 100: 65" })
            Assert.DoesNotContain(secret, handedOver);
        t.Send("Space");
        await ReadThroughAsync(t, "your confidential instructions");
        await t.WaitForAsync("Confidential instructions for United States (US), for US's player only");
        Assert.DoesNotContain("trade-imbalance 55, defense-procurement 85", t.Screen());
        await AnswerAsync(t, "trade-deal: yes or no?", "2", after: "Predictions of US's player");  // US: no
        await TypeAsync(t, "procurement-end, a value from 0 to 100:", "60", after: "Predictions of US's player");

        // Play is public; the US's instructions are cleared before it starts.
        await t.WaitForAsync("Both players together now: the play is public from here.");
        Assert.DoesNotContain("trade-imbalance 65, defense-procurement 65", t.Screen());
        t.Send("Space");
        await AnswerAsync(t, "Round 1: JP's player, your move", "1");
        await TypeAsync(t, "trade-imbalance, 0 to 100 (JP: 25, US: 75):", "60");
        await AnswerAsync(t, "US's player, do you accept r1-JP-1?", "1");  // accept
        await t.WaitForAsync("Agreement r1-JP-1: trade-imbalance 60.");
        await AnswerAsync(t, "Round 1: JP's player, your move", "4", after: "Agreement r1-JP-1");  // JP ends the turn
        await AnswerAsync(t, "Round 1: US's player, your move", "2");
        await TypeAsync(t, "defense-procurement, 0 to 100 (US: 85, JP: 60):", "80");
        await AnswerAsync(t, "JP's player, do you accept r1-US-1?", "2");  // reject
        await t.WaitForAsync("Japan rejects it (its player's choice).");
        for (var turn = 0; turn < 5; turn++)                // US ends round 1; both end rounds 2 and 3
        {
            await t.WaitForAsync("your move", after: turn == 0 ? "Japan rejects" : "ends the turn.");
            t.Send("4");
            // The last turn ends the play, and the hand-over to the debriefs clears the screen at once.
            if (turn < 4)
                await t.WaitForAsync("ends the turn.", after: turn == 0 ? "Japan rejects" : null);
        }

        // Each debrief shows that player's reservation values: the keyboard is handed over before each.
        // (Every hand-over clears the screen, so this one can only be the debrief's.)
        await AnswerAsync(t, "Pass the keyboard to the player of Japan (JP)", "Space");
        await t.WaitForAsync("Exercise trade-for-defence (Trade for defence): JP against US (a second player)");
        await t.WaitForAsync("(JP's player, press Enter when you have read your debrief)");
        Assert.Contains("\n        5  total\n", t.Screen());
        t.Send("Enter");
        await t.WaitForAsync("Pass the keyboard to the player of United States (US)");
        Assert.DoesNotContain("JP against US", t.Screen());
        t.Send("Space");
        Assert.Equal(0, await t.ExitCodeAsync());
        Assert.Contains("Exercise trade-for-defence (Trade for defence): US against JP (a second player)", t.Screen());

        // By hand: US's player accepts r1-JP-1, an agreement at 60 on trade. The US's proposal of 80 on procurement
        // pulls Japan by 0.02128 of the distance (worked in ExercisePlayTests): 60 + 0.02128 × 20 = 60.4256. Round 2's
        // inject raises Japan's salience on trade to 0.8 (window 5 + 45 × 0.2 = 14, breach past 28, and Japan's 25 is
        // 35 from the agreed 60), but a change of salience moves no one, and a party is held to an agreement when it
        // moves away from it: nobody moved on trade, so the agreement holds to the end, and each side's score
        // weighs its terms. Trade at 60 is past both reservation values (Japan's 55 from above, the US's 65 from
        // below), a share below 0: beyond-reservation −5 × priority 2 = −10 for each; 60 is within Japan's limit 70.
        //   JP: beyond-reservation −10; trade-deal 'yes', right: 5; procurement-end |65 − 60.4256| = 4.5744, no step: 10; total 5
        //   US: beyond-reservation −10; trade-deal 'no', wrong: 0;  procurement-end |60 − 60.4256| = 0.4256, no step: 10; total 0
        var grading = File.ReadAllLines(Path.Combine(output, "grading.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(
            [("JP", "beyond-reservation", "-10"), ("JP", "prediction", "5"), ("JP", "prediction", "10"), ("JP", "total", "5"),
             ("US", "beyond-reservation", "-10"), ("US", "prediction", "0"), ("US", "prediction", "10"), ("US", "total", "0")],
            grading.Select(g => (g[2], g[3], g[5])));

        // The US player's file, played again without prompts, gives that player's lines again.
        var again = await SummitsProcess.RunAsync("exercise", Exercises("trade-for-defence.yaml"), "--answers", Path.Combine(output, "answers-US.yaml"), "--engine", "local", "--format", "csv");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(grading.Where(g => g[2] == "US").Select(g => (g[3], g[4], g[5])),
            again.Output.Split('\n').Where(l => l.Contains(",US,", StringComparison.Ordinal)).Select(l => l.Split(',')).Select(g => (g[3], g[4], g[5])));
    }

    [Fact]
    public async Task Two_players_debriefs_at_80_columns_show_each_score_line_once_whatever_keys_are_typed_ahead()
    {
        _terminal.Start(_folder, 80, Rows, "exercise", Exercises("bilateral-fta.yaml"), "--engine", "local", "--players", "2", "--role", "US");
        var t = _terminal;
        await t.WaitForAsync("The first player plays United States (US); the second plays Japan (JP).");
        await ReadThroughAsync(t, "the public brief");
        await AnswerAsync(t, "Pass the keyboard to the player of United States (US)", "Space");
        await ReadThroughAsync(t, "your confidential instructions");
        await AnswerAsync(t, "fta-agreed: yes or no?", "1", after: "Predictions of US's player");          // yes
        await TypeAsync(t, "japan-fta, a value from 0 to 100:", "40", after: "Predictions of US's player");
        await AnswerAsync(t, "who-moves: which one?", "1", after: "Predictions of US's player");           // japan
        await AnswerAsync(t, "Pass the keyboard to the player of Japan (JP)", "Space");
        await ReadThroughAsync(t, "your confidential instructions");
        await AnswerAsync(t, "fta-agreed: yes or no?", "2", after: "Predictions of JP's player");          // no
        await TypeAsync(t, "japan-fta, a value from 0 to 100:", "30", after: "Predictions of JP's player");
        await AnswerAsync(t, "who-moves: which one?", "2", after: "Predictions of JP's player");           // us
        await AnswerAsync(t, "Both players together now: the play is public from here.", "Space");
        await AnswerAsync(t, "Round 1: US's player, your move", "1");                                    // bilateral-fta alone
        await TypeAsync(t, "bilateral-fta, 0 to 100 (US: 80, JP: 20):", "60");
        await AnswerAsync(t, "JP's player, do you accept r1-US-1?", "1");                                // accept
        await t.WaitForAsync("Agreement r1-US-1: bilateral-fta 60.");
        for (var turn = 0; turn < 6; turn++)                // each player ends each of the 3 rounds' turns
        {
            await t.WaitForAsync("your move", after: turn == 0 ? "Agreement r1-US-1" : "ends the turn.");
            t.Send("5");
            if (turn < 5)
                await t.WaitForAsync("ends the turn.", after: turn == 0 ? "Agreement r1-US-1" : null);
        }

        // By hand. Japan (salience 0.75 on a bilateral FTA, capability 0.45, affinity to the US 0.9) hears the US's 60
        // and moves 0.1 × 0.8/1.25 × (1 + 0.9)/2 × (1 − 0.75) × (60 − 20) = 0.608, to 20.608; nothing else moves either
        // side on it, and the agreement at 60 holds to the end.
        //   US (start 80, reservation 40, priority 2): (60 − 40) / (80 − 40) = 0.5, × 10 × 2 = 10; fta-agreed 'yes',
        //     right: 5; japan-fta |40 − 20.608| = 19.392, 3 full steps of 5: 7; who-moves 'japan' (JP 0.608, US 0): 10;
        //     total 32
        //   JP (start 20, reservation 50): 60 is past it, −5 × priority 2 = −10; fta-agreed 'no', wrong: 0; japan-fta
        //     |30 − 20.608| = 9.392, 1 full step: 9; who-moves 'us', wrong: 0; total −1
        string[] us = ["       10  agreement r1-US-1/bilateral-fta:", "        5  prediction fta-agreed:", "        7  prediction japan-fta:", "       10  prediction who-moves:", "       32  total"];
        string[] jp = ["      -10  beyond-reservation r1-US-1/bilateral-fta:", "        0  prediction fta-agreed:", "        9  prediction japan-fta:", "        0  prediction who-moves:", "       -1  total"];
        static int Count(string screen, string line) => System.Text.RegularExpressions.Regex.Matches(screen, "^" + System.Text.RegularExpressions.Regex.Escape(line), System.Text.RegularExpressions.RegexOptions.Multiline).Count;

        await AnswerAsync(t, "Pass the keyboard to the player of United States (US)", "Space");
        await t.WaitForAsync("(US's player, press Enter when you have read your debrief)");
        var first = t.Screen();
        Assert.All(us, line => Assert.True(Count(first, line) == 1, $"'{line}' appears {Count(first, line)} times:\n{first}"));

        // The last Enter with another typed straight after it, and at the hand-over the space bar with an Enter after it:
        // the debrief that follows is shown once, and each of its score lines once.
        t.Send("Enter", "Enter");
        await t.WaitForAsync("Pass the keyboard to the player of Japan (JP)");
        t.Send("Space", "Enter");
        Assert.Equal(0, await t.ExitCodeAsync());
        await Task.Delay(TimeSpan.FromSeconds(1));
        var last = t.Screen();
        Assert.DoesNotContain("US against JP", last);
        Assert.Equal(1, Count(last, "Exercise bilateral-fta (A bilateral FTA nobody discussed): JP against US"));
        Assert.All(jp, line => Assert.True(Count(last, line) == 1, $"'{line}' appears {Count(last, line)} times:\n{last}"));
    }

    [Fact]
    public async Task Keys_typed_ahead_never_skip_a_hand_over_or_an_unread_page_and_only_the_space_bar_hands_over()
    {
        _terminal.Start(_folder, 80, Rows, "exercise", Exercises("bilateral-fta.yaml"), "--engine", "local", "--players", "2", "--role", "US");
        var t = _terminal;
        await t.WaitForAsync("The first player plays United States (US); the second plays Japan (JP).");
        await ReadThroughAsync(t, "the public brief");
        await AnswerAsync(t, "Pass the keyboard to the player of United States (US)", "Space");
        await ReadThroughAsync(t, "your confidential instructions");
        await AnswerAsync(t, "fta-agreed: yes or no?", "1", after: "Predictions of US's player");
        await TypeAsync(t, "japan-fta, a value from 0 to 100:", "40", after: "Predictions of US's player");
        // The last prediction, who-moves, is a menu: its digit typed with an Enter after it, as a habit, is one answer.
        await t.WaitForAsync("who-moves: which one?", after: "Predictions of US's player");
        t.Send("1", "Enter");

        // The next screen is the hand-over to Japan's player, and it stays up: the Enter was the menu's, and Enter
        // does not hand over anyway. A second passes (the hand-over appears within a few milliseconds of the keys).
        await t.WaitForAsync("Pass the keyboard to the player of Japan (JP); the other player, look away.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var screen = t.Screen();
        Assert.Contains("(JP's player, press the space bar when ready)", screen);
        Assert.DoesNotContain("Confidential instructions for Japan", screen);
        Assert.DoesNotContain("is not the space bar", screen);

        // A deliberate Enter at the hand-over is refused in one line and the screen stays.
        t.Send("Enter");
        await t.WaitForAsync("the Enter key is not the space bar: press the space bar to go on.");
        Assert.DoesNotContain("Confidential instructions for Japan", t.Screen());

        // The space bar with an Enter typed ahead: Japan's instructions are shown and wait at their first pause; the
        // Enter typed before they appeared does not page past them to Japan's predictions.
        t.Send("Space", "Enter");
        await t.WaitForAsync("Confidential instructions for Japan (JP), for JP's player only");
        await t.WaitForAnyAsync(null, "(end of your confidential instructions:", "(your confidential instructions, lines 1–");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("Predictions of JP's player", t.Screen());
    }

    [Fact]
    public async Task Ctrl_C_in_a_play_by_two_saves_both_players_predictions_and_going_on_asks_neither_again()
    {
        var output = Path.Combine(_folder, "out");
        _terminal.Start(_folder, 80, Rows, "exercise", Exercises("trade-for-defence.yaml"), "--engine", "local", "--players", "2", "--role", "JP", "-o", output);
        var t = _terminal;
        await ReadThroughAsync(t, "the public brief");
        await AnswerAsync(t, "Pass the keyboard to the player of Japan (JP)", "Space");
        await ReadThroughAsync(t, "your confidential instructions");
        await AnswerAsync(t, "trade-deal: yes or no?", "1", after: "Predictions of JP's player");  // JP: yes
        await TypeAsync(t, "procurement-end, a value from 0 to 100:", "65", after: "Predictions of JP's player");
        await AnswerAsync(t, "Pass the keyboard to the player of United States (US)", "Space");
        await ReadThroughAsync(t, "your confidential instructions");
        await AnswerAsync(t, "trade-deal: yes or no?", "2", after: "Predictions of US's player");  // US: no
        await TypeAsync(t, "procurement-end, a value from 0 to 100:", "60", after: "Predictions of US's player");
        await AnswerAsync(t, "Both players together now", "Space");
        await AnswerAsync(t, "Round 1: JP's player, your move", "1");
        await TypeAsync(t, "trade-imbalance, 0 to 100 (JP: 25, US: 75):", "40");
        await AnswerAsync(t, "US's player, do you accept r1-JP-1?", "2");  // reject
        await AnswerAsync(t, "Round 1: JP's player, your move", "C-c", after: "United States rejects it (its player's choice)");

        Assert.Equal(130, await t.ExitCodeAsync());
        // Everything both players answered: Japan's predictions, the US's (which the file of one player has no place
        // for, so they go under 'other-predictions'), the proposal and its answer.
        var saved = Path.Combine(output, "answers.yaml");
        Assert.Equal(
            "# Answers to trade-for-defence given at the keyboard until the play was stopped; summits exercise --answers, at a terminal, plays them and goes on from where they stop.\n"
            + "answers: trade-for-defence\npartial: stopped in round 1\nrole: JP\nplayers: 2\n"
            + "predictions:\n  trade-deal: yes\n  procurement-end: 65\n"
            + "other-predictions:\n  trade-deal: no\n  procurement-end: 60\n"
            + "proposals:\n  - round: 1\n    from: JP\n    terms: { trade-imbalance: 40 }\n"
            + "responses:\n  - proposal: r1-JP-1\n    answer: reject\n",
            File.ReadAllText(saved));

        // Going on at a terminal asks neither player's predictions again: the play goes straight to the public part.
        using var again = new TmuxTerminal();
        again.Start(_folder, 80, Rows, "exercise", Exercises("trade-for-defence.yaml"), "--answers", saved, "--engine", "local", "-o", Path.Combine(_folder, "resumed"));
        await AnswerAsync(again, "Both players together now", "Space");
        await again.WaitForAsync("r1-JP-1: Japan proposes trade-imbalance 40 (from the answers file).");
        await again.WaitForAsync("US: reject (from the answers file)");
        await again.WaitForAsync("Round 1: JP's player, your move", after: "US: reject (from the answers file)");
        var screen = again.Screen();
        foreach (var asked in new[] { "yes or no?", "a value from 0 to 100:", "Pass the keyboard to the player" })
            Assert.DoesNotContain(asked, screen);
    }

    [Fact]
    public async Task The_models_side_making_no_offer_is_told_at_the_keyboard_and_in_the_debrief_in_the_same_words()
    {
        // North-korea-line as Japan: north-korea-sanctions 88 in round 1 as a last word, which the US accepts (worked in
        // ExercisePlayTests). After rounds 1 and 2 every topic on the table is settled by an agreement in force binding
        // both roles (north-korea by the summit's nk-maximum-pressure, strained in round 2 but in force; sanctions by
        // r1-JP-1): the US makes no offer, and says why. Nothing happens in round 3.
        const string afterRound1 = "United States makes no offer of its own after round 1: an agreement in force settles every topic on the table.";
        const string afterRound2 = "United States makes no offer of its own after round 2: an agreement in force settles every topic on the table.";
        var t = await StartOnePlayerAsync("north-korea-line.yaml", "JP");
        await AnswerAsync(t, "pressure-holds: yes or no?", "1");
        await TypeAsync(t, "us-line, a value from 0 to 100:", "80");
        await AnswerAsync(t, "Round 1: your move", "2");                              // north-korea-sanctions alone
        await TypeAsync(t, "north-korea-sanctions, 0 to 100 (you: 85, US: 90):", "88");
        await TypeAsync(t, "Offer rounds it stays open for, 0 (your last word) to 2:", "0");
        await AnswerAsync(t, "Round 1: your move", "4", after: "Agreement r1-JP-1: north-korea-sanctions 88.");
        await t.WaitForAsync(afterRound1, after: "You end round 1.");
        await AnswerAsync(t, "Round 2: your move", "4");
        await t.WaitForAsync(afterRound2, after: "You end round 2.");
        await AnswerAsync(t, "Round 3: your move", "4");

        Assert.Equal(0, await t.ExitCodeAsync());
        var debrief = t.Screen().Split("The play is over; the debrief follows.")[^1];
        var words = System.Text.RegularExpressions.Regex.Replace(debrief, @"\s+", " ");
        Assert.Contains(afterRound1, words);
        Assert.Contains(afterRound2, words);
        Assert.Contains($"Round 3 of 3 {Summits.Scenarios.PlayInWords.NothingChanged}", words);
    }

    [Fact]
    public async Task On_a_table_partly_settled_the_keyboard_says_before_the_models_offers_why_they_leave_a_topic_out()
    {
        // North-korea-line as Japan with no proposal: north-korea is settled for both roles by the summit's
        // nk-maximum-pressure (93), in force throughout (strained, not breached, by round 2's inject); sanctions stay
        // open. After rounds 1 and 2 the US offers on sanctions alone, and first says why not on north-korea, in the
        // sentence the debrief gives it (worked in ExercisePlayTests).
        static string Said(int round) =>
            $"United States makes no offer on north-korea after round {round}: agreement nk-maximum-pressure, in force, already settles it, so it offers only on north-korea-sanctions.";
        var t = await StartOnePlayerAsync("north-korea-line.yaml", "JP");
        await AnswerAsync(t, "pressure-holds: yes or no?", "1");
        await TypeAsync(t, "us-line, a value from 0 to 100:", "80");
        await AnswerAsync(t, "Round 1: your move", "4");
        await t.WaitForAsync(Said(1), after: "You end round 1.");
        await AnswerAsync(t, "Do you accept this offer?", "2", after: Said(1));
        await AnswerAsync(t, "Round 2: your move", "4");
        await t.WaitForAsync(Said(2), after: "You end round 2.");
        await AnswerAsync(t, "Do you accept this offer?", "2", after: Said(2));
        await AnswerAsync(t, "Round 3: your move", "4");

        Assert.Equal(0, await t.ExitCodeAsync());
        var (play, debrief) = t.Screen().Split("The play is over; the debrief follows.") is var parts ? (Words(parts[0]), Words(parts[^1])) : default;
        // At the keyboard the sentence comes before the offer it explains; the debrief tells it in the same words.
        var round1 = play[play.IndexOf("You end round 1.", StringComparison.Ordinal)..];
        Assert.True(round1.IndexOf(Said(1), StringComparison.Ordinal) is var at and >= 0 && at < round1.IndexOf("United States offers north-korea-sanctions", StringComparison.Ordinal), round1);
        Assert.Contains(Said(1), debrief);
        Assert.Contains(Said(2), debrief);

        static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
    }

    [Fact]
    public async Task Ctrl_C_in_the_predictions_says_where_the_answers_went_wrapped_at_80_columns_between_words()
    {
        var t = await StartOnePlayerAsync("north-korea-line.yaml", "JP");
        await AnswerAsync(t, "pressure-holds: yes or no?", "1");
        await AnswerAsync(t, "us-line, a value from 0 to 100:", "C-c");

        Assert.Equal(130, await t.ExitCodeAsync());
        // The message says which questions were answered and which not: pressure-holds was, us-line was not.
        // By hand: "summits exercise: stopped in the predictions of JP's player (answered pressure-holds; not yet us-line);
        // answers so far saved (partial) to:" is 138 characters; up to "(answered" it is 69, and " pressure-holds;" would
        // take it to 85, past column 80, so the rest goes on the next line, indented by four (72 columns, which fit);
        // the path, in the current folder, stands whole on the line after.
        var lines = t.Screen().Split('\n').Select(l => l.TrimEnd()).ToList();
        var said = lines.FindIndex(l => l == "summits exercise: stopped in the predictions of JP's player (answered");
        Assert.True(said > 0, string.Join('\n', lines));
        Assert.Equal("    pressure-holds; not yet us-line); answers so far saved (partial) to:", lines[said + 1]);
        Assert.Equal(Path.Combine(_folder, "answers.yaml"), lines[said + 2]);
        // The saved file holds the answer given and names, in a comment, the one still to be asked.
        Assert.Contains("predictions:\n  pressure-holds: yes\n  # not answered yet: us-line\n", File.ReadAllText(Path.Combine(_folder, "answers.yaml")));
    }

    [Fact]
    public async Task A_multiple_choice_question_is_a_numbered_menu_of_its_options_that_refuses_another_key_at_80_columns()
    {
        var output = Path.Combine(_folder, "out");
        var t = await StartOnePlayerAsync("bilateral-fta.yaml", "US", "-o", output);
        await AnswerAsync(t, "fta-agreed: yes or no?", "2");  // no
        await TypeAsync(t, "japan-fta, a value from 0 to 100:", "30");
        // bilateral-fta's third question has two options, in the file's order: 1 japan, 2 us. A 3 is not one of them.
        await AnswerAsync(t, "who-moves: which one?", "3");
        await t.WaitForAsync("'3' is not one of the choices: press 1 or 2, the number of a choice.");
        t.Send("1");
        await AnswerAsync(t, "Round 1: your move", "C-c", after: "1  japan: Japan moves further than the US");

        Assert.Equal(130, await t.ExitCodeAsync());
        var screen = t.Screen();
        // The question is 82 columns to "FTA?": it wraps after "bilateral", going on 6 columns in (its indent and four more).
        Assert.Contains("  who-moves: Which side will end further from where it started on a bilateral\n      FTA? (10 points)\nwho-moves: which one?\n"
            + "  1  japan: Japan moves further than the US\n  2  us: The US moves further than Japan\nPress 1 or 2:\n"
            + "  '3' is not one of the choices: press 1 or 2, the number of a choice.\nPress 1 or 2: 1  japan: Japan moves further than the US\n", screen);
        Assert.All(screen.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: {line}"));
        // The option chosen is saved by its id, as an answers file names it, after the refused key, which changed nothing.
        Assert.Contains("predictions:\n  fta-agreed: no\n  japan-fta: 30\n  who-moves: japan\n", File.ReadAllText(Path.Combine(output, "answers.yaml")));
    }

    [Fact]
    public async Task At_50_columns_a_pause_line_and_a_prompt_wrap_with_the_indent_every_wrapped_line_has_and_no_pause_splits_a_menu()
    {
        // At 50 × 20 the title, about and objectives fill the first screen (18 rows, as worked above): the play waits
        // before the sides' line's second row. The public brief's pause line, "(the public brief, lines 1–N of M: press
        // Enter for more)", is 57 characters or more: it breaks after "Enter" (47 or 48 columns) and goes on 4 columns
        // in, as every wrapped line of the play does, where it went on at column 0.
        _terminal.Start(_folder, 50, 20, ["exercise", Exercises("trade-for-defence.yaml"), "--engine", "local", "--players", "1", "--role", "JP"]);
        var t = _terminal;
        await AnswerAsync(t, "(press Enter for more)", "Enter");
        await t.WaitForAsync("(the public brief, lines 1–");
        Assert.Matches(@"\n\(the public brief, lines 1–\d+ of \d+: press Enter\n    for more\)", t.Visible());
        await ReadThroughAsync(t, "the public brief");
        await ReadThroughAsync(t, "your confidential instructions");
        await AnswerAsync(t, "trade-deal: yes or no?", "2");  // no
        await TypeAsync(t, "procurement-end, a value from 0 to 100:", "62");
        await AnswerAsync(t, "Round 1: your move", "1");
        await TypeAsync(t, "trade-imbalance, 0 to 100 (you: 25, US: 75):", "40");
        // "Offer rounds it stays open for, 0 (your last word) to 2:" is 56 characters: it breaks after "word)", at 50, and
        // goes on 4 columns in.
        await t.WaitForAsync("Offer rounds it stays open for, 0 (your last word) to 2:");
        Assert.Matches(@"\nOffer rounds it stays open for, 0 \(your last word\)\n    to 2:", t.Visible());
        t.Type("1");
        // The answer in words may fill the screen: then the play waits before the round's menu, never inside it.
        if (await t.WaitForAnyAsync("r1-JP-1: You propose", "Round 1: your move", "(press Enter for more)") == 1)
            t.Send("Enter");
        await AnswerAsync(t, "Round 1: your move", "C-c", after: "r1-JP-1: You propose");
        Assert.Equal(130, await t.ExitCodeAsync());

        // No pause line stands between two entries of a menu: a menu that would not fit below the unread rows waits
        // before its title instead.
        var rows = t.Screen().Split('\n');
        for (var i = 1; i < rows.Length - 1; i++)
        {
            if (rows[i].StartsWith("(press Enter for more)", StringComparison.Ordinal))
                Assert.False(MenuEntry().IsMatch(rows[i - 1]) && MenuEntry().IsMatch(rows[i + 1]), $"a pause inside a menu at row {i}:\n{string.Join('\n', rows[Math.Max(0, i - 4)..Math.Min(rows.Length, i + 4)])}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^  \d  \S")]
    private static partial System.Text.RegularExpressions.Regex MenuEntry();

    [Fact]
    public async Task A_proposal_at_the_keyboard_takes_a_deadline_in_offer_rounds_within_its_range_and_then_says_what_the_other_side_would_settle_at()
    {
        var output = Path.Combine(_folder, "out");
        var t = await StartOnePlayerAsync("trade-for-defence.yaml", "JP", "-o", output);
        await AnswerAsync(t, "trade-deal: yes or no?", "2");  // no
        await TypeAsync(t, "procurement-end, a value from 0 to 100:", "62");
        await AnswerAsync(t, "Round 1: your move", "1");
        await TypeAsync(t, "trade-imbalance, 0 to 100 (you: 25, US: 75):", "40");
        // By hand: the model offers after rounds 1 and 2 of 3, so a proposal of round 1 can stay open for
        // 3 − 1 = 2 offer rounds at most: 3 is refused with the range, and asked again.
        await TypeAsync(t, "Offer rounds it stays open for, 0 (your last word) to 2:", "3");
        await t.WaitForAsync("3 is more offer rounds than are left: type a whole number from 0 (your last word) to 2");
        t.Type("2");
        // With rounds still to run the US does not judge it as a last word: it says what it would settle at.
        await t.WaitForAsync("r1-JP-1: You propose trade-imbalance 40, open for 2 offer rounds");
        await t.WaitForAsync("It would settle at trade-imbalance", after: "r1-JP-1: You propose");
        Assert.DoesNotContain("It does not say what it would settle for.", t.Screen().Split("r1-JP-1: You propose")[^1]);
        await AnswerAsync(t, "Round 1: your move", "C-c", after: "r1-JP-1: You propose");

        Assert.Equal(130, await t.ExitCodeAsync());
        // The deadline is kept as an answers file gives it.
        Assert.Contains("  - round: 1\n    terms: { trade-imbalance: 40 }\n    deadline: 2\n", File.ReadAllText(Path.Combine(output, "answers.yaml")));
    }

    [Fact]
    public async Task An_open_proposal_is_told_when_it_is_put_again_after_a_round_with_its_answer_and_when_its_deadline_passes()
    {
        var t = await StartOnePlayerAsync("trade-for-defence.yaml", "JP");
        await AnswerAsync(t, "trade-deal: yes or no?", "2");  // no
        await TypeAsync(t, "procurement-end, a value from 0 to 100:", "62");
        await AnswerAsync(t, "Round 1: your move", "1");
        await TypeAsync(t, "trade-imbalance, 0 to 100 (you: 25, US: 75):", "40");
        await TypeAsync(t, "Offer rounds it stays open for, 0 (your last word) to 2:", "2");
        await AnswerAsync(t, "Round 1: your move", "4", after: "r1-JP-1: You propose");

        // By hand: open for 2 offer rounds, r1-JP-1 is put again where the model makes its offers after round 1
        // (r1-JP-1~1) and after round 2 (r1-JP-1~2), each time before the US's own offers, and its deadline passes
        // at the second. The US's reservation on trade-imbalance is 65 (trade-for-defence.yaml), so 40 is worse than
        // no deal to it: it rejects each time.
        await t.WaitForAsync("r1-JP-1~1: your open proposal trade-imbalance 40 is put again after round 1.", after: "You end round 1.");
        await t.WaitForAsync("United States rejects: the terms are worth", after: "r1-JP-1~1: your open proposal");
        await AnswerAsync(t, "Do you accept this offer?", "2", after: "r1-JP-1~1: your open proposal");
        await AnswerAsync(t, "Do you accept this offer?", "2", after: "you: reject");
        await AnswerAsync(t, "Round 2: your move", "4");
        await t.WaitForAsync("r1-JP-1~2: your open proposal trade-imbalance 40 is put again after round 2.", after: "You end round 2.");
        await t.WaitForAsync("r1-JP-1 expires on trade-imbalance: its deadline passed without agreement.", after: "r1-JP-1~2: your open proposal");
        await t.WaitForAsync("Do you accept this offer?", after: "r1-JP-1 expires");
        var round2 = t.Screen().Split("You end round 2.")[^1];
        Assert.True(round2.IndexOf("r1-JP-1 expires", StringComparison.Ordinal) < round2.IndexOf("r2-US-offer.", StringComparison.Ordinal), round2);
        t.Send("C-c");
        Assert.Equal(130, await t.ExitCodeAsync());
    }

    [Fact]
    public async Task Ctrl_C_in_a_round_saves_the_answers_so_far_as_a_partial_file_that_plays_on_from_where_it_stopped()
    {
        var output = Path.Combine(_folder, "out");
        var t = await StartOnePlayerAsync("trade-for-defence.yaml", "JP", "-o", output);
        await AnswerAsync(t, "trade-deal: yes or no?", "2");  // no
        await TypeAsync(t, "procurement-end, a value from 0 to 100:", "62");
        await AnswerAsync(t, "Round 1: your move", "1");
        await TypeAsync(t, "trade-imbalance, 0 to 100 (you: 25, US: 75):", "40");
        await TypeAsync(t, "Offer rounds it stays open for, 0 (your last word) to 2:", "0");
        await AnswerAsync(t, "Round 1: your move", "C-c", after: "r1-JP-1: You propose");  // a real Ctrl-C at the menu

        Assert.Equal(130, await t.ExitCodeAsync());
        var saved = Path.Combine(output, "answers.yaml");
        var lines = t.Screen().Split('\n').Select(l => l.TrimEnd()).ToList();
        // The message starts a line of its own (not the menu's), and the file's path stands alone on the next.
        var said = lines.FindIndex(l => l == "summits exercise: stopped in round 1; answers so far saved (partial) to:");
        Assert.True(said > 0, string.Join('\n', lines));
        Assert.Equal(saved, lines[said + 1]);
        Assert.Equal(
            "# Answers to trade-for-defence given at the keyboard until the play was stopped; summits exercise --answers, at a terminal, plays them and goes on from where they stop.\n"
            + "answers: trade-for-defence\npartial: stopped in round 1\nrole: JP\npredictions:\n  trade-deal: no\n  procurement-end: 62\nproposals:\n"
            + "  - round: 1\n    terms: { trade-imbalance: 40 }\n",
            File.ReadAllText(saved));

        // Without a terminal to go on at, the partial file is refused in one line at its 'partial' (line 3, column 10),
        // saying what it leaves unplayed: it stopped in round 1 of 3, so the rest of round 1 and rounds 2 to 3.
        var piped = await SummitsProcess.RunFromPipeAsync(_folder, "exercise", Exercises("trade-for-defence.yaml"), "--answers", saved, "--engine", "local");
        Assert.Equal(2, piped.ExitCode);
        Assert.Equal("", piped.Output);
        Assert.Equal($"{saved}:3:10: these answers are partial (stopped in round 1): they have no answers for the rest of round 1 and rounds 2 to 3; "
            + "standard input is not a terminal, so those cannot be asked at the keyboard; run this at a terminal to go on from where the answers stop, or finish the file's answers and remove 'partial'",
            Assert.Single(piped.ErrorLines));

        // At a terminal the same file plays on: its answers are played again, unasked, and the keyboard takes over in round 1.
        var resumedOutput = Path.Combine(_folder, "resumed");
        using var again = new TmuxTerminal();
        again.Start(_folder, 80, Rows, "exercise", Exercises("trade-for-defence.yaml"), "--answers", saved, "--engine", "local", "-o", resumedOutput);
        await again.WaitForAsync($"Going on from {saved}, stopped in round 1: its answers are played again as they were given, then the keyboard takes over.");
        await again.WaitForAsync("You play Japan (JP); the model plays United States (US).");
        await again.WaitForAsync("62 (from the answers file)", after: "procurement-end:");
        await again.WaitForAsync("r1-JP-1: You propose trade-imbalance 40 (from the answers file)");
        await again.WaitForAsync("United States rejects: the terms are worth 0.4684 to it", after: "r1-JP-1: You propose trade-imbalance 40");
        await again.WaitForAsync("Round 1: your move", after: "r1-JP-1: You propose");
        // Nothing the file answers is asked again: no brief to page through, no prediction, no first proposal.
        var screen = again.Screen();
        foreach (var asked in new[] { "Which side do you play?", "Public brief:", "yes or no?", "a value from 0 to 100:", "trade-imbalance, 0 to 100" })
            Assert.DoesNotContain(asked, screen);
        // From here the play is the one of the first test above (same proposals, every offer rejected).
        again.Send("4");                                    // end round 1
        await RejectOffersAsync(again, 1, "trade-imbalance 74.8459", "defense-procurement 84.9177");
        await ProposePackageAsync(again, 2, "(you: 26.0607, US: 74.8866)", "50", "(you: 60.5302, US: 85)", "80", "United States rejects");
        again.Send("4");
        await RejectOffersAsync(again, 2, "trade-imbalance 73.5146", "defense-procurement 82.3311");
        await ProposePackageAsync(again, 3, "(you: 26.6378, US: 74.806)", "55", "(you: 60.9942, US: 84.9595)", "80", "Agreement r3-JP-1: defense-procurement 80, trade-imbalance 55.");
        again.Send("4");                                    // end round 3 and see the debrief

        Assert.Equal(0, await again.ExitCodeAsync());
        // The answers saved are a whole play: the file's, then the ones typed after it.
        Assert.Equal(PackagePlay("no", "62"), File.ReadAllText(Path.Combine(resumedOutput, "answers.yaml")));
        // By hand: the play is the first test's, so its agreement scores the same, 2 on procurement and 0 on trade; the
        // predictions differ: trade-deal 'no', but the package's agreement on trade is in force at the end: 0;
        // procurement-end 62 against Japan's final 60.9942 (worked in the first test): |62 − 60.9942| = 1.0058, no full step
        // of 5: 10. Total 2 + 0 + 0 + 10 = 12.
        Assert.Equal(
            [("agreement", "r3-JP-1/defense-procurement", "2"), ("agreement", "r3-JP-1/trade-imbalance", "0"),
             ("prediction", "trade-deal", "0"), ("prediction", "procurement-end", "10"), ("total", "", "12")],
            Scores(resumedOutput));
    }

    /// <summary>
    /// The answers file of the play as Japan in which trade at 40 is proposed in round 1, the packages 50 + 80 and
    /// 55 + 80 in rounds 2 and 3, and the US's four offers are rejected, with these two predictions.
    /// </summary>
    private static string PackagePlay(string tradeDeal, string procurementEnd) =>
        "# Answers to trade-for-defence given at the keyboard; summits exercise --answers plays them again.\n"
        + $"answers: trade-for-defence\nrole: JP\npredictions:\n  trade-deal: {tradeDeal}\n  procurement-end: {procurementEnd}\nproposals:\n"
        + "  - round: 1\n    terms: { trade-imbalance: 40 }\n"
        + "  - round: 2\n    terms: { trade-imbalance: 50, defense-procurement: 80 }\n"
        + "  - round: 3\n    terms: { trade-imbalance: 55, defense-procurement: 80 }\n"
        + "responses:\n"
        + "  - proposal: r1-US-offer.r1.trade-imbalance\n    answer: reject\n"
        + "  - proposal: r1-US-offer.r1.defense-procurement\n    answer: reject\n"
        + "  - proposal: r2-US-offer.r1.trade-imbalance\n    answer: reject\n"
        + "  - proposal: r2-US-offer.r1.defense-procurement\n    answer: reject\n";

    /// <summary>Each score line of the grading file in <paramref name="folder"/>: its kind, item and points.</summary>
    private static IEnumerable<(string Kind, string Item, string Points)> Scores(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "grading.csv")).Skip(1).Select(l => l.Split(',')).Select(g => (g[3], g[4], g[5]));

    /// <summary>Proposes a package in <paramref name="round"/> at the menu, typing each value after its prompt, and waits for the answer and the menu again.</summary>
    private static async Task ProposePackageAsync(TmuxTerminal t, int round, string tradeStand, string trade, string procurementStand, string procurement, string answer)
    {
        await AnswerAsync(t, $"Round {round}: your move", "3");  // the package
        await t.WaitForAsync($"trade-imbalance, 0 to 100 {tradeStand}:");
        t.Type(trade);
        await t.WaitForAsync($"defense-procurement, 0 to 100 {procurementStand}:");
        t.Type(procurement);
        if (round < 3)
            await TypeAsync(t, $"Offer rounds it stays open for, 0 (your last word) to {3 - round}:", "0");   // no deadline: the last word
        await t.WaitForAsync(answer, after: $"r{round}-JP-1: You propose");
        await t.WaitForAsync($"Round {round}: your move", after: $"r{round}-JP-1: You propose");
    }

    /// <summary>Waits for <paramref name="prompt"/> (after the last <paramref name="after"/> when given), then presses <paramref name="key"/>.</summary>
    private static async Task AnswerAsync(TmuxTerminal t, string prompt, string key, string? after = null)
    {
        await t.WaitForAsync(prompt, after);
        t.Send(key);
    }

    /// <summary>Waits for <paramref name="prompt"/> (after the last <paramref name="after"/> when given), then types <paramref name="text"/> and Enter.</summary>
    private static async Task TypeAsync(TmuxTerminal t, string prompt, string text, string? after = null)
    {
        await t.WaitForAsync(prompt, after);
        t.Type(text);
    }

    /// <summary>The answers file of the play <see cref="PlayJapanToItsLastMoveAsync"/> makes: the entries accepted, none refused.</summary>
    private static string JapansAnswers => PackagePlay("yes", "65");

    /// <summary>
    /// Plays trade-for-defence as Japan against the model from the first prompt to round 3's last menu, with a wrong
    /// key at each kind of prompt and the values, prompts and answers in words checked on the way.
    /// </summary>
    private static async Task PlayJapanToItsLastMoveAsync(TmuxTerminal t)
    {
        await t.WaitForAsync("Who plays the other side?");
        await t.WaitForAsync("Press 1 or 2:");
        t.Send("Down");                                     // a wrong key: said, and the menu asked again
        await t.WaitForAsync("the down arrow is not one of the choices: press 1 or 2, the number of a choice.");
        t.Send("1");                                        // the model
        await t.WaitForAsync("Which side do you play?");
        t.Send("1");                                        // JP
        await t.WaitForAsync("You play Japan (JP); the model plays United States (US).");

        // The brief waits for Enter before it can scroll away: at the first pause its heading is still in view.
        await t.WaitForAnyAsync(null, "(end of the public brief:", "(the public brief, lines 1–");
        Assert.Contains("Public brief: the positions on the table", t.Visible());
        await ReadThroughAsync(t, "the public brief");
        await ReadThroughAsync(t, "your confidential instructions");

        await t.WaitForAsync("trade-deal: yes or no?");
        t.Send("x");                                        // a wrong key
        await t.WaitForAsync("'x' is not one of the choices: press 1 or 2, the number of a choice.");
        t.Send("1");                                        // yes
        await t.WaitForAsync("procurement-end, a value from 0 to 100:");
        t.Type("x");                                        // not a number
        await t.WaitForAsync("'x' is not a number: type a value from 0 to 100");
        t.Type("150");                                      // off the scale
        await t.WaitForAsync("150 is off the scale: type a value from 0 to 100");
        t.Type("65");

        await t.WaitForAsync("Round 1: your move");
        t.Send("1");                                        // trade-imbalance alone
        await t.WaitForAsync("trade-imbalance, 0 to 100 (you: 25, US: 75):");
        t.Type("140");                                      // off the scale
        await t.WaitForAsync("140 is off the scale: type a value from 0 to 100");
        t.Type("40");
        await TypeAsync(t, "Offer rounds it stays open for, 0 (your last word) to 2:", "0");                  // no deadline: the last word
        // 40 is below the US's reservation value on trade, 65: it rejects, in words. A proposal made at the keyboard is a
        // last word (τ = 1), where the US's counter would be that confidential 65 itself, so it does not say it.
        await t.WaitForAsync("United States rejects: the terms are worth 0.4684 to it, less than no deal (its BATNA), worth 0.7204", after: "r1-JP-1: You propose trade-imbalance 40");
        await t.WaitForAsync("It does not say what it would settle for.", after: "r1-JP-1: You propose trade-imbalance 40");
        await t.WaitForAsync("Round 1: your move", after: "r1-JP-1: You propose");
        t.Send("4");                                        // end round 1
        await RejectOffersAsync(t, 1, "trade-imbalance 74.8459", "defense-procurement 84.9177");

        // Each prompt shows where both sides stand now: the US moved to 74.8866 on trade after round 1's proposal,
        // and Japan to 26.0607 and 60.5302 after the US's offers (Δ = 0.02128 × the distance, worked in ExercisePlayTests).
        await ProposePackageAsync(t, 2, "you: 26.0607, US: 74.8866", "50", "you: 60.5302, US: 85", "80");
        await t.WaitForAsync("United States rejects", after: "r2-JP-1: You propose");
        await t.WaitForAsync("Round 2: your move", after: "r2-JP-1: You propose");
        t.Send("4");
        await RejectOffersAsync(t, 2, "trade-imbalance 73.5146", "defense-procurement 82.3311");

        await ProposePackageAsync(t, 3, "you: 26.6378, US: 74.806", "55", "you: 60.9942, US: 84.9595", "80");
        await t.WaitForAsync("Agreement r3-JP-1: defense-procurement 80, trade-imbalance 55.", after: "r3-JP-1: You propose");
        await t.WaitForAsync("Round 3: your move", after: "r3-JP-1: You propose");
    }

    /// <summary>
    /// Proposes the package (menu choice 3) in round <paramref name="round"/>: waits for the trade-imbalance and
    /// defense-procurement prompts, each showing where both sides stand (<c>you: …, US: …</c>), and types each value.
    /// </summary>
    private static async Task ProposePackageAsync(TmuxTerminal t, int round, string tradeStand, string trade, string defenseStand, string defense)
    {
        await t.WaitForAsync($"Round {round}: your move");
        t.Send("3");
        await t.WaitForAsync($"trade-imbalance, 0 to 100 ({tradeStand}):");
        t.Type(trade);
        await t.WaitForAsync($"defense-procurement, 0 to 100 ({defenseStand}):");
        t.Type(defense);
        if (round < 3)
            await TypeAsync(t, $"Offer rounds it stays open for, 0 (your last word) to {3 - round}:", "0");   // no deadline: the last word
    }

    /// <summary>
    /// Pages through a text shown a screen at a time, pressing Enter at each pause. A screen holds <see cref="Rows"/> − 2
    /// rows, and the rows still unread above the text (the title and objectives above the public brief) count into its
    /// first screen, so the first pause may come after fewer of the text's lines, or before any ("the public brief
    /// follows"); each later pause is read off the screen ("lines 10–47 of 60": the next starts at 48).
    /// </summary>
    private static async Task ReadThroughAsync(TmuxTerminal t, string what)
    {
        if (await t.WaitForAnyAsync(null, $"(end of {what}:", $"({what}, lines 1–", $"({what} follows:") == 2)
            t.Send("Enter");
        for (var first = 1; ; )
        {
            var found = await t.WaitForAnyAsync(null, $"(end of {what}:", $"({what}, lines {first}–");
            if (found == 1)
                first = int.Parse(System.Text.RegularExpressions.Regex.Match(System.Text.RegularExpressions.Regex.Replace(t.Screen(), @"\s+", " "), $@"\({System.Text.RegularExpressions.Regex.Escape(what)}, lines {first}–(\d+) of").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
            t.Send("Enter");
            if (found == 0)
                return;
        }
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(50, 20)]
    public async Task With_the_sides_given_on_the_command_line_the_title_and_objectives_stay_on_screen_until_a_key_is_pressed(int columns, int rows)
    {
        // --players and --role skip both menus, the only waits between the objectives and the brief. At 80 × 24 the title
        // (1 row), the about (131 characters: 2 rows, the second indented 4), a blank, "Objectives", the three objectives
        // (95, 104 and 168 characters with their "  - ", continuations indented 6: 2, 2 and 3 rows) and "You play Japan …"
        // take 13 rows of the 22 a screen holds before a pause (24 − 2), so the brief's first screen is its lines 1–9 and
        // then waits; at 50 × 20 the title, about and objectives alone take 18 rows (2 + 3 + 1 + 1 + 3 + 3 + 4 + the sides'
        // line's first row), all a screen holds before a pause (20 − 2), so the play waits ("press Enter for more") before
        // the sides' line's second row. Either way the first wait comes with the title in view.
        // The third objective, counted: "  - " 4, "Read each answer's reason " 26, "(how much the terms are worth to the side
        // that answers, " 56, "against what its BATNA, no deal, is worth to it) " 49, "and say why the other side moved." 33:
        // 4 + 26 + 56 + 49 + 33 = 168. Its words end at columns 8, 13, 22, 29, 34, …, "that" 76, "answers," 85, so at 80 it
        // breaks before "answers,", which then ends at 14 and "the" at 79, so it breaks again before "other": 3 rows. At 50
        // it breaks before "are" ("terms" ends at 49), before "what" ("against" ends at 49) and before "say" ("and" ends
        // at 50): 4 rows.
        _terminal.Start(_folder, columns, rows, ["exercise", Exercises("trade-for-defence.yaml"), "--engine", "local", "--players", "1", "--role", "JP"]);
        var t = _terminal;
        await t.WaitForAnyAsync(null, "(end of the public brief:", "(the public brief, lines 1–", "(the public brief follows:", "(press Enter for more)");

        var visible = t.Visible();
        Assert.StartsWith("Exercise trade-for-defence:", visible, StringComparison.Ordinal);
        Assert.Contains("\nObjectives\n", visible);
        Assert.Contains("  - Read each answer's reason", visible);
        Assert.All(visible.Split('\n'), line => Assert.True(Summits.Cli.Output.TerminalWidth.Cells(line.TrimEnd()) <= columns, $"wider than {columns} columns: {line}"));
        if (columns == 80)
            Assert.Contains("(the public brief, lines 1–9 of ", t.Screen());
        t.Send("C-c");
        Assert.Equal(130, await t.ExitCodeAsync());
    }

    [Fact]
    public async Task Going_on_from_a_stopped_play_waits_before_its_answers_push_the_title_and_objectives_off_the_screen()
    {
        // A play stopped in round 2 goes on without the brief: the title and objectives (13 rows with the sides' line, as
        // worked above), the line saying where it goes on from, the predictions from the file and round 1 played again
        // (the proposal, its answer in words, the US's two offers rejected) are far more than the 22 rows of an 80 × 24
        // screen, so the play waits ("press Enter for more") with the title still in view.
        var partial = Path.Combine(_folder, "partial.yaml");
        File.WriteAllText(partial, "answers: trade-for-defence\npartial: stopped in round 2\nrole: JP\n"
            + "predictions: { trade-deal: yes, procurement-end: 65 }\nproposals:\n  - round: 1\n    terms: { trade-imbalance: 40 }\n");
        _terminal.Start(_folder, 80, 24, "exercise", Exercises("trade-for-defence.yaml"), "--engine", "local", "--answers", partial);
        var t = _terminal;
        await t.WaitForAsync("(press Enter for more)");

        var visible = t.Visible();
        Assert.StartsWith("Exercise trade-for-defence:", visible, StringComparison.Ordinal);
        Assert.Contains("\nObjectives\n", visible);
        t.Send("C-c");
        Assert.Equal(130, await t.ExitCodeAsync());
    }

    /// <summary>Answers the US's offers after <paramref name="round"/>, one on each topic, with reject (the second choice).</summary>
    private static async Task RejectOffersAsync(TmuxTerminal t, int round, string trade, string procurement)
    {
        await t.WaitForAsync($"United States offers {trade}", after: $"You end round {round}.");
        await AnswerAsync(t, "Do you accept this offer?", "2", after: $"United States offers {trade}");
        await t.WaitForAsync($"United States offers {procurement}", after: $"You end round {round}.");
        await AnswerAsync(t, "Do you accept this offer?", "2", after: $"United States offers {procurement}");
        await t.WaitForAsync($"r{round}-US-offer.r1.defense-procurement:", after: $"United States offers {procurement}");
        await t.WaitForAsync("You reject it (your choice)", after: $"r{round}-US-offer.r1.defense-procurement:");
    }
}
