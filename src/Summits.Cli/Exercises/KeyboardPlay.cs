using System.Globalization;
using Spectre.Console;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Exercises;

/// <summary>
/// Plays an exercise at the keyboard: the student chooses a role, reads the briefs, answers the prediction
/// questions, and makes proposals round by round, each answered at once in words. What is entered is kept as
/// an <see cref="AnswersDraft"/>, the text of an answers file, so the play is scored exactly as the same
/// answers given with <c>--answers</c>. A mistyped entry is refused with a message and asked again; nothing
/// entered before it is lost.
/// </summary>
/// <param name="width">The columns to wrap text to (the terminal's).</param>
public sealed class KeyboardPlay(IAnsiConsole console, Exercise exercise, int width)
{
    /// <summary>The name the play's answers carry until they are saved to a file.</summary>
    public const string Keyboard = "keyboard";

    /// <summary>Plays through every round and returns the answers given; <paramref name="role"/> is asked for when null.</summary>
    public async Task<AnswersDraft> PlayAsync(string? role, CancellationToken cancellation)
    {
        Line($"Exercise {exercise.Id}: {exercise.Title}, {Counted.Of(exercise.Rounds, "round")}");
        if (exercise.About.Length > 0)
            Line(exercise.About);
        Heading("Objectives");
        foreach (var objective in exercise.Objectives)
            Line($"  - {objective}");

        role ??= await ChooseRoleAsync(cancellation);
        var other = exercise.Opposite(role).Actor;
        Line($"You play {NameOf(role)} ({role}); the model plays {NameOf(other)} ({other}).");

        Heading("Public brief: the positions on the table, in the briefing's words");
        foreach (var line in RoleBrief.Public(exercise))
            Line(line);
        Heading($"Confidential instructions for {role}");
        foreach (var line in RoleBrief.Confidential(exercise, role))
            Line($"  {line}");

        var draft = new AnswersDraft(exercise, role);
        Heading("Predictions, before play");
        foreach (var question in exercise.Predictions)
            draft.Predict(question.Id, await PredictAsync(question, cancellation));

        var positions = exercise.World.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        for (var round = 1; round <= exercise.Rounds; round++)
        {
            Heading($"Round {round} of {exercise.Rounds}");
            foreach (var inject in exercise.Injects.Where(i => i.Round == round))
                Line($"  The facilitator: {inject.Shock.Reason}");
            positions = await PositionsAsync(draft, round, cancellation) ?? positions;
            while (await NextAsync(round, cancellation) is { } topics)
            {
                var terms = new List<(string Topic, double Value)>();
                foreach (var topic in topics)
                    terms.Add((topic, await ValueAsync(topic, role, other, positions, cancellation)));
                var id = draft.Propose(round, terms);
                var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, draft.Answers(Keyboard), round), null, cancellation);
                Line($"  {id}: you propose {string.Join(", ", terms.Select(t => $"{t.Topic} {Debrief.Text(t.Value)}"))}");
                foreach (var line in AnswerInWords.Of(exercise.World, run.Timeline, id))
                    Line($"    {line}");
                positions = run.Final.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
            }
        }
        Heading("The play is over; the debrief follows.");
        return draft;
    }

    private async Task<string> ChooseRoleAsync(CancellationToken cancellation)
    {
        var prompt = new SelectionPrompt<string>()
            .Title("Which side do you play? (arrows, then Enter)")
            .UseConverter(actor => Markup.Escape($"{actor}: {NameOf(actor)}"))
            .AddChoices(exercise.Roles.Select(r => r.Actor));
        return await prompt.ShowAsync(console, cancellation);
    }

    private async Task<string> PredictAsync(Prediction question, CancellationToken cancellation)
    {
        Line($"  {question.Id}: {question.Ask} ({Debrief.Text(question.Points)} points)");
        string answer;
        if (question.IsValue)
        {
            var prompt = new TextPrompt<string>(Markup.Escape($"{question.Id}, a value from 0 to 100:"))
                .Validate(text => Value(text) is { } problem ? ValidationResult.Error(Markup.Escape($"  {problem}")) : ValidationResult.Success());
            answer = MappingReader.Format(double.Parse((await prompt.ShowAsync(console, cancellation)).Trim(), CultureInfo.InvariantCulture));
        }
        else
        {
            var prompt = new SelectionPrompt<string>()
                .Title(Markup.Escape($"{question.Id}: yes or no? (arrows, then Enter)"))
                .AddChoices(Prediction.Choices);
            answer = await prompt.ShowAsync(console, cancellation);
            Line($"  {question.Id}: {answer}");
        }
        return answer;
    }

    /// <summary>What the student does next in a round: the topics of a proposal, or null to end the round.</summary>
    private async Task<IReadOnlyList<string>?> NextAsync(int round, CancellationToken cancellation)
    {
        const string package = "\0package";
        const string end = "\0end";
        var prompt = new SelectionPrompt<string>()
            .Title(Markup.Escape($"Round {round}: your move (arrows, then Enter)"))
            .UseConverter(choice => Markup.Escape(choice switch
            {
                package => $"Propose a package: {(exercise.Topics.Length == 2 ? string.Join(" + ", exercise.Topics) : "two topics or more")}",
                end => round == exercise.Rounds ? $"End round {round} and see the debrief" : $"End round {round}",
                _ => $"Propose on {choice} alone",
            }))
            .AddChoices([.. exercise.Topics, .. exercise.Topics.Length > 1 ? [package] : Array.Empty<string>(), end]);
        var choice = await prompt.ShowAsync(console, cancellation);
        if (choice == end)
        {
            Line($"  You end round {round}.");
            return null;
        }
        if (choice != package)
            return [choice];
        if (exercise.Topics.Length == 2)
            return [.. exercise.Topics];
        while (true)
        {
            var topics = await new MultiSelectionPrompt<string>()
                .Title("Which topics? (Space marks one, Enter confirms)")
                .AddChoices(exercise.Topics)
                .ShowAsync(console, cancellation);
            if (topics.Count >= 2)
                return [.. exercise.Topics.Where(topics.Contains)];
            Line("  A package needs two topics or more; choose again.");
        }
    }

    private async Task<double> ValueAsync(string topic, string role, string other, IReadOnlyDictionary<(string, string), double> positions, CancellationToken cancellation)
    {
        var prompt = new TextPrompt<string>(Markup.Escape($"{topic}, 0 to 100 (you: {Debrief.Text(positions[(role, topic)])}, {other}: {Debrief.Text(positions[(other, topic)])}):"))
            .Validate(text => Value(text) is { } problem ? ValidationResult.Error(Markup.Escape($"  {problem}")) : ValidationResult.Success());
        return double.Parse((await prompt.ShowAsync(console, cancellation)).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>What is wrong with a value typed for the 0–100 scale, or null when it is one.</summary>
    public static string? Value(string text)
    {
        text = text.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return $"'{text}' is not a number: type a value from 0 to 100, such as 60 or 72.5";
        return value is < 0 or > 100 ? $"{text} is off the scale: type a value from 0 to 100" : null;
    }

    /// <summary>Every position after the injects of <paramref name="round"/> and the proposals before it.</summary>
    private async Task<Dictionary<(string, string), double>?> PositionsAsync(AnswersDraft draft, int round, CancellationToken cancellation)
    {
        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, draft.Answers(Keyboard), round), null, cancellation);
        return run.Final.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
    }

    private string NameOf(string actor) => exercise.World.Actor(actor).Name;

    private void Heading(string text)
    {
        console.WriteLine();
        Line(text);
    }

    private void Line(string text)
    {
        foreach (var line in TerminalWidth.Wrap(text, width))
            console.WriteLine(line);
    }
}
