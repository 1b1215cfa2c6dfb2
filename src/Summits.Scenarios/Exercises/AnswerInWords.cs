using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The answer to a proposal in a play, in words a student understands: who accepted, rejected or countered and
/// why, in the terms of the model's judgement (the utility of the terms against no deal and against the
/// side's own next offer), what it asked for instead, how far the proposal pulled it, and the agreement made.
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
                case EventKind.Accept or EventKind.Reject or EventKind.Counter when e.Actor == you:
                    lines.Add($"You {(e.Kind == EventKind.Accept ? "accept" : "reject")}{(e.Why?.Contains(ExercisePlay.NotTakenUp, StringComparison.Ordinal) == true ? $": {ExercisePlay.NotTakenUp}" : "")}.");
                    break;
                case EventKind.Accept or EventKind.Reject or EventKind.Counter:
                    lines.Add(Answer(world, e));
                    break;
                case EventKind.Move when e.Before is { } before && e.After is { } after && e.Actor == you:
                    lines.Add($"You moved on {e.Topic} from {Debrief.Text(before)} to {Debrief.Text(after)}: hearing terms pulls a side a little toward them.");
                    break;
                case EventKind.Move when e.Before is { } before && e.After is { } after:
                    lines.Add($"{Name(world, e.Actor)} moved on {e.Topic} from {Debrief.Text(before)} to {Debrief.Text(after)}, a little toward the terms it heard.");
                    break;
                case EventKind.AgreementMade:
                    lines.Add($"Agreement {e.Cause}: {Terms(e.Terms)}. Both sides are now bound by it.");
                    break;
                case EventKind.AgreementStrained or EventKind.AgreementBreached:
                    lines.Add($"{(e.Kind == EventKind.AgreementBreached ? "Breached" : "Strained")}: {e.Why}.");
                    break;
            }
        }
        if (lines.Count == 0)
            lines.Add("Nothing came of it: nobody answered.");
        return lines.ToImmutable();
    }

    private static string Answer(World world, TimelineEvent e)
    {
        var who = Name(world, e.Actor);
        var instead = e.Terms is { IsDefaultOrEmpty: false } counter ? $" It would settle at {Terms(counter)} instead." : "";
        var scripted = Scripted().Match(e.Why ?? "");
        if (scripted.Success)
            return $"{who} {Verb(e.Kind)}: {scripted.Groups["because"].Value}.{instead}";
        var judged = Judged().Match(e.Why ?? "");
        if (!judged.Success)
            return $"{who} {Verb(e.Kind)}: {e.Why}.{instead}";
        var (terms, own, walk) = (judged.Groups["terms"].Value, judged.Groups["own"].Value, judged.Groups["walk"].Value);
        var lastChance = double.Parse(judged.Groups["tau"].Value, CultureInfo.InvariantCulture) >= 1;
        var reason = e.Kind switch
        {
            EventKind.Reject => $"the terms are worth less to it than no deal at all ({terms} against {walk}, on its own scale of how much it likes an outcome)",
            EventKind.Counter => $"the terms beat no deal ({terms} against {walk}) but not what it still hopes to get ({own}), so it asks for more",
            _ when lastChance => $"this is the last word on these terms, and they are worth more to it than no deal ({terms} against {walk})",
            _ => $"the terms are worth at least what it would ask for itself now ({terms} against {own}; no deal is worth {walk})",
        };
        return $"{who} {Verb(e.Kind)}: {reason}.{instead}";
    }

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

    [GeneratedRegex(@"^U\(terms\) (?<terms>-?[\d.]+), U\(own offer\) (?<own>-?[\d.]+), U\(no deal\) (?<walk>-?[\d.]+) at τ (?<tau>[\d.]+): ")]
    private static partial Regex Judged();

    [GeneratedRegex(@"^scripted: (?<because>.*) \(model: ")]
    private static partial Regex Scripted();
}
