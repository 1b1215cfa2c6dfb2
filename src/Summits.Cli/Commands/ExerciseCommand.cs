using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Summits.Cli.Exercises;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>
/// <c>summits exercise</c>: plays a teaching exercise, at the keyboard or with a student's answers file, and prints
/// the debrief. A play at the keyboard becomes answers of the file's kind, so both are scored by the same code.
/// </summary>
public static class ExerciseCommand
{
    /// <summary>The file a play at the keyboard saves its answers to, in the <c>-o</c> folder.</summary>
    public const string AnswersFile = "answers.yaml";

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The exercise file (scenarios/exercises/*.yaml)" };
        var answers = new Option<string?>("--answers")
        {
            Description = "The answers file: the role, the answers to the prediction questions, and the proposals of each round; plays the exercise without prompts (without it, the exercise is played at the keyboard)",
            HelpName = "FILE",
        };
        var role = new Option<string?>("--role") { Description = "Play this role instead of the answers file's; at the keyboard, the (first) player's role, not asked for", HelpName = "ACTOR" };
        var players = new Option<string?>("--players")
        {
            Description = "At the keyboard: 1, the model plays the other side; 2, a second person at the same keyboard plays it (asked at the start when left out)",
            HelpName = "1|2",
        };
        CommonOptions.OneOf(players, "1", "2");
        var teacher = new Option<bool>("--teacher") { Description = "Print the facilitator's note after the debrief: it is for the teacher, so a student's debrief leaves it out" };
        var output = CommonOptions.Output("Write grading.csv (every score line with its working) into this folder, and answers.yaml after a play at the keyboard");
        var format = CommonOptions.Format("How to print the debrief: table (the briefs, the play, then the debrief, fitted to the terminal), csv (the grading lines) or json (one document)");
        var engine = CommonOptions.Engine();
        var command = new Command("exercise", "Play a teaching exercise at the keyboard or with a student's answers: the briefs, the play, and the debrief against the simulation and the record")
        {
            file, answers, role, players, teacher, output, format, engine,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(file)!, parse.GetValue(answers), parse.GetValue(role), parse.GetValue(players) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null, parse.GetValue(output),
            parse.GetValue(format)!, CommonOptions.ReadEngine(parse.GetValue(engine)), parse.GetValue(teacher), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string file, string? answersFile, string? role, int? players, string? outDir, string format, Engine engine, bool teacher, CancellationToken cancellation)
    {
        const string command = "summits exercise";
        if (answersFile is not null && players is not null)
            return UsageError.Write(command, "--players is for a play at the keyboard; an answers file says who played in its own 'players'");
        if (answersFile is null && Console.IsInputRedirected)
            return UsageError.Write(command, "standard input is not a terminal, so the exercise cannot be played at the keyboard; give --answers FILE to play it without prompts");
        var exercise = ExerciseFile.Load(CommonOptions.Resolve(file));
        // A role written in another case names that role ("us" is US), as every choice on the command line does.
        if (role is not null)
        {
            if (IdMatch.Find(exercise.Roles.Select(r => r.Actor), role) is not { } named)
                return UsageError.Write(command, $"--role must be one of {string.Join(", ", exercise.Roles.Select(r => r.Actor))}, not '{role}'");
            role = named;
        }
        var plays = new List<ExerciseAnswers>();
        ExerciseAnswers? stopped = null;
        if (answersFile is not null)
        {
            var given = ExerciseFile.LoadAnswers(CommonOptions.Resolve(answersFile), exercise, role, partial: true);
            // Answers saved from a stopped play are played again at the keyboard, which then goes on from where they stop.
            if (given.Partial is { } partial)
            {
                if (Console.IsInputRedirected)
                    throw new InputException(partial.At, $"these answers are partial ({partial.Stopped}): they have no answers for {Missing(exercise, given)}; standard input is not a terminal, so those cannot be asked at the keyboard; run this at a terminal to go on from where the answers stop, or finish the file's answers and remove 'partial'");
                stopped = given;
            }
            else
            {
                plays.Add(given);
            }
        }
        KeyboardPlay? keyboard = null;
        if (plays.Count == 0)
        {
            keyboard = new KeyboardPlay(AnsiConsole.Console, exercise, TerminalWidth.OfStandardOutput(), TerminalHeight());
            AnswersDraft draft;
            try
            {
                draft = await keyboard.PlayAsync(stopped?.Role ?? role, stopped?.Players ?? players, cancellation, stopped);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return await StoppedAsync(keyboard, outDir);
            }
            // Each player's answers, saved as a file that --answers plays again: the whole play and that player's predictions.
            var seats = draft.Players == 1 ? [draft.Role] : new[] { draft.Role, exercise.Opposite(draft.Role).Actor };
            foreach (var seat in seats)
            {
                var saved = outDir is null ? KeyboardPlay.Keyboard : Path.Combine(outDir, draft.Players == 1 ? AnswersFile : $"answers-{seat}.yaml");
                plays.Add(draft.Answers(saved, seat));
                if (outDir is not null)
                {
                    Directory.CreateDirectory(outDir);
                    await File.WriteAllTextAsync(saved, draft.Text(seat), cancellation);
                    await Console.Error.WriteLineAsync($"wrote {saved}");
                }
            }
        }

        var loaded = ExercisePlay.Scenario(exercise, plays[0]);
        RunResult run;
        if (engine == Engine.Grains)
        {
            await using var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None, cancellation);
            run = await ScenarioRun.InGrainsAsync(silo.Grains, loaded, $"{exercise.World.Id}-{exercise.Id}", null, cancellation);
        }
        else
        {
            run = await ScenarioRun.LocallyAsync(loaded, null, cancellation);
        }
        // With two players the play is one, and each player has a debrief of their own.
        var debriefs = plays.Select(answers => Debrief.Of(exercise, answers, run)).ToList();
        var grading = string.Concat(debriefs.Select((d, k) => k == 0 ? DebriefText.GradingCsv(d) : DebriefText.GradingCsv(d)[(DebriefText.GradingHeader.Length + 1)..]));

        if (format == "json")
            Console.Out.Write((debriefs.Count == 1 ? DebriefText.Json(debriefs[0]) : $"[\n{string.Join(",\n", debriefs.Select(DebriefText.Json))}\n]") + "\n");
        else if (format == "csv")
            CsvSections.Write(Console.Out, [(DebriefText.GradingFile, grading)]);
        else
        {
            for (var k = 0; k < debriefs.Count; k++)
            {
                // Each debrief shows its player's reservation values: two players at one keyboard take it in turns.
                if (keyboard is not null && debriefs.Count > 1)
                    await keyboard.HandOverAsync(debriefs[k].Answers.Role, cancellation);
                else if (k > 0)
                    Console.Out.WriteLine();
                DebriefText.Write(Console.Out, debriefs[k], TerminalWidth.OfStandardOutput(), briefs: keyboard is null, teacher);
                if (keyboard is not null && k < debriefs.Count - 1)
                    await keyboard.EnterAsync($"{debriefs[k].Answers.Role}'s player, press Enter when you have read your debrief", cancellation);
            }
        }
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            var path = Path.Combine(outDir, DebriefText.GradingFile);
            await File.WriteAllTextAsync(path, grading, cancellation);
            await Console.Error.WriteLineAsync($"wrote {path}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// What a partial answers file leaves to be played, in words: the predictions it does not answer, and the rounds
    /// from the one it stopped in ("the predictions trade-deal and procurement-end, the rest of round 2 and round 3").
    /// </summary>
    public static string Missing(Exercise exercise, ExerciseAnswers answers)
    {
        var parts = new List<string>();
        var unanswered = exercise.Predictions.Where(p => !answers.Predictions.ContainsKey(p.Id)).Select(p => p.Id).ToList();
        if (unanswered.Count > 0)
            parts.Add($"{(unanswered.Count == 1 ? "the prediction" : "the predictions")} {Joined(unanswered)}");
        if (answers.Players == 2)
            parts.Add($"the predictions of {exercise.Opposite(answers.Role).Actor}'s player");
        var from = answers.Partial?.Round ?? 0;
        var rounds = new List<string>();
        if (from >= 1)
            rounds.Add($"the rest of round {from}");
        var next = Math.Max(from + 1, 1);
        if (next == exercise.Rounds)
            rounds.Add($"round {next}");
        else if (next < exercise.Rounds)
            rounds.Add($"rounds {next} to {exercise.Rounds}");
        if (rounds.Count > 0)
            parts.Add(Joined(rounds));
        return Joined(parts);
    }

    private static string Joined(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    /// <summary>
    /// After Ctrl-C at the keyboard: what was answered so far, saved as a partial answers file (in the <c>-o</c>
    /// folder, or the current one under a name not yet taken), its path said on a line of its own; exit 130.
    /// </summary>
    private static async Task<int> StoppedAsync(KeyboardPlay keyboard, string? outDir)
    {
        var error = Console.Error;
        // The prompt's line is left unfinished: the message starts on a line of its own.
        Console.Out.WriteLine();
        if (keyboard.Draft is not { } draft)
        {
            await error.WriteLineAsync($"summits exercise: stopped {keyboard.Stage}; nothing was answered, so no answers file was written");
            return ExitCodes.Interrupted;
        }
        var folder = outDir ?? Directory.GetCurrentDirectory();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, AnswersFile);
        for (var n = 2; outDir is null && File.Exists(path); n++)
            path = Path.Combine(folder, $"answers-{n}.yaml");
        await File.WriteAllTextAsync(path, draft.Text(partial: keyboard.Stage), CancellationToken.None);
        await error.WriteLineAsync($"summits exercise: stopped {keyboard.Stage}; answers so far saved (partial) to:");
        await error.WriteLineAsync(path);
        return ExitCodes.Interrupted;
    }

    private static int TerminalHeight()
    {
        try
        {
            return Console.WindowHeight > 0 ? Console.WindowHeight : 24;
        }
        catch (IOException)
        {
            return 24;
        }
    }
}
