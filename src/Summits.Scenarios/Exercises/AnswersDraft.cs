using System.Globalization;
using System.Text;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Answers to an exercise as they are given at the keyboard, kept as the text of an answers file, so that a
/// play at the keyboard is read by the same <see cref="ExerciseFile.ParseAnswers"/> as a play from a file
/// and is scored by the same rules; the text can be saved and played again with <c>--answers</c>. With two
/// players the proposals and answers are shared and each player has predictions of their own: each player's
/// file holds the whole play and that player's predictions.
/// </summary>
/// <param name="role">The actor the (first) player plays.</param>
/// <param name="players">1 when the model plays the other side, 2 when a second person does.</param>
public sealed class AnswersDraft(Exercise exercise, string role, int players = 1)
{
    private readonly Dictionary<string, List<(string Question, string Answer)>> _predictions = new(StringComparer.Ordinal);
    private readonly List<(int Round, string From, IReadOnlyList<(string Topic, double Value)> Terms, int? Deadline)> _proposals = [];
    private readonly List<(string Proposal, bool Accept)> _responses = [];

    public Exercise Exercise => exercise;

    /// <summary>The actor the (first) player plays.</summary>
    public string Role => role;

    public int Players => players;

    /// <summary>The round being played at the keyboard; null before the first round and after the last.</summary>
    public int? Round { get; set; }

    /// <summary>Records <paramref name="actor"/>'s player's answer to a prediction question: "yes", "no", or a value 0–100.</summary>
    public void Predict(string actor, string question, string answer)
    {
        if (!_predictions.TryGetValue(actor, out var list))
            _predictions[actor] = list = [];
        list.Add((question, answer));
    }

    /// <summary>Records a proposal <paramref name="from"/> a role in <paramref name="round"/> (1-based) and returns its id, as the play names it.</summary>
    /// <param name="deadline">The proposal's deadline, as an answers file gives it; null for none (the keyboard gives none).</param>
    public string Propose(int round, string from, IReadOnlyList<(string Topic, double Value)> terms, int? deadline = null)
    {
        _proposals.Add((round, from, terms, deadline));
        return ExercisePlay.ProposalId(round, from, _proposals.Count(p => p.Round == round && p.From == from));
    }

    /// <summary>Records the answer to the other side's proposal or offer <paramref name="proposal"/> (its id in the play).</summary>
    public void Respond(string proposal, bool accept) => _responses.Add((proposal, accept));

    /// <summary>Whether <paramref name="proposal"/> has been answered.</summary>
    public bool Answered(string proposal) => _responses.Any(r => r.Proposal == proposal);

    /// <summary>The prediction questions <paramref name="actor"/>'s player has not answered yet, in the exercise's order.</summary>
    public IReadOnlyList<string> Unanswered(string actor)
    {
        var given = _predictions.GetValueOrDefault(actor) ?? [];
        return [.. exercise.Predictions.Select(q => q.Id).Where(id => given.All(g => g.Question != id))];
    }

    /// <summary>
    /// For a play stopped before every prediction was answered: which questions the player being asked answered and
    /// which not ("answered pressure-holds; not yet us-line"; with two players the player is named first, "US's player:
    /// answered trade-deal; not yet procurement-end"; "no prediction answered yet"); null when every player answered
    /// every question.
    /// Players answer in turn, so the player being asked is the first with a question unanswered.
    /// </summary>
    public string? PredictionsSoFar()
    {
        var seats = players == 1 ? [role] : new[] { role, exercise.Opposite(role).Actor };
        if (seats.FirstOrDefault(s => Unanswered(s).Count > 0) is not { } seat)
            return null;
        var answered = (_predictions.GetValueOrDefault(seat) ?? []).Select(p => p.Question).ToList();
        var who = players == 1 ? "" : $"{seat}'s player: ";
        return answered.Count == 0 ? $"{who}no prediction answered yet"
            : $"{who}answered {Listed.And(answered)}; not yet {Listed.And(Unanswered(seat))}";
    }

    /// <summary>The answers so far as the text of <paramref name="actor"/>'s answers file (the first player's when null).</summary>
    /// <param name="partial">When the play was stopped before its end, where (such as "in round 2"): the file then says it is partial, and <c>--answers</c> at a terminal plays it and goes on at the keyboard from where it stops.</param>
    public string Text(string? actor = null, string? partial = null)
    {
        actor ??= role;
        var text = new StringBuilder();
        text.Append(partial is null
            ? $"# Answers to {exercise.Id} given at the keyboard; summits exercise --answers plays them again.\n"
            : $"# Answers to {exercise.Id} given at the keyboard until the play was stopped; summits exercise --answers, at a terminal, plays them and goes on from where they stop.\n");
        text.Append(CultureInfo.InvariantCulture, $"answers: {exercise.Id}\n");
        if (partial is not null)
            text.Append(CultureInfo.InvariantCulture, $"partial: stopped {partial}\n");
        text.Append(CultureInfo.InvariantCulture, $"role: {actor}\n");
        if (players != 1)
            text.Append(CultureInfo.InvariantCulture, $"players: {players}\n");
        // Stopped before any prediction was answered, the file says so with an empty mapping, which reads back as none.
        text.Append(_predictions.GetValueOrDefault(actor) is { Count: > 0 } ? "predictions:\n" : "predictions: {}\n");
        foreach (var (question, answer) in _predictions.GetValueOrDefault(actor) ?? [])
            text.Append(CultureInfo.InvariantCulture, $"  {question}: {answer}\n");
        // Stopped before every question was answered, the file says which are still to be asked, as a comment.
        if (partial is not null && Unanswered(actor) is { Count: > 0 } open)
            text.Append(CultureInfo.InvariantCulture, $"  # not answered yet: {Listed.And(open)}\n");
        // A stopped play by two keeps the second player's predictions too: going on from it asks neither player again.
        if (partial is not null && players == 2 && _predictions.GetValueOrDefault(exercise.Opposite(actor).Actor) is { Count: > 0 } others)
        {
            text.Append("other-predictions:\n");
            foreach (var (question, answer) in others)
                text.Append(CultureInfo.InvariantCulture, $"  {question}: {answer}\n");
            if (Unanswered(exercise.Opposite(actor).Actor) is { Count: > 0 } theirs)
                text.Append(CultureInfo.InvariantCulture, $"  # not answered yet: {Listed.And(theirs)}\n");
        }
        if (_proposals.Count > 0)
            text.Append("proposals:\n");
        foreach (var (round, from, terms, deadline) in _proposals)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - round: {round}\n");
            if (players != 1)
                text.Append(CultureInfo.InvariantCulture, $"    from: {from}\n");
            text.Append(CultureInfo.InvariantCulture, $"    terms: {{ {string.Join(", ", terms.Select(t => $"{t.Topic}: {YamlText.Number(t.Value)}"))} }}\n");
            if (deadline is not null)
                text.Append(CultureInfo.InvariantCulture, $"    deadline: {deadline}\n");
        }
        if (_responses.Count > 0)
            text.Append("responses:\n");
        foreach (var (proposal, accept) in _responses)
            text.Append(CultureInfo.InvariantCulture, $"  - proposal: {proposal}\n    answer: {(accept ? "accept" : "reject")}\n");
        return text.ToString();
    }

    /// <summary>The answers so far of <paramref name="actor"/>'s player (the first player's when null), read as an answers file named <paramref name="path"/> is.</summary>
    /// <exception cref="InputException">an answer does not fit the exercise (a prediction not yet given, say).</exception>
    public ExerciseAnswers Answers(string path, string? actor = null) => ExerciseFile.ParseAnswers(path, Text(actor), exercise);
}
