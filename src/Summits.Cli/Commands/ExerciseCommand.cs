using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Summits.Cli.Exercises;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Grains;
using Summits.Model;
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
        var file = CommonOptions.InputFile(new Argument<string>("FILE") { Description = "The exercise file (scenarios/exercises/*.yaml)" }, InputKind.Exercise);
        var answers = CommonOptions.InputFile(new Option<string?>("--answers")
        {
            Description = "The answers file: the role, the answers to the prediction questions, and the proposals of each round; plays the exercise without prompts (without it, the exercise is played at the keyboard)",
            HelpName = "FILE",
        }, InputKind.Answers);
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
        var quiet = CommonOptions.Quiet("With --answers: print only the one-line summary, each player's total, not the briefs, the play and the score lines (--verbosity minimal); -v quiet prints only errors. A play at the keyboard shows everything whatever the level");
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("exercise", "Play a teaching exercise at the keyboard or with a student's answers: the briefs, the play, and the debrief against the simulation and the record.")
        {
            file, answers, role, players, teacher, output, format, engine, quiet, verbosity,
        };
        // The facilitator's note is printed with the debrief: --format csv (the grading lines alone) and, with an answers
        // file, -q or -v quiet (no debrief) print none. A play at the keyboard shows the debrief at every level.
        CommandChecks.Add(command, result =>
        {
            if (result.GetValue(format) == "csv")
                CommonOptions.RefuseUnless(result, teacher, false, "prints the facilitator's note with the debrief, and --format csv prints the grading lines alone; use --format table or json");
            else if (result.GetValue(format) != "json" && result.GetValue(answers) is not null
                && CommonOptions.ReadVerbosity(result.GetValue(verbosity), result.GetValue(quiet)) < Verbosity.Normal)
                CommonOptions.RefuseUnless(result, teacher, false, "prints the facilitator's note after the debrief, which -q (-v minimal) and -v quiet leave out; leave those out, or use --format json");
        });
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(file)!, parse.GetValue(answers), parse.GetValue(role), parse.GetValue(players) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null, parse.GetValue(output), CommonOptions.Written(parse, output),
            parse.GetValue(format)!, CommonOptions.ReadEngine(parse.GetValue(engine)), parse.GetValue(teacher),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string file, string? answersFile, string? role, int? players, string? outDir, string outOption, string format, Engine engine, bool teacher, Verbosity verbosity, CancellationToken cancellation)
    {
        const string command = "summits exercise";
        if (answersFile is not null && players is not null)
            return UsageError.Write(command, "--players is for a play at the keyboard; an answers file says who played in its own 'players'");
        if (answersFile is null && Console.IsInputRedirected)
            return UsageError.Write(command, "standard input is not a terminal, so the exercise cannot be played at the keyboard; give --answers FILE to play it without prompts");
        var exercise = ExerciseFile.Load(InputPath.Resolve(file));
        // A role written in another case names that role ("us" is US), as every choice on the command line does.
        if (role is not null)
        {
            if (IdMatch.Find(exercise.Roles.Select(r => r.Actor), role) is not { } named)
                return UsageError.Write(command, UsageError.Choice("--role", Closest.Order(role, exercise.Roles.Select(r => r.Actor), ignoreCase: true), role));
            role = named;
        }
        var plays = new List<ExerciseAnswers>();
        ExerciseAnswers? stopped = null;
        if (answersFile is not null)
        {
            var given = ExerciseFile.LoadAnswers(InputPath.Resolve(answersFile), exercise, role, partial: true);
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
        // The -o set never takes the place of a file the exercise reads. Partial answers are the one exception: the play
        // goes on from them, and its set saves the whole play in their place, as a play stopped into that folder expects.
        string[] inputs = [exercise.Path, exercise.WorldPath, .. OutputOverInput.Source(exercise.WorldPath, exercise.World), .. stopped is null && answersFile is not null ? [InputPath.Resolve(answersFile)] : Array.Empty<string>()];
        if (outDir is not null && OutputOverInput.Folder(outOption, outDir, SetKind(exercise).Names, inputs) is { } overInput)
            return UsageError.Write(command, overInput);
        // Nor does the debrief it prints go into a file of that set.
        if (outDir is not null && OutputOverInput.OverOutput([CommandOutput.Folder(outOption, outDir, SetKind(exercise)), .. CommandOutput.StandardStreams()]) is { } overOutput)
            return UsageError.Write(command, overOutput);
        KeyboardPlay? keyboard = null;
        IAnsiConsole? keyboardConsole = null;
        // The answers files of a play at the keyboard, written with the grading into the -o folder.
        var saved = new List<(string Name, string Text)>();
        if (plays.Count == 0)
        {
            if (KeyboardConsole() is not { } console)
                return UsageError.Write(command, "standard output is not a terminal and the terminal (/dev/tty) cannot be opened for the prompts; run this at a terminal, or give --answers FILE to play without prompts");
            keyboardConsole = console;
            keyboard = new KeyboardPlay(console, exercise, KeyboardWidth(), TerminalHeight());
            AnswersDraft draft;
            try
            {
                draft = await keyboard.PlayAsync(stopped?.Role ?? role, stopped?.Players ?? players, cancellation, stopped);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return await StoppedAsync(keyboard, keyboardConsole!, exercise, outDir);
            }
            // Each player's answers, kept as a file that --answers plays again: the whole play and that player's predictions.
            var seats = draft.Players == 1 ? [draft.Role] : new[] { draft.Role, exercise.Opposite(draft.Role).Actor };
            foreach (var seat in seats)
            {
                var name = draft.Players == 1 ? AnswersFile : $"answers-{seat}.yaml";
                plays.Add(draft.Answers(outDir is null ? KeyboardPlay.Keyboard : Path.Combine(outDir, name), seat));
                saved.Add((name, draft.Text(seat)));
            }
        }

        RunResult run;
        try
        {
            run = await RunAsync(exercise, plays[0], engine, keyboard is not null ? Verbosity.Normal : verbosity, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && outDir is not null && saved.Count > 0)
        {
            // The play at the keyboard is over, and not lost: its answers are saved as a set without the grading.
            OutputSet.Write(outDir, SetKind(exercise), saved, CancellationToken.None);
            await Said($"summits exercise: stopped before the debrief; the answers of the whole play saved to {outDir} ({Listed.And(saved.Select(f => f.Name))})", outDir);
            return ExitCodes.Interrupted;
        }
        // With two players the play is one, and each player has a debrief of their own.
        var debriefs = plays.Select(answers => Debrief.Of(exercise, answers, run)).ToList();
        var grading = string.Concat(debriefs.Select((d, k) => k == 0 ? DebriefText.GradingCsv(d) : DebriefText.GradingCsv(d)[(DebriefText.GradingHeader.Length + 1)..]));
        // The answers and the grading are one set, written before the debrief is shown (which may wait at the
        // keyboard): Ctrl-C or a failure while it is written leaves the folder's previous set as it was.
        // A play at the keyboard shows everything, whatever the level: the person at it came to read the debrief.
        if (keyboard is not null)
            verbosity = Verbosity.Normal;
        if (outDir is not null)
        {
            // The grading file starts with a UTF-8 byte order mark, by which a spreadsheet (Excel) reads its − and × as UTF-8.
            OutputSet.Write(outDir, SetKind(exercise), [.. saved, (DebriefText.GradingFile, "\uFEFF" + grading)], cancellation);
        }

        if (format == "json")
            Console.Out.Write((debriefs.Count == 1 ? DebriefText.Json(debriefs[0], teacher) : $"[\n{string.Join(",\n", debriefs.Select(d => DebriefText.Json(d, teacher)))}\n]") + "\n");
        else if (format == "csv")
            CsvSections.Write(Console.Out, [(DebriefText.GradingFile, grading)]);
        else if (verbosity == Verbosity.Minimal)
        {
            foreach (var debrief in debriefs)
                foreach (var line in TerminalWidth.Wrap(DebriefText.TotalLine(debrief), TerminalWidth.OfStandardOutput()))
                    Console.Out.WriteLine(line);
        }
        else if (verbosity >= Verbosity.Normal)
        {
            for (var k = 0; k < debriefs.Count; k++)
            {
                // Each debrief shows its player's reservation values: two players at one keyboard take it in turns.
                // (When the debriefs go to a file or a pipe, nobody reads them at the keyboard: there is nothing to hand over.)
                if (keyboard is not null && debriefs.Count > 1 && !Console.IsOutputRedirected)
                    await keyboard.HandOverAsync(debriefs[k].Answers.Role, cancellation);
                else if (k > 0)
                    Console.Out.WriteLine();
                DebriefText.Write(Console.Out, debriefs[k], TerminalWidth.OfStandardOutput(), briefs: keyboard is null, teacher);
                if (keyboard is not null && k < debriefs.Count - 1 && !Console.IsOutputRedirected)
                    await keyboard.EnterAsync($"{debriefs[k].Answers.Role}'s player, press Enter when you have read your debrief", cancellation);
            }
        }
        await Console.Out.FlushAsync();
        // Where the files went, after the results, as every command says it.
        if (outDir is not null && verbosity >= Verbosity.Minimal)
            await PathLines.ToErrorAsync($"wrote {Listed.And(saved.Select(f => f.Name).Append(DebriefText.GradingFile))} to {outDir}", outDir);
        return ExitCodes.Ok;
    }

    /// <summary>Plays the answers' scenario on the chosen engine.</summary>
    private static async Task<RunResult> RunAsync(Exercise exercise, ExerciseAnswers answers, Engine engine, Verbosity verbosity, CancellationToken cancellation)
    {
        var loaded = ExercisePlay.Scenario(exercise, answers);
        if (engine != Engine.Grains)
            return await ScenarioRun.LocallyAsync(loaded, null, cancellation);
        await using var silo = await EmbeddedSilo.StartAsync("summits exercise", cancellation);
        return await ScenarioRun.InGrainsAsync(silo.Grains, loaded, WorldKey.Exercise(exercise.World.Id, exercise.Id), null, cancellation, CommonOptions.Asking(silo.Asking, "summits exercise", verbosity));
    }

    /// <summary>
    /// An exercise's <c>-o</c> set, whose files are the grading, the answers of a play by one player, and those
    /// of each role in a play by two. A file of one of these names that the folder's .summits-output says an earlier play
    /// wrote goes with that play's set; one it does not name is refused (<see cref="OutputSet.Unclaimed"/>).
    /// </summary>
    private static OutputKind SetKind(Exercise exercise) =>
        new("exercise", "summits exercise -o", [DebriefText.GradingFile, AnswersFile, .. exercise.Roles.Select(r => $"answers-{r.Actor}.yaml")]);

    /// <summary>
    /// What a partial answers file leaves to be played, in words: the predictions it does not answer, and the rounds
    /// from the one it stopped in ("the predictions trade-deal and procurement-end, the rest of round 2 and round 3"); with
    /// two players, each player's unanswered questions by name ("the prediction procurement-end of US's player").
    /// </summary>
    public static string Missing(Exercise exercise, ExerciseAnswers answers)
    {
        var parts = new List<string>();
        // Each player's questions left unanswered, by name: a player who answered some is asked only the rest.
        var seats = answers.Players == 1 ? [answers.Role] : new[] { answers.Role, exercise.Opposite(answers.Role).Actor };
        foreach (var seat in seats)
        {
            var given = seat == answers.Role ? answers.Predictions : answers.OtherPredictions;
            var unanswered = exercise.Predictions.Where(p => !given.ContainsKey(p.Id)).Select(p => p.Id).ToList();
            if (unanswered.Count > 0)
                parts.Add($"{(unanswered.Count == 1 ? "the prediction" : "the predictions")} {Joined(unanswered)}{(answers.Players == 2 ? $" of {seat}'s player" : "")}");
        }
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

    private static string Joined(IReadOnlyList<string> items) => Listed.And(items);

    /// <summary>
    /// After Ctrl-C at the keyboard: what was answered so far, saved as a partial answers file (in the <c>-o</c>
    /// folder, or the current one under a name not yet taken), its path said on a line of its own; exit 130.
    /// </summary>
    private static async Task<int> StoppedAsync(KeyboardPlay keyboard, IAnsiConsole console, Exercise exercise, string? outDir)
    {
        var error = Console.Error;
        // The prompt's line is left unfinished: the message starts on a line of its own.
        console.WriteLine();
        if (keyboard.Draft is not { } draft)
        {
            await Said($"summits exercise: stopped {keyboard.Stage}; nothing was answered, so no answers file was written");
            return ExitCodes.Interrupted;
        }
        // In the -o folder the partial answers are the folder's new set (a grading left from an earlier play goes
        // with it); in the current folder they are one file under a name not yet taken. Either is written whole or
        // not at all.
        string path;
        if (outDir is not null)
        {
            path = Path.Combine(outDir, AnswersFile);
            OutputSet.Write(outDir, SetKind(exercise), [(AnswersFile, draft.Text(partial: keyboard.Stage))], CancellationToken.None);
        }
        else
        {
            var folder = Directory.GetCurrentDirectory();
            path = Path.Combine(folder, AnswersFile);
            for (var n = 2; File.Exists(path); n++)
                path = Path.Combine(folder, $"answers-{n}.yaml");
            OutputFile.Write(path, file => file.Write(draft.Text(partial: keyboard.Stage)), CancellationToken.None);
        }
        await Said($"summits exercise: stopped {keyboard.Stage}{(draft.PredictionsSoFar() is { } sofar ? $" ({sofar})" : "")}; answers so far saved (partial) to:");
        // The path stands whole on a line of its own, to be copied.
        await error.WriteLineAsync(path);
        return ExitCodes.Interrupted;
    }

    /// <summary>
    /// Says what became of a stopped play on standard error: at a terminal wrapped at its width between words (a
    /// path or an id is never cut, and a path is kept whole, <see cref="PathLines"/>), the continuation indented by four;
    /// to a file or a pipe, on one line.
    /// </summary>
    private static async Task Said(string text, params string[] paths)
    {
        foreach (var line in PathLines.Wrapped(text, Console.IsErrorRedirected ? null : KeyboardWidth(), paths))
            await Console.Error.WriteLineAsync(line);
    }

    /// <summary>
    /// The console a play at the keyboard talks through: standard output when it is the terminal; otherwise the
    /// terminal itself (<c>/dev/tty</c>), so that the prompts and keys stay at the terminal while what was asked
    /// for (the debrief, its json or csv) goes to the file or pipe. Null when standard output is not a terminal
    /// and the terminal cannot be opened.
    /// </summary>
    private static IAnsiConsole? KeyboardConsole()
    {
        if (!Console.IsOutputRedirected)
            return AnsiConsole.Console;
        try
        {
            var terminal = new StreamWriter(new FileStream("/dev/tty", FileMode.Open, FileAccess.Write)) { AutoFlush = true };
            return AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(terminal),
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.Yes,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The terminal's columns, whether or not standard output is the terminal (the prompts are shown there either way).</summary>
    private static int KeyboardWidth()
    {
        try
        {
            if (Console.WindowWidth > 0)
                return Math.Max(TerminalWidth.Minimum, Console.WindowWidth);
        }
        catch (IOException)
        {
        }
        return TerminalWidth.OfStandardOutput();
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
