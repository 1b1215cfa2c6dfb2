using System.Collections.Immutable;
using System.Globalization;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// What a class discusses after an exercise: each prediction against the simulation and the record, the
/// scores with their working, the path of every position on the table, and the record's facts on the
/// table's topics set against how the play ended.
/// </summary>
public sealed record Debrief(
    Exercise Exercise,
    ExerciseAnswers Answers,
    RunResult Run,
    ImmutableArray<PredictionResult> Predictions,
    ImmutableArray<ScoreLine> Scores,
    ImmutableArray<PositionPath> Paths,
    ImmutableArray<FactCheck> Record)
{
    /// <summary>The sum of every score line.</summary>
    public double Total => Shown(Scores.Sum(s => s.Points));

    public static Debrief Of(Exercise exercise, ExerciseAnswers answers, RunResult run)
    {
        var role = exercise.Role(answers.Role);
        var other = exercise.Opposite(answers.Role).Actor;
        var predictions = exercise.Predictions.Select(q => Predict(exercise, answers, run, q, other)).ToImmutableArray();
        var scores = new List<ScoreLine>();
        scores.AddRange(AgreementScores(exercise, role, run));
        scores.AddRange(predictions.Select(p => new ScoreLine("prediction", p.Question.Id, p.Points, p.Working)));
        var paths = exercise.Topics.SelectMany(t => exercise.Roles.Select(r => Path(run, r.Actor, t))).ToImmutableArray();
        var record = exercise.Record is { } facts
            ? RecordComparison.Of(facts, run.Start, run.Final, "play").Where(c => exercise.Topics.Contains(c.Fact.Topic)).ToImmutableArray()
            : [];
        return new Debrief(exercise, answers, run, predictions, [.. scores], paths, record);
    }

    /// <summary>A value as the debrief shows it and computes with it: as written, to four decimals at most (<see cref="Figures.Shown"/>).</summary>
    public static double Shown(double value) => Figures.Shown(value);

    /// <summary>A value as the debrief shows it, without trailing zeros (<see cref="Figures.Text(double)"/>): <c>75</c>, <c>74.9968</c>.</summary>
    public static string Text(double value) => Figures.Text(value);

    /// <summary>A share of the way (a fraction, 1 all the way) as the score's working shows it, by the same rule: to four decimals, without trailing zeros.</summary>
    public static string Share(double share) => Figures.Text(share);

    private static PredictionResult Predict(Exercise exercise, ExerciseAnswers answers, RunResult run, Prediction q, string other)
    {
        var answer = answers.Predictions[q.Id];
        var record = RecordOn(exercise, q);
        if (q.IsValue)
        {
            var actual = Shown(run.Final.Positions.First(p => p.Actor == q.Actor && p.Topic == q.Topic).Value);
            var given = double.Parse(answer, CultureInfo.InvariantCulture);
            var error = Shown(Math.Abs(given - actual));
            var steps = Math.Floor(error / exercise.Scoring.ValueStep);
            var points = Math.Max(0, q.Points - steps);
            var difference = Shown(q.Points - steps);
            return new PredictionResult(q, answer, Text(actual), record, points,
                $"|{answer} − {Text(actual)}| = {Text(error)}, {steps.ToString(CultureInfo.InvariantCulture)} full step(s) of {Text(exercise.Scoring.ValueStep)}: {Text(q.Points)} − {steps.ToString(CultureInfo.InvariantCulture)} = {Text(difference)}{(difference < 0 ? ", raised to the floor of 0" : "")}");
        }
        if (q.IsChoice)
            return Choose(answers, run, q, other, answer, record);
        var inForce = InForce(run.Final, q.Topic, answers.Role, other);
        var simulation = inForce is null ? "no" : "yes";
        var said = inForce is null ? "no (no agreement in force)" : $"yes ({inForce.Id} at {Text(inForce.Terms[q.Topic])}, {KebabCase.Of(inForce.Status)})";
        var right = answer == simulation;
        return new PredictionResult(q, answer, said, record, right ? q.Points : 0,
            right ? $"'{answer}' is what the simulation did: {Text(q.Points)}" : $"'{answer}', but the simulation's answer is '{simulation}': 0");
    }

    /// <summary>
    /// A multiple-choice question: the answer earns the question's points when the option it names happened at the end
    /// of the play, and 0 otherwise. Where several options happened, each of them earns the points; where none did, no
    /// answer does. The simulation's answer names every option that happened, with the numbers that decided it.
    /// </summary>
    private static PredictionResult Choose(ExerciseAnswers answers, RunResult run, Prediction q, string other, string answer, string record)
    {
        var outcomes = q.Options.Select(o => (Option: o, Outcome: Decide(run, o, answers.Role, other))).ToList();
        var happened = outcomes.Where(x => x.Outcome.Happened).ToList();
        var simulation = happened.Count == 0
            ? $"none of the options ({string.Join("; ", outcomes.Select(x => $"{x.Option.Id}: {x.Outcome.Words}"))})"
            : string.Join("; ", happened.Select(x => $"{x.Option.Id} ({x.Outcome.Words})"));
        var chosen = outcomes.First(x => x.Option.Id == answer);
        return new PredictionResult(q, answer, simulation, record, chosen.Outcome.Happened ? q.Points : 0,
            chosen.Outcome.Happened
                ? $"'{answer}' happened ({chosen.Outcome.Words}): {Text(q.Points)}"
                : $"'{answer}' did not happen ({chosen.Outcome.Words}){(happened.Count == 0 ? ", and no option did" : $"; what happened: {Listed.And(happened.Select(x => $"'{x.Option.Id}'"))}")}: 0");
    }

    /// <summary>Whether an option of a multiple-choice question happened at the end of the play, and the numbers that say so, in words.</summary>
    private static (bool Happened, string Words) Decide(RunResult run, PredictionOption option, string role, string other)
    {
        if (option.Kind == OptionKind.MovesMore)
        {
            var rival = option.Actor == role ? other : role;
            double Moved(string actor) => Shown(Math.Abs(Shown(run.Final.Positions.First(p => p.Actor == actor && p.Topic == option.Topic).Value)
                - Shown(run.Start.Positions.First(p => p.Actor == actor && p.Topic == option.Topic).Value)));
            var (mine, theirs) = (Moved(option.Actor!), Moved(rival));
            return (mine > theirs, $"{option.Actor} moved {Text(mine)} on {option.Topic}, {rival} {Text(theirs)}");
        }
        var inForce = InForce(run.Final, option.Topic, role, other);
        var words = inForce is null ? $"no agreement in force on {option.Topic}" : $"{inForce.Id} in force on {option.Topic} at {Text(inForce.Terms[option.Topic])}, {KebabCase.Of(inForce.Status)}";
        return ((inForce is not null) == (option.Kind == OptionKind.Agreement), words);
    }

    /// <summary>
    /// The last agreement of <paramref name="a"/> and <paramref name="b"/> in force on <paramref name="topic"/> at the end: holding or
    /// strained (a strained agreement still binds; only a breach ends it), the one rule by which an agreement
    /// question is answered and the record is compared; the score gives an agreement's points by it too, and to a
    /// breached agreement that no newer agreement followed on the topic; null for none.
    /// </summary>
    public static Agreement? InForce(World final, string topic, string a, string b) =>
        final.Agreements.LastOrDefault(g => g.Covers(topic) && g.Status is AgreementStatus.Holding or AgreementStatus.Strained && g.Parties.Contains(a) && g.Parties.Contains(b));

    /// <summary>What the record says on the question's topic (and, for a value question, about its actor), or a dash.</summary>
    private static string RecordOn(Exercise exercise, Prediction q)
    {
        if (exercise.Record is not { } record)
            return "—";
        var facts = record.Facts.Where(f => q.Topics.Contains(f.Topic) && (!q.IsValue || f.Implies switch
        {
            MoveImplied m => m.Actor == q.Actor,
            PositionImplied p => p.Actor == q.Actor,
            AgreementImplied a => a.Parties.Contains(q.Actor!),
            _ => false,
        })).ToList();
        return facts.Count == 0 ? "—" : string.Join("; ", facts.Select(f => $"{f.Implies.Describe(exercise.World.Topic(f.Topic))} ({f.Id}, {RecordFact.Day(f.Date)})"));
    }

    /// <summary>
    /// The lines of each agreement made in play that binds the role, in the order they were made. What an agreement gave
    /// away when it was reached stays with it, whatever became of it: each topic past the reservation value
    /// (beyond-reservation) and each limit given up (must-not-give-up) counts for every agreement, one in force, one a
    /// newer agreement replaced, and one breached alike. The agreement points on a topic go to the deal the role ends
    /// with there: an agreement in force, or a breached one that no newer agreement followed on the topic (a breach takes
    /// back nothing it earned); a newer agreement on the topic earns them instead. A breach adds its own line on top.
    /// </summary>
    private static IEnumerable<ScoreLine> AgreementScores(Exercise exercise, ExerciseRole role, RunResult run)
    {
        var s = exercise.Scoring;
        var start = run.Start.Positions.Where(p => p.Actor == role.Actor).ToDictionary(p => p.Topic, p => Shown(p.Value));
        // In the order the agreements were made in play, as the play tells them.
        int Made(Agreement g) => run.Timeline.FirstOrDefault(e => e.Kind == EventKind.AgreementMade && e.Cause == g.Cause)?.Seq ?? int.MaxValue;
        var made = run.Final.Agreements.Where(g => g.Parties.Contains(role.Actor) && g.Cause != "seed").OrderBy(Made).ToList();
        for (var k = 0; k < made.Count; k++)
        {
            var agreement = made[k];
            var breached = agreement.Status == AgreementStatus.Breached;
            foreach (var (topic, raw) in agreement.Terms.Where(t => exercise.Topics.Contains(t.Key)))
            {
                var value = Shown(raw);
                var (own, reservation, weight) = (start[topic], role.Reservations[topic], role.Priorities[topic]);
                var share = own == reservation ? (value == own ? 1 : -1) : (value - reservation) / (own - reservation);
                if (share < 0)
                {
                    var penalty = Shown(weight * s.BeyondReservation);
                    yield return new ScoreLine("beyond-reservation", $"{agreement.Id}/{topic}", penalty,
                        $"{topic} agreed at {Text(value)}, past your reservation value {Text(reservation)} (you started at {Text(own)}): {Text(s.BeyondReservation)} × priority {Text(weight)} = {Text(penalty)}");
                    continue;
                }
                var settles = agreement.Status is AgreementStatus.Holding or AgreementStatus.Strained
                    || breached && !made.Skip(k + 1).Any(g => g.Covers(topic));
                if (!settles)
                    continue;
                // The share is shown to four decimals, as every figure is, and the points are that share multiplied: the
                // printed working, multiplied by hand, gives the printed points (0.4118 × 10 × priority 2 = 8.236).
                var taken = Math.Min(1, Shown(share));
                var points = Shown(weight * s.Agreement * taken);
                var way = own == reservation ? $"your start {Text(own)} is your reservation value, so agreeing there counts as all the way ({Share(taken)})"
                    : $"({Text(value)} − {Text(reservation)}) / ({Text(own)} − {Text(reservation)}) = {Share(share)}{(Shown(share) > 1 ? ", capped at 1," : "")} of the way from your reservation value to your start";
                yield return new ScoreLine("agreement", $"{agreement.Id}/{topic}", points,
                    $"{topic} agreed at {Text(value)}: {way}; {Share(taken)} × {Text(s.Agreement)} × priority {Text(weight)} = {Text(points)}");
            }
            foreach (var limit in role.MustNotGiveUp.Where(l => agreement.Terms.ContainsKey(l.Topic)))
            {
                var value = Shown(agreement.Terms[limit.Topic]);
                var own = start[limit.Topic];
                var crossed = own <= limit.Value ? value > limit.Value : value < limit.Value;
                if (crossed)
                    yield return new ScoreLine("must-not-give-up", $"{agreement.Id}/{limit.Topic}", s.MustNotGiveUp,
                        $"{limit.Topic} agreed at {Text(value)}, past the limit {Text(limit.Value)} you must not give up ({limit.Why}): {Text(s.MustNotGiveUp)}");
            }
            if (breached)
                yield return Breach(s, role, run, agreement);
        }
    }

    /// <summary>
    /// The breach of <paramref name="agreement"/>: it falls on the party that strayed from the terms, by its position or a
    /// proposal (the actor of the breach), not on a partner who held to them.
    /// </summary>
    private static ScoreLine Breach(Scoring s, ExerciseRole role, RunResult run, Agreement agreement)
    {
        var breach = run.Timeline.LastOrDefault(e => e.Kind == EventKind.AgreementBreached && (e.Why ?? "").StartsWith($"{agreement.Id}: ", StringComparison.Ordinal));
        var by = breach?.Actor;
        // Said at the moment it was found, with that moment's numbers, as the play tells it under that round: the
        // position may move on afterwards (the path shows where it ended), and a breach is not undone.
        var when = breach is not null && PlayInWords.RoundOf(breach) is { } round ? $"in round {round}" : "in the play";
        var how = breach?.Why is { } why ? why[(agreement.Id.Length + 2)..].Replace($"{by} now at ", $"{by} at ", StringComparison.Ordinal) : null;
        if (by is null)
            return new ScoreLine("breach", agreement.Id, s.Breach, $"{agreement.Id} binds {role.Actor} and ends breached: {Text(s.Breach)}");
        if (by == role.Actor)
            return new ScoreLine("breach", agreement.Id, s.Breach,
                $"{agreement.Id} binds {role.Actor} and was breached {when} by {role.Actor}, who strayed from its terms ({how}): {Text(s.Breach)}");
        return new ScoreLine("breach", agreement.Id, 0,
            $"{agreement.Id} was breached {when} by {by}, who strayed from its terms ({how}); {role.Actor} held to them: 0");
    }

    private static PositionPath Path(RunResult run, string actor, string topic)
    {
        var values = new List<double> { run.Start.Positions.First(p => p.Actor == actor && p.Topic == topic).Value };
        foreach (var e in run.Timeline.Where(e => e.Actor == actor && e.Topic == topic && e.After is not null && e.Kind is EventKind.Move or EventKind.Shock))
            values.Add(e.After!.Value);
        return new PositionPath(topic, actor, [.. values]);
    }
}

/// <summary>One prediction question answered: the student's answer, the simulation's, the record's, and the points with their working.</summary>
public sealed record PredictionResult(Prediction Question, string Answer, string Simulation, string Record, double Points, string Working);

/// <summary>One line of the score: its kind (agreement, beyond-reservation, breach, must-not-give-up, prediction), what it is about, its points, and how they were reached.</summary>
public sealed record ScoreLine(string Kind, string Item, double Points, string Working);

/// <summary>An actor's position on a topic at the start and after each change in the play.</summary>
public sealed record PositionPath(string Topic, string Actor, ImmutableArray<double> Values)
{
    /// <summary>The values joined by arrows, each as written to four decimals at most (<see cref="Figures.Text(double)"/>): <c>95 → 94.9968 → 74.9968</c>.</summary>
    public override string ToString() => string.Join(" → ", Values.Select(Figures.Text));
}
