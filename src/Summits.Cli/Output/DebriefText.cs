using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>An exercise's briefs, play and debrief as text; its grading lines as CSV; the debrief as JSON.</summary>
public static class DebriefText
{
    public const string GradingFile = "grading.csv";

    /// <summary>Writes the debrief, fitted to <paramref name="width"/> columns.</summary>
    /// <param name="briefs">Whether to print the objectives and briefs first: yes for a play from an answers file, no after a play at the keyboard, which showed them.</param>
    /// <param name="teacher">Whether to print the facilitator's note, which is for the teacher, not the student.</param>
    public static void Write(TextWriter output, Debrief debrief, int width, bool briefs = true, bool teacher = false)
    {
        void Line(string text)
        {
            foreach (var line in TerminalWidth.Wrap(text, width))
                output.WriteLine(line);
        }
        void Heading(string text)
        {
            output.WriteLine();
            Line(text);
        }
        var exercise = debrief.Exercise;
        var role = debrief.Answers.Role;
        var other = exercise.Opposite(role).Actor;
        Line($"Exercise {exercise.Id} ({exercise.Title}): {role} against {other} ({(debrief.Answers.Players == 1 ? "the model" : "a second player")}), seed {exercise.Seed}, {Counted.Of(exercise.Rounds, "round")}");
        if (exercise.About.Length > 0)
            Line(exercise.About);

        if (briefs)
        {
            Heading("Objectives");
            foreach (var objective in exercise.Objectives)
                Line($"  - {objective}");
            Heading("Public brief: the positions on the table, in the briefing's words");
            foreach (var line in RoleBrief.Public(exercise))
                Line(line);
            Heading($"Confidential instructions for {role}");
            foreach (var line in RoleBrief.Confidential(exercise, role))
                Line($"  {line}");
        }

        Heading("Play, round by round (the ids are the ones the score and the answers file name)");
        foreach (var line in PlayInWords.Of(exercise, debrief.Run.Timeline, role, debrief.Answers))
            Line($"  {line}");

        Heading("Predictions: your answer, the simulation's, and the record's");
        foreach (var p in debrief.Predictions)
        {
            Line($"  {p.Question.Id}: {p.Question.Ask}");
            Line($"    you: {p.Answer}; the simulation: {p.Simulation}; the record: {p.Record}");
            Line($"    points: {p.Working}");
        }

        Heading("Positions on the table, start to end");
        foreach (var path in debrief.Paths)
            Line($"  {TerminalWidth.PadRight(path.Topic, 26)} {TerminalWidth.PadRight(path.Actor, 4)} {path}");

        if (exercise.Record is { } record)
        {
            Heading($"What happened next ({record.Id}), on the topics on the table");
            if (debrief.Record.IsEmpty)
                Line("  the record has no fact on these topics");
            foreach (var c in debrief.Record)
            {
                Line($"  {RecordFact.Day(c.Fact.Date)} {c.Fact.Id} on {c.Fact.Topic}: the record implies {c.Implied}; the play ended with {c.Ended}.");
                Line($"    {(c.Agrees ? "They agree." : c.Difference)}");
            }
        }

        Heading("Score");
        WriteScores(output, debrief, width);

        if (teacher)
        {
            Heading("Facilitator's note (for the teacher)");
            Line(exercise.FacilitatorNote);
        }
    }

    /// <summary>Each score line with its working, wrapped under its text, then the total.</summary>
    private static void WriteScores(TextWriter output, Debrief debrief, int width)
    {
        foreach (var s in debrief.Scores)
        {
            foreach (var line in TerminalWidth.Wrap($"  {TerminalWidth.PadLeft(Number(s.Points), 7)}  {s.Kind} {s.Item}: {s.Working}", width, ScoreHanging))
                output.WriteLine(line);
        }
        foreach (var line in TerminalWidth.Wrap($"  {TerminalWidth.PadLeft(Number(debrief.Total), 7)}  total", width))
            output.WriteLine(line);
    }

    /// <summary>
    /// The indent of a score line's continuation: its text starts after two spaces, the points right-aligned in seven
    /// columns and two spaces (column 11), and goes on four further in, whatever the points' width.
    /// </summary>
    private const int ScoreHanging = 15;

    /// <summary>The one line <c>-q</c> (<c>-v minimal</c>) prints for a debrief: <c>EXERCISE ROLE: total POINTS</c>.</summary>
    public static string TotalLine(Debrief debrief) => $"{debrief.Exercise.Id} {debrief.Answers.Role}: total {Number(debrief.Total)}";

    public const string GradingHeader = "exercise,answers,role,kind,item,points,working";

    /// <summary>One row per score line, then the total: what a teacher's spreadsheet takes.</summary>
    public static string GradingCsv(Debrief debrief)
    {
        var text = new StringBuilder(GradingHeader).Append('\n');
        // The answers file as the student or teacher named it, wherever it was read from.
        var (id, answers, role) = (debrief.Exercise.Id, InputPath.Said(debrief.Answers.Path), debrief.Answers.Role);
        foreach (var s in debrief.Scores)
            text.Append(CsvSections.Line([id, answers, role, s.Kind, s.Item, Number(s.Points), s.Working])).Append('\n');
        text.Append(CsvSections.Line([id, answers, role, "total", "", Number(debrief.Total), ""])).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The debrief as one JSON document: the exercise, role, seed and total; each prediction and score line with its
    /// working; the play (<see cref="Play"/>); each position's path (values on the 0–100 scale, as its text
    /// shows them, to four decimals at most, <see cref="Figures.Shown"/>); the
    /// comparison with the record; and, for the teacher only, the facilitator's note (<c>facilitator-note</c>).
    /// </summary>
    /// <param name="teacher">Whether to add the facilitator's note, which is for the teacher, not the student.</param>
    public static string Json(Debrief debrief, bool teacher = false) => WithNote(new JsonObject
    {
        ["exercise"] = debrief.Exercise.Id,
        ["role"] = debrief.Answers.Role,
        ["seed"] = debrief.Exercise.Seed,
        ["total"] = debrief.Total,
        ["predictions"] = new JsonArray([.. debrief.Predictions.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Question.Id, ["answer"] = p.Answer, ["simulation"] = p.Simulation, ["record"] = p.Record, ["points"] = p.Points, ["working"] = p.Working,
        })]),
        ["scores"] = new JsonArray([.. debrief.Scores.Select(s => (JsonNode)new JsonObject
        {
            ["kind"] = s.Kind, ["item"] = s.Item, ["points"] = s.Points, ["working"] = s.Working,
        })]),
        ["play"] = Play(debrief),
        ["paths"] = new JsonArray([.. debrief.Paths.Select(p => (JsonNode)new JsonObject
        {
            ["topic"] = p.Topic, ["actor"] = p.Actor, ["values"] = new JsonArray([.. p.Values.Select(v => (JsonNode)Figures.Shown(v))]),
        })]),
        ["record"] = new JsonArray([.. debrief.Record.Select(c => (JsonNode)new JsonObject
        {
            ["fact"] = c.Fact.Id, ["topic"] = c.Fact.Topic, ["implied"] = c.Implied, ["ended"] = c.Ended, ["agrees"] = c.Agrees, ["difference"] = c.Difference,
        })]),
    }, teacher ? debrief.Exercise.FacilitatorNote : null).ToJsonString(SummitsJson.Options);

    private static JsonObject WithNote(JsonObject document, string? note)
    {
        if (note is not null)
            document["facilitator-note"] = note;
        return document;
    }

    /// <summary>
    /// The play as data, round by round, as the table's "Play, round by round" tells it: each proposal and offer
    /// (<c>kind</c> proposal or offer) with its id, who made it, its terms, each answer with its reason, and what came
    /// of it in words (<c>said</c>); then every other event (an inject's shock and moves, an agreement strained or
    /// breached, a proposal expired) with the fields its kind has (<see cref="Event"/>) and its words. Every event of
    /// the run's timeline is told in one item; an agreement's change of status caused by a proposal or an offer (a
    /// strain, a breach, a replacement) is, besides, an event of its own right after it, with the fields it would have
    /// whatever caused it, so that every breach and strain is found among the events. Every round of the exercise is
    /// there, one in which nothing happened with no events.
    /// </summary>
    private static JsonArray Play(Debrief debrief)
    {
        var (exercise, timeline, you) = (debrief.Exercise, debrief.Run.Timeline, debrief.Answers.Role);
        var rounds = new SortedDictionary<int, JsonArray>();
        var told = new HashSet<int>();
        var round = 0;
        foreach (var e in timeline)
        {
            if (!told.Add(e.Seq))
                continue;
            round = PlayInWords.RoundOf(e) ?? round;
            if (e.Kind == Summits.Model.EventKind.Round)
                continue;
            if (!rounds.TryGetValue(round, out var items))
                rounds[round] = items = [];
            if (e.Kind == Summits.Model.EventKind.Proposal)
            {
                var caused = timeline.Where(x => x.Cause == e.Cause && x.Step == e.Step).ToList();
                foreach (var x in caused)
                    told.Add(x.Seq);
                var terms = new JsonObject();
                foreach (var t in e.Terms ?? [])
                    terms[t.Topic] = t.Value;
                items.Add(new JsonObject
                {
                    ["kind"] = e.Cause.Contains("-offer.", StringComparison.Ordinal) ? "offer" : "proposal",
                    ["id"] = e.Cause,
                    ["from"] = e.Actor,
                    ["terms"] = terms,
                    ["answers"] = new JsonArray([.. caused.Where(x => x.Kind is Summits.Model.EventKind.Accept or Summits.Model.EventKind.Reject or Summits.Model.EventKind.Counter)
                        .Select(x => (JsonNode)Answer(x, you))]),
                    ["said"] = new JsonArray([.. AnswerInWords.Of(exercise.World, caused, e.Cause, you).Select(l => (JsonNode)l)]),
                });
                // What the proposal did besides its answers is an event of its own after it, in the order it happened,
                // with the same fields as one an inject caused: each side it moved (before and after, exact), the
                // agreement made (its terms, exact), and each agreement strained, breached or replaced. Its words are in
                // the proposal's said too.
                foreach (var x in caused.Where(x => x.Kind is Summits.Model.EventKind.Move or Summits.Model.EventKind.AgreementMade || IsStatus(x.Kind)))
                    items.Add(Event(exercise, timeline, x, round, AnswerInWords.Of(exercise.World, [x], e.Cause, you).Single()));
                continue;
            }
            items.Add(Event(exercise, timeline, e, round));
        }
        // Every round of the exercise was played: one in which nothing happened is there too, with no events.
        for (var r = 1; r <= exercise.Rounds; r++)
            rounds.TryAdd(r, []);
        return [.. rounds.Select(r => (JsonNode)new JsonObject { ["round"] = r.Key, ["events"] = r.Value })];
    }

    /// <summary>
    /// An answer to a proposal or an offer: who answered, the answer, its reason (<see cref="AnswerInWords.Reason"/>), and the
    /// terms it would settle at instead where its words name some (<c>terms</c>, each exact, as the proposal's are;
    /// <see cref="AnswerInWords.SettlesAt"/>): never a side's confidential reservation values.
    /// </summary>
    private static JsonObject Answer(Summits.Model.TimelineEvent answer, string? you)
    {
        var item = new JsonObject { ["actor"] = answer.Actor, ["answer"] = KebabCase.Of(answer.Kind), ["reason"] = AnswerInWords.Reason(answer, you) };
        if (AnswerInWords.SettlesAt(answer) is { } counter)
        {
            var terms = new JsonObject();
            foreach (var t in counter)
                terms[t.Topic] = t.Value;
            item["terms"] = terms;
        }
        return item;
    }

    /// <summary>
    /// An event of the play other than a proposal or an offer, with the fields its kind has and no others: a shock (an
    /// inject) its <c>reason</c> and <c>changes</c>, each change with its kind, actor, topic, values before and after
    /// (what the inject did, each change also an event of its own after it); a move (an inject's, or a side pulled by the
    /// terms it heard) or another change of a value its actor, topic, before and after; an agreement made its id
    /// (<c>agreement</c>) and <c>terms</c>; an agreement strained, breached or holding again the agreement, the party, the
    /// topic and that moment's numbers (<c>value</c>, the position or proposed term, its <c>distance</c> from the
    /// <c>agreed</c> value, and the party's <c>window</c>, as the words say them); an agreement replaced its id and
    /// topic; the model's side making no offer after a round (<c>no-offer</c>) that side (<c>actor</c>), the
    /// <c>round</c> and the <c>reason</c>. Values before and after and terms are on the 0–100 scale, exact (unrounded).
    /// </summary>
    /// <param name="said">The event's words where they are those of the proposal that caused it; null for its own (<see cref="AnswerInWords.Other"/>).</param>
    private static JsonObject Event(Exercise exercise, IReadOnlyList<Summits.Model.TimelineEvent> timeline, Summits.Model.TimelineEvent e, int round, string? said = null)
    {
        var item = new JsonObject
        {
            ["kind"] = KebabCase.Of(e.Kind),
            ["inject"] = e.Cause.StartsWith($"r{round}-inject-", StringComparison.Ordinal) || e.Step.StartsWith($"r{round}-inject-", StringComparison.Ordinal),
        };
        switch (e.Kind)
        {
            case Summits.Model.EventKind.Shock when e.Topic is null:
                item["reason"] = e.Why;
                item["changes"] = new JsonArray([.. timeline.Where(x => x.Seq > e.Seq && x.Cause == e.Cause && x.Step == e.Step && x.Kind is not Summits.Model.EventKind.Shock && IsChange(x.Kind))
                    .Select(x => (JsonNode)Values(new JsonObject { ["kind"] = KebabCase.Of(x.Kind) }, x))]);
                break;
            case Summits.Model.EventKind.AgreementMade:
            {
                item["agreement"] = e.Cause;
                if (e.Topic is not null)
                    item["topic"] = e.Topic;
                var terms = new JsonObject();
                foreach (var t in e.Terms ?? [])
                    terms[t.Topic] = t.Value;
                item["terms"] = terms;
                break;
            }
            case Summits.Model.EventKind.AgreementStrained or Summits.Model.EventKind.AgreementBreached or Summits.Model.EventKind.AgreementRestored
                or Summits.Model.EventKind.AgreementSuperseded or Summits.Model.EventKind.AgreementPartlySuperseded:
            {
                var why = e.Why ?? "";
                var colon = why.IndexOf(": ", StringComparison.Ordinal);
                item["agreement"] = colon > 0 ? why[..colon] : null;
                if (e.Actor is not null)
                    item["actor"] = e.Actor;
                if (e.Topic is not null)
                    item["topic"] = e.Topic;
                if (Summits.Model.CommitmentWords.Read(why) is { } strayed)
                {
                    item["value"] = strayed.Value;
                    item["distance"] = strayed.Distance;
                    item["agreed"] = strayed.Agreed;
                    item["window"] = strayed.Window;
                }
                break;
            }
            case Summits.Model.EventKind.NoOffer:
                if (e.Actor is not null)
                    item["actor"] = e.Actor;
                if (e.Topic is not null)
                    item["topic"] = e.Topic;
                item["round"] = round;
                item["reason"] = e.Why;
                break;
            default:
                Values(item, e);
                break;
        }
        item["cause"] = e.Cause;
        item["said"] = said ?? AnswerInWords.Other(exercise.World, e);
        return item;
    }

    /// <summary>Whether an event of this kind changes an agreement's status: strained, breached, holding again, replaced or partly replaced.</summary>
    private static bool IsStatus(Summits.Model.EventKind kind) => kind is Summits.Model.EventKind.AgreementStrained or Summits.Model.EventKind.AgreementBreached
        or Summits.Model.EventKind.AgreementRestored or Summits.Model.EventKind.AgreementSuperseded or Summits.Model.EventKind.AgreementPartlySuperseded;

    /// <summary>Whether an event of this kind changes a value: what a shock's changes are.</summary>
    private static bool IsChange(Summits.Model.EventKind kind) => kind is Summits.Model.EventKind.Move or Summits.Model.EventKind.PositionAdded
        or Summits.Model.EventKind.SalienceChanged or Summits.Model.EventKind.CapabilityChanged or Summits.Model.EventKind.AffinityChanged;

    /// <summary>Adds the event's actor, topic and values before and after, each where the event has one, exact (unrounded), as the terms are.</summary>
    private static JsonObject Values(JsonObject item, Summits.Model.TimelineEvent e)
    {
        if (e.Actor is not null)
            item["actor"] = e.Actor;
        if (e.Topic is not null)
            item["topic"] = e.Topic;
        if (e.Before is { } before)
            item["before"] = before;
        if (e.After is { } after)
            item["after"] = after;
        return item;
    }

    private static string Number(double value) => Debrief.Text(value).ToString(CultureInfo.InvariantCulture);
}
