using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The answer to a proposal in a play, in words a student understands: who accepted, rejected or countered and
/// why, with the numbers the model compared (how good the terms are for that side, how good no deal is, and
/// how good the offer it would make itself is), what it asked for instead, how far the proposal pulled it,
/// and the agreement made. No symbol of the model's notation reaches the student.
/// </summary>
public static partial class AnswerInWords
{
    /// <summary>The lines that tell what became of proposal <paramref name="proposalId"/>, from the events it caused.</summary>
    /// <param name="you">The actor the reader plays, who is spoken to as "you"; null for none.</param>
    public static ImmutableArray<string> Of(World world, IEnumerable<TimelineEvent> timeline, string proposalId, string? you = null)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        var events = timeline.Where(e => e.Cause == proposalId).ToList();
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case EventKind.Accept or EventKind.Reject or EventKind.Counter:
                    lines.Add(Answer(world, e, you));
                    break;
                case EventKind.Move when e.Before is { } before && e.After is { } after && e.Actor == you:
                    lines.Add($"You moved on {e.Topic} {FromTo(before, after)}: hearing terms pulls a side a little toward them.");
                    break;
                case EventKind.Move when e.Before is { } before && e.After is { } after:
                    lines.Add($"{Name(world, e.Actor)} moved on {e.Topic} {FromTo(before, after)}, a little toward the terms it heard.");
                    break;
                case EventKind.AgreementMade:
                    lines.Add($"Agreement {e.Cause}: {Terms(e.Terms)}. Both sides are now bound by it.");
                    break;
                case EventKind.Proposal:
                    break;
                default:
                    lines.Add(Other(world, e));
                    break;
            }
        }
        if (lines.Count == 0)
            lines.Add("Nothing came of it: nobody answered.");
        return lines.ToImmutable();
    }

    /// <summary>
    /// The reason an answer carries in the timeline, as the reader of a debrief may see it: a player's answer keeps
    /// the model's judgement of the terms beside it (utilities 0..1 resting on that side's confidential reservation
    /// values) only for the player who gave it, <paramref name="you"/>; to anyone else it is the player's choice alone
    /// (<c>scripted: the player's answer</c>). A model's answer is returned whole, as the debrief's words say it.
    /// </summary>
    /// <param name="answer">An accept, reject or counter event.</param>
    /// <param name="you">The actor whose debrief it is; null for none (then no player's judgement is shown).</param>
    public static string? Reason(TimelineEvent answer, string? you)
    {
        if (answer.Why is not { } why || Scripted().Match(why) is not { Success: true } scripted || answer.Actor == you)
            return answer.Why;
        return scripted.Groups["because"].Success && scripted.Groups["because"].Value.Length > 0
            ? $"scripted: {scripted.Groups["because"].Value}"
            : "scripted, no reason given";
    }

    /// <summary>
    /// An event that is not an answer, a move or an agreement made (a strain, a breach, a shock, a change of
    /// salience), in words: the model's distance rule is spelt out rather than named.
    /// </summary>
    public static string Other(World world, TimelineEvent e)
    {
        var why = Plain(world, e.Why ?? "");
        var on = e.Topic is { Length: > 0 } topic ? $" on {topic}" : "";
        // A change of an agreement's status says the agreement first: "AGREEMENT: what moved".
        var (agreement, change) = why.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? (why[..colon], why[(colon + 2)..]) : ("", why);
        return e.Kind switch
        {
            EventKind.AgreementStrained => $"Agreement {agreement} is strained{on}: {change}.",
            EventKind.AgreementBreached => $"Agreement {agreement} is breached{on}: {change}.",
            EventKind.AgreementRestored => $"Agreement {agreement} holds again{on}: {change}.",
            EventKind.AgreementSuperseded or EventKind.AgreementPartlySuperseded => $"Agreement {agreement} is {(e.Kind == EventKind.AgreementSuperseded ? "replaced" : "partly replaced")} by a newer one{on}: {change}.",
            EventKind.SalienceChanged when e.Before is { } b && e.After is { } a =>
                $"{Name(world, e.Actor)} now cares {(a > b ? "more" : "less")} about {e.Topic}: how much it matters to it (0 to 1) goes {FromTo(b, a)}.",
            EventKind.CapabilityChanged when e.Before is { } b && e.After is { } a =>
                $"{Name(world, e.Actor)}'s power to move others (0 to 1) goes {FromTo(b, a)}.",
            EventKind.Shock or EventKind.Move when e.Before is { } b && e.After is { } a && e.Topic is not null =>
                $"{Name(world, e.Actor)} moves on {e.Topic} {FromTo(b, a)}: {Sentence.Of(why)}",
            EventKind.Shock => $"The facilitator: {Sentence.Of(why)}",
            EventKind.ProposalExpired => $"{e.Cause} expires{on}: {why.TrimEnd('.')}.",
            EventKind.NoOffer => NoOffer(world, e),
            _ => $"{Name(world, e.Actor)}, {KebabCase.Of(e.Kind).Replace('-', ' ')}{on}{(e.Before is { } before && e.After is { } after ? $", {FromTo(before, after)}" : "")}{(why.Length > 0 ? $": {why}" : "")}.",
        };
    }

    /// <summary>
    /// The model's side making no offer between rounds, with the reason: <c>United States makes no offer of its own after
    /// round 1: an agreement in force settles every topic on the table.</c>; or, on a table partly settled, making none on
    /// one topic that an agreement in force settles while it offers on the rest: <c>United States makes no offer on
    /// north-korea after round 1: agreement nk-maximum-pressure, in force, already settles it, so it offers only on
    /// north-korea-sanctions.</c> The one sentence the play at the keyboard and the debrief both give it.
    /// </summary>
    /// <param name="noOffer">A <see cref="EventKind.NoOffer"/> event of the step in which the model makes its offers after a round; its topic the one left out, or none for the whole table.</param>
    public static string NoOffer(World world, TimelineEvent noOffer)
    {
        var after = PlayInWords.RoundOf(noOffer) is { } round ? $" after round {round}" : "";
        var why = noOffer.Why is { Length: > 0 } reason ? $": {reason.TrimEnd('.')}" : "";
        var what = noOffer.Topic is { Length: > 0 } topic ? $"no offer on {topic}" : "no offer of its own";
        return $"{Name(world, noOffer.Actor)} makes {what}{after}{why}.";
    }

    /// <summary>
    /// The terms a model's answer says it would settle at instead, or null where it names none. The model's
    /// counter-offer is the offer its tactic makes at the proposal's time τ: its concession curve from its ideal toward
    /// its reservation value, which it reaches only at τ = 1. Before then the counter is told; at τ = 1 (a proposal
    /// with no deadline, or the last round of one) the counter would be the side's confidential reservation value
    /// itself, and a player's answer (scripted) names no counter of the model's: in both cases nothing is told, in the
    /// words or in any other output of the play.
    /// </summary>
    /// <param name="answer">An accept, reject or counter event; its terms on the 0–100 scale.</param>
    public static ImmutableArray<Term>? SettlesAt(TimelineEvent answer)
    {
        if (answer.Terms is not { IsDefaultOrEmpty: false } counter || Scripted().Match(answer.Why ?? "").Success)
            return null;
        var judgedTime = Judged().Match(answer.Why ?? "") is { Success: true } at ? Number(at, "tau") : 1;
        return judgedTime < 1 ? counter : null;
    }

    private static string Answer(World world, TimelineEvent e, string? you)
    {
        var who = e.Actor == you ? "You" : Name(world, e.Actor);
        var verb = e.Actor == you ? Verb(e.Kind).TrimEnd('s') : Verb(e.Kind);
        var instead = e.Terms is not { IsDefaultOrEmpty: false } ? ""
            : SettlesAt(e) is { } counter ? $" It would settle at {Terms(counter)} instead."
            : " It does not say what it would settle for.";
        var why = e.Why ?? "";
        var scripted = Scripted().Match(why);
        if (scripted.Success)
        {
            // A player's answer (or none): the player decides, not the model. To the player who gave it, and to no one
            // else (it rests on that side's confidential reservation values), the model's judgement of the terms is
            // said beside it, so that an accept of terms worse than no deal is seen as the player's own choice.
            // Said as a student says it: whose choice it was, or that an offer (or, with two players, a proposal) left unanswered counts as rejected.
            var mine = e.Actor == you;
            var because = scripted.Groups["because"].Value == ExercisePlay.NotTakenUp
                ? $": {(mine ? "you gave" : "its player gave")} no answer, and {(e.Cause?.Contains("-offer.", StringComparison.Ordinal) == true ? "an offer" : "a proposal")} left unanswered is rejected"
                : mine ? " (your choice)" : " (its player's choice)";
            var judged = Judged().Match(scripted.Groups["model"].Value);
            var note = "";
            if (judged.Success && e.Actor == you)
            {
                var (terms, walk) = (Number(judged, "terms"), Number(judged, "walk"));
                if (e.Kind == EventKind.Accept && terms < walk - 1e-12)
                    note = $", although by your reservation values these terms are worse than no deal, your BATNA ({Show(terms)} against {Show(walk)})";
                else if (e.Kind == EventKind.Reject && terms >= walk - 1e-12)
                    note = $", although by your reservation values these terms were at least as good as no deal, your BATNA ({Show(terms)} against {Show(walk)})";
            }
            return $"{who} {verb} it{because}{note}.";
        }
        var model = Judged().Match(why);
        if (!model.Success)
            return $"{who} {verb}: {Plain(world, why)}.{instead}";
        var (u, own, noDeal, time) = (Show(Number(model, "terms")), Show(Number(model, "own")), Show(Number(model, "walk")), Number(model, "tau"));
        // "Worth" is the model's utility: how good an outcome is for that side, summed over the topics of the terms.
        const string worth = "worth: how good an outcome is for that side, higher is better";
        var reason = e.Kind switch
        {
            EventKind.Reject => $"the terms are worth {u} to it, less than no deal (its BATNA), worth {noDeal} ({worth})",
            EventKind.Counter => $"the terms are worth {u} to it, more than no deal (its BATNA, {noDeal}), but less than what it would still ask for itself {Through(time)} ({own}), so it asks for terms worth more to it in all ({worth})",
            _ when time >= 1 => $"the proposal is a last word on these terms, to take or leave now, and they are worth {u} to it, at least what no deal (its BATNA) is worth ({noDeal}) ({worth})",
            _ => $"the terms are worth {u} to it, at least what it would ask for itself {Through(time)} ({own}); no deal (its BATNA) is worth {noDeal} ({worth})",
        };
        return $"{who} {verb}: {reason}.{instead}";
    }

    /// <summary>
    /// How far the play is through its time limit, in words, the percentage by the one figure rule (<see cref="Figures.Text(double)"/>):
    /// "33.3333% of the way through the time limit" in round 2 of 3.
    /// </summary>
    private static string Through(double time) =>
        time <= 0 ? "at the start of the time limit" : $"{Figures.Text(time * 100)}% of the way through the time limit";

    /// <summary>The model's reasons with its notation spelt out: the window of a strain or breach said as the distance it is.</summary>
    public static string Plain(World world, string why)
    {
        var factor = world.ParametersFor(ModelParameters.Default).BreachFactor;
        return Window().Replace(why, m =>
        {
            var w = double.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
            return $"(a party may stray {Figures.Text(w)} points from an agreement before it strains, and {Figures.Text(factor * w)} before it breaks)";
        });
    }

    /// <summary>
    /// "from B to A" for a value that changed, each end as written, to four decimals at most (<see cref="Figures.Text(double)"/>),
    /// as the path of positions and a strain or breach beside it show the same values: "from 92 to 92.04", "from 94.9968 to 74.9968".
    /// </summary>
    public static string FromTo(double before, double after) => $"from {Figures.Text(before)} to {Figures.Text(after)}";

    private static double Number(Match m, string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>A worth as the model's reason states it and the words repeat it: by the one figure rule, four decimals at most.</summary>
    private static string Show(double value) => Figures.Text(value);

    private static string Verb(EventKind kind) => kind switch
    {
        EventKind.Accept => "accepts",
        EventKind.Reject => "rejects",
        _ => "counters",
    };

    private static string Name(World world, string? actor) =>
        world.Actors.FirstOrDefault(a => a.Id == actor) is { } found ? found.Name : actor ?? "nobody";

    private static string Terms(ImmutableArray<Term>? terms) =>
        terms is { IsDefaultOrEmpty: false } t ? string.Join(", ", t.Select(x => $"{x.Topic} {Debrief.Text(x.Value)}")) : "no terms";

    // A timeline written before the model named the BATNA says U(no deal) for the same figure.
    [GeneratedRegex(@"U\(terms\) (?<terms>-?[\d.]+), U\(own offer\) (?<own>-?[\d.]+), U\((?:BATNA|no deal)\) (?<walk>-?[\d.]+) at τ (?<tau>[\d.]+): ")]
    private static partial Regex Judged();

    [GeneratedRegex(@"^scripted(?:: (?<because>.*)|, no reason given) \(model: (?<model>.*)\)$")]
    private static partial Regex Scripted();

    [GeneratedRegex(@"\(window (?<w>[\d.]+)\)")]
    private static partial Regex Window();
}
