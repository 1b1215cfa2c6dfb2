using System.Globalization;
using Spectre.Console;
using Summits.Cli.Output;
using Summits.Model;
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

    /// <summary>
    /// Plays through every round and returns the answers given. <paramref name="role"/> (the first player's) and
    /// <paramref name="players"/> (1: the model plays the other side; 2: a second person does) are asked for when null.
    /// </summary>
    public async Task<AnswersDraft> PlayAsync(string? role, int? players, CancellationToken cancellation)
    {
        Line($"Exercise {exercise.Id}: {exercise.Title}, {Counted.Of(exercise.Rounds, "round")}");
        if (exercise.About.Length > 0)
            Line(exercise.About);
        Heading("Objectives");
        foreach (var objective in exercise.Objectives)
            Line($"  - {objective}");

        players ??= await ChoosePlayersAsync(cancellation);
        role ??= await ChooseRoleAsync(players.Value, cancellation);
        var other = exercise.Opposite(role).Actor;
        Line(players == 1
            ? $"You play {NameOf(role)} ({role}); the model plays {NameOf(other)} ({other})."
            : $"The first player plays {NameOf(role)} ({role}); the second plays {NameOf(other)} ({other}).");
        var seats = players == 1 ? [role] : new[] { role, other };

        Heading("Public brief: the positions on the table, in the briefing's words");
        foreach (var line in RoleBrief.Public(exercise))
            Line(line);
        foreach (var seat in seats)
        {
            Heading($"Confidential instructions for {seat}{(players == 1 ? "" : $", for {seat}'s player only")}");
            foreach (var line in RoleBrief.Confidential(exercise, seat))
                Line($"  {line}");
        }

        var draft = new AnswersDraft(exercise, role, players.Value);
        foreach (var seat in seats)
        {
            Heading(players == 1 ? "Predictions, before play" : $"Predictions of {seat}'s player, before play");
            foreach (var question in exercise.Predictions)
                draft.Predict(seat, question.Id, await PredictAsync(question, cancellation));
        }

        for (var round = 1; round <= exercise.Rounds; round++)
        {
            Heading($"Round {round} of {exercise.Rounds}");
            foreach (var inject in exercise.Injects.Where(i => i.Round == round))
                Line($"  The facilitator: {inject.Shock.Reason}");
            foreach (var seat in seats)
                await MovesAsync(draft, round, seat, players.Value, cancellation);
            if (players == 1 && round < exercise.Rounds)
                await OffersAsync(draft, round, role, other, cancellation);
        }
        Heading("The play is over; the debrief follows.");
        return draft;
    }

    /// <summary>
    /// A player's proposals in a round, until they end their turn: each answered at once, by the model or, with
    /// two players, by the other player.
    /// </summary>
    private async Task MovesAsync(AnswersDraft draft, int round, string seat, int players, CancellationToken cancellation)
    {
        var other = exercise.Opposite(seat).Actor;
        var positions = await PositionsAsync(draft, round, cancellation);
        var who = players == 1 ? "" : $"{seat}'s player, ";
        while (await NextAsync(round, who, cancellation) is { } topics)
        {
            var terms = new List<(string Topic, double Value)>();
            foreach (var topic in topics)
                terms.Add((topic, await ValueAsync(topic, seat, players == 1 ? "you" : seat, other, positions, cancellation)));
            var id = draft.Propose(round, seat, terms);
            Line($"  {id}: {(players == 1 ? "you propose" : $"{seat} proposes")} {Terms(terms)}");
            if (players == 2)
            {
                var answer = await new SelectionPrompt<string>()
                    .Title(Markup.Escape($"{other}'s player, do you accept {id}? (arrows, Enter)"))
                    .AddChoices("accept", "reject")
                    .ShowAsync(console, cancellation);
                Line($"  {other}: {answer}");
                draft.Respond(id, answer == "accept");
            }
            var run = await RunAsync(draft, round, offers: false, cancellation);
            foreach (var line in AnswerInWords.Of(exercise.World, run.Timeline, id, players == 1 ? seat : null))
                Line($"    {line}");
            positions = Positions(run);
        }
    }

    /// <summary>
    /// The model's offers at the end of a round before the last, as its delegation makes them in a <c>rounds</c>
    /// step: each is shown and answered in turn (the next offer may depend on the answer), then what came of them.
    /// </summary>
    private async Task OffersAsync(AnswersDraft draft, int round, string role, string other, CancellationToken cancellation)
    {
        var step = ExercisePlay.OfferStepId(round, other);
        var answered = new List<string>();
        while (true)
        {
            var run = await RunAsync(draft, round, offers: true, cancellation);
            var offer = run.Timeline.FirstOrDefault(e => e.Kind == EventKind.Proposal && e.Step == step && e.Actor == other && !draft.Answered(e.Cause));
            if (offer is null)
                break;
            var terms = offer.Terms is { } t ? t.Select(x => (x.Topic, x.Value)).ToList() : [];
            Line($"  {offer.Cause}: {NameOf(other)} offers {Terms(terms)}, its offer after round {round} of {exercise.Rounds} (a side concedes more as the last round nears).");
            var answer = await new SelectionPrompt<string>()
                .Title(Markup.Escape($"Do you accept {other}'s offer? (arrows, then Enter)"))
                .AddChoices("accept", "reject")
                .ShowAsync(console, cancellation);
            Line($"  you: {answer}");
            draft.Respond(offer.Cause, answer == "accept");
            answered.Add(offer.Cause);
        }
        if (answered.Count == 0)
        {
            Line($"  {NameOf(other)} makes no offer after round {round}: nothing on the table is left open.");
            return;
        }
        var final = await RunAsync(draft, round, offers: true, cancellation);
        foreach (var id in answered)
        {
            Line($"  {id}:");
            foreach (var line in AnswerInWords.Of(exercise.World, final.Timeline, id, role))
                Line($"    {line}");
        }
    }

    private Task<RunResult> RunAsync(AnswersDraft draft, int round, bool offers, CancellationToken cancellation) =>
        ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, draft.Answers(Keyboard), round, offers), null, cancellation);

    private static Dictionary<(string, string), double> Positions(RunResult run) =>
        run.Final.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);

    private static string Terms(IEnumerable<(string Topic, double Value)> terms) =>
        string.Join(", ", terms.Select(t => $"{t.Topic} {Debrief.Text(t.Value)}"));

    private async Task<int> ChoosePlayersAsync(CancellationToken cancellation)
    {
        var prompt = new SelectionPrompt<int>()
            .Title("Who plays the other side? (arrows, then Enter)")
            .UseConverter(n => n == 1 ? "the model" : "a second person at this keyboard")
            .AddChoices(1, 2);
        return await prompt.ShowAsync(console, cancellation);
    }

    private async Task<string> ChooseRoleAsync(int players, CancellationToken cancellation)
    {
        var prompt = new SelectionPrompt<string>()
            .Title(players == 1 ? "Which side do you play? (arrows, then Enter)" : "Which side does the first player play? (arrows, then Enter)")
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
    private async Task<IReadOnlyList<string>?> NextAsync(int round, string who, CancellationToken cancellation)
    {
        const string package = "\0package";
        const string end = "\0end";
        var prompt = new SelectionPrompt<string>()
            .Title(Markup.Escape($"Round {round}: {who}your move (arrows, then Enter)"))
            .UseConverter(choice => Markup.Escape(choice switch
            {
                package => $"Propose a package: {(exercise.Topics.Length == 2 ? string.Join(" + ", exercise.Topics) : "two topics or more")}",
                end => who.Length > 0 ? "End your turn" : round == exercise.Rounds ? $"End round {round} and see the debrief" : $"End round {round}",
                _ => $"Propose on {choice} alone",
            }))
            .AddChoices([.. exercise.Topics, .. exercise.Topics.Length > 1 ? [package] : Array.Empty<string>(), end]);
        var choice = await prompt.ShowAsync(console, cancellation);
        if (choice == end)
        {
            Line(who.Length > 0 ? $"  {who.TrimEnd(',', ' ')} ends the turn." : $"  You end round {round}.");
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

    private async Task<double> ValueAsync(string topic, string seat, string me, string other, IReadOnlyDictionary<(string, string), double> positions, CancellationToken cancellation)
    {
        var prompt = new TextPrompt<string>(Markup.Escape($"{topic}, 0 to 100 ({me}: {Debrief.Text(positions[(seat, topic)])}, {other}: {Debrief.Text(positions[(other, topic)])}):"))
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

    /// <summary>Every position after the injects of <paramref name="round"/> and everything before it.</summary>
    private async Task<Dictionary<(string, string), double>> PositionsAsync(AnswersDraft draft, int round, CancellationToken cancellation) =>
        Positions(await RunAsync(draft, round, offers: false, cancellation));

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
