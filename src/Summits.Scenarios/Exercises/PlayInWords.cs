using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// A play told round by round, as the debrief shows it: each proposal and offer under its id (the ids the
/// scores and the answers file name), what came of it in the words of <see cref="AnswerInWords"/>, and the
/// facilitator's injects. Every event of the timeline is told once; none is left out.
/// </summary>
public static partial class PlayInWords
{
    /// <summary>The lines of the play, each round under a heading "Round K of N"; text to be indented by the caller.</summary>
    /// <param name="you">The actor spoken to as "you" (the player whose debrief it is); null for none.</param>
    public static ImmutableArray<string> Of(Exercise exercise, IReadOnlyList<TimelineEvent> timeline, string? you)
    {
        var world = exercise.World;
        var lines = ImmutableArray.CreateBuilder<string>();
        var told = new HashSet<int>();
        int? round = null;
        foreach (var e in timeline)
        {
            if (!told.Add(e.Seq))
                continue;
            if (RoundOf(e) is { } r && r != round)
            {
                round = r;
                lines.Add($"Round {r} of {exercise.Rounds}");
            }
            // The model's offers are made in a rounds step, whose own round marker the heading already says.
            if (e.Kind == EventKind.Round)
                continue;
            if (e.Kind == EventKind.Proposal)
            {
                var id = e.Cause;
                var offer = id.Contains("-offer.", StringComparison.Ordinal);
                var who = e.Actor == you ? "You" : Name(world, e.Actor);
                var verb = offer ? (e.Actor == you ? "offer" : "offers") : (e.Actor == you ? "propose" : "proposes");
                lines.Add($"  {id}: {who} {verb} {Terms(e.Terms)}{(offer ? $", its offer after round {round}" : "")}.");
                // What it caused there and then: a proposal with a deadline expires later, in another step, told in its own place.
                var caused = timeline.Where(x => x.Cause == id && x.Step == e.Step).ToList();
                foreach (var x in caused)
                    told.Add(x.Seq);
                foreach (var line in AnswerInWords.Of(world, caused, id, you))
                    lines.Add($"    {line}");
                continue;
            }
            lines.Add($"  {AnswerInWords.Other(world, e)}");
        }
        if (lines.Count == 0)
            lines.Add("No proposal was made and no inject came: nothing happened at the table.");
        return lines.ToImmutable();
    }

    /// <summary>
    /// What the facilitator's injects of <paramref name="round"/> did, one line for each event they caused (the
    /// inject itself, each move, each agreement strained or breached), in the words <see cref="Of"/> gives them.
    /// </summary>
    public static ImmutableArray<string> Injects(Exercise exercise, IReadOnlyList<TimelineEvent> timeline, int round) =>
        [.. timeline.Where(e => IsInject(e, round)).Select(e => AnswerInWords.Other(exercise.World, e))];

    /// <summary>Whether an event was caused by one of the facilitator's injects of <paramref name="round"/> (step or cause <c>rK-inject-N</c>).</summary>
    private static bool IsInject(TimelineEvent e, int round) =>
        e.Kind is not (EventKind.Round or EventKind.Proposal)
        && new[] { e.Cause, e.Step }.Any(id => id is not null && id.StartsWith($"r{round}-inject-", StringComparison.Ordinal));

    /// <summary>
    /// The exercise round an event belongs to, from the id of the step it happened in, else of its cause
    /// (<c>r2-…</c>); null when neither says. The step comes first: a proposal renewed at the model's offers after
    /// round 2 keeps the id of the round it was made in (<c>r1-JP-1~2</c>), but happens in round 2.
    /// </summary>
    public static int? RoundOf(TimelineEvent e)
    {
        foreach (var id in new[] { e.Step, e.Cause })
        {
            var m = RoundPrefix().Match(id ?? "");
            if (m.Success)
                return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static string Name(World world, string? actor) =>
        world.Actors.FirstOrDefault(a => a.Id == actor) is { } found ? found.Name : actor ?? "nobody";

    private static string Terms(ImmutableArray<Term>? terms) =>
        terms is { IsDefaultOrEmpty: false } t ? string.Join(", ", t.Select(x => $"{x.Topic} {Debrief.Text(x.Value)}")) : "no terms";

    [GeneratedRegex(@"^r(\d+)-")]
    private static partial Regex RoundPrefix();
}
