using System.CommandLine;
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
        var role = new Option<string?>("--role") { Description = "Play this role instead of the answers file's", HelpName = "ACTOR" };
        var output = CommonOptions.Output("Write grading.csv (every score line with its working) into this folder, and answers.yaml after a play at the keyboard");
        var format = CommonOptions.Format("How to print the debrief: table (the briefs, the play, then the debrief, fitted to the terminal), csv (the grading lines) or json (one document)");
        var engine = CommonOptions.Engine();
        var command = new Command("exercise", "Play a teaching exercise at the keyboard or with a student's answers: the briefs, the play, and the debrief against the simulation and the record")
        {
            file, answers, role, output, format, engine,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(file)!, parse.GetValue(answers), parse.GetValue(role), parse.GetValue(output),
            parse.GetValue(format)!, CommonOptions.ReadEngine(parse.GetValue(engine)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string file, string? answersFile, string? role, string? outDir, string format, Engine engine, CancellationToken cancellation)
    {
        if (answersFile is null && Console.IsInputRedirected)
            return UsageError.Write("summits exercise", "standard input is not a terminal, so the exercise cannot be played at the keyboard; give --answers FILE to play it without prompts");
        Exercise exercise;
        ExerciseAnswers? answers = null;
        try
        {
            exercise = ExerciseFile.Load(CommonOptions.Resolve(file));
            if (role is not null && exercise.Roles.All(r => r.Actor != role))
                return UsageError.Write("summits exercise", $"--role must be one of {string.Join(", ", exercise.Roles.Select(r => r.Actor))}, not '{role}'");
            if (answersFile is not null)
                answers = ExerciseFile.LoadAnswers(CommonOptions.Resolve(answersFile), exercise, role);
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }
        if (answers is null)
        {
            var draft = await new KeyboardPlay(AnsiConsole.Console, exercise, TerminalWidth.OfStandardOutput()).PlayAsync(role, cancellation);
            var saved = outDir is null ? KeyboardPlay.Keyboard : Path.Combine(outDir, AnswersFile);
            answers = draft.Answers(saved);
            if (outDir is not null)
            {
                Directory.CreateDirectory(outDir);
                await File.WriteAllTextAsync(saved, draft.Text(), cancellation);
                await Console.Error.WriteLineAsync($"wrote {saved}");
            }
        }

        var loaded = ExercisePlay.Scenario(exercise, answers);
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
        var debrief = Debrief.Of(exercise, answers, run);

        if (format == "json")
            Console.Out.Write(DebriefText.Json(debrief) + "\n");
        else if (format == "csv")
            CsvSections.Write(Console.Out, [(DebriefText.GradingFile, DebriefText.GradingCsv(debrief))]);
        else
            DebriefText.Write(Console.Out, debrief, TerminalWidth.OfStandardOutput());
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            var path = Path.Combine(outDir, DebriefText.GradingFile);
            await File.WriteAllTextAsync(path, DebriefText.GradingCsv(debrief), cancellation);
            await Console.Error.WriteLineAsync($"wrote {path}");
        }
        return ExitCodes.Ok;
    }
}
