using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// A play told round by round, as the debrief shows it: each proposal and offer under its id (the ids the
/// scores and the answers file name), what came of it in the words of <see cref="AnswerInWords"/>, and the
/// facilitator's injects, the model's side making no offer, and every round's heading, a round in which nothing
/// happened included. Every event of the timeline is told once; none is left out.
/// </summary>
public static partial class PlayInWords
{
    /// <summary>
    /// The lines of the play, each round of the exercise under a heading "Round K of N", a round in which nothing
    /// happened included, with a line that says so (<see cref="NothingChanged"/>); text to be indented by the caller.
    /// </summary>
    /// <param name="you">The actor spoken to as "you" (the player whose debrief it is); null for none.</param>
    /// <param name="answers">The answers played, from which each proposal's deadline is told as the play told it; null when there are none to tell.</param>
    public static ImmutableArray<string> Of(Exercise exercise, IReadOnlyList<TimelineEvent> timeline, string? you, ExerciseAnswers? answers = null)
    {
        var world = exercise.World;
        var deadlines = (answers?.Proposals ?? []).Where(p => p.Proposal.Deadline is not null).ToDictionary(p => p.Proposal.Id, p => p.Proposal.Deadline);
        // Lines of no round (none in a play, where every step is named for its round) come first.
        var byRound = new SortedDictionary<int, List<string>>();
        var told = new HashSet<int>();
        int? round = null;
        foreach (var e in timeline)
        {
            if (!told.Add(e.Seq))
                continue;
            round = RoundOf(e) ?? round;
            // The model's offers are made in a rounds step, whose own round marker the heading already says.
            if (e.Kind == EventKind.Round)
                continue;
            if (!byRound.TryGetValue(round ?? 0, out var lines))
                byRound[round ?? 0] = lines = [];
            if (e.Kind == EventKind.Proposal)
            {
                var id = e.Cause;
                var terms = e.Terms is { } t ? t.Select(x => (x.Topic, x.Value)).ToList() : [];
                lines.Add($"  {(id.Contains("-offer.", StringComparison.Ordinal) ? Offered(world, id, e.Actor, terms, you, round ?? 0, exercise.Rounds)
                    : IsRenewal(id) ? Renewed(world, id, e.Actor, terms, you, round ?? 0)
                    : Proposed(world, id, e.Actor, terms, you, deadlines.GetValueOrDefault(id)))}.");
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
        // An answer to an offer the model could make but did not make is said where that offer would have stood, after
        // the offers it did make, so that an answer given under a guessed id is not dropped in silence.
        var made = timeline.Where(e => e.Kind == EventKind.Proposal).Select(e => e.Cause).ToHashSet(StringComparer.Ordinal);
        foreach (var unused in (answers?.Responses ?? []).Where(r => r.Proposal.Contains("-offer.", StringComparison.Ordinal) && !made.Contains(r.Proposal)))
        {
            var at = RoundPrefix().Match(unused.Proposal) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (!byRound.TryGetValue(at, out var lines))
                byRound[at] = lines = [];
            lines.Add($"  {Unused(exercise, unused, you, at)}");
        }
        var play = ImmutableArray.CreateBuilder<string>();
        play.AddRange(byRound.GetValueOrDefault(0) ?? []);
        for (var r = 1; r <= Math.Max(exercise.Rounds, byRound.Keys.LastOrDefault()); r++)
        {
            play.Add($"Round {r} of {exercise.Rounds}");
            play.AddRange(byRound.GetValueOrDefault(r) is { Count: > 0 } lines ? lines : [$"  {NothingChanged}"]);
        }
        return play.ToImmutable();
    }

    /// <summary>
    /// An answer the answers file gives to an offer the model did not make (an id it could have made, such as a
    /// package, when it offered on each topic alone): "Your answer to r1-US-offer.r1.a+b (accept) was not used: United
    /// States made no such offer after round 1."
    /// </summary>
    public static string Unused(Exercise exercise, RespondStep answer, string? you, int round)
    {
        var whose = answer.Actor == you ? "Your answer" : $"The answer of {Name(exercise.World, answer.Actor)}'s player";
        var given = answer.Answer.Response == Response.Accept ? "accept" : "reject";
        var offerer = exercise.Opposite(answer.Actor).Actor;
        return $"{whose} to {answer.Proposal} ({given}) was not used: {Name(exercise.World, offerer)} made no such offer{(round > 0 ? $" after round {round}" : "")}.";
    }

    /// <summary>What a round in which nothing happened says under its heading in the play, round by round; its JSON has the round with no events.</summary>
    public const string NothingChanged = "Nothing changed in this round: no inject came, and no side made a proposal or an offer.";

    /// <summary>
    /// A proposal made in a round, in the words the play at the keyboard and the debrief both give it, its terms as
    /// written (<see cref="Written"/>), without a full stop: <c>r1-JP-1: You propose trade-imbalance 40, open for 2 offer rounds</c> (<c>Japan proposes</c> when
    /// <paramref name="actor"/> is not <paramref name="you"/>); a proposal with no deadline is the proposer's last word.
    /// </summary>
    /// <param name="terms">The terms, each topic with its value on the 0–100 scale.</param>
    /// <param name="deadline">The model's offer rounds it stays open for; null for none.</param>
    public static string Proposed(World world, string id, string? actor, IEnumerable<(string Topic, double Value)> terms, string? you, int? deadline) =>
        $"{id}: {(actor == you ? "You propose" : $"{Name(world, actor)} proposes")} {Written(terms)}{(deadline is { } open ? $", open for {Counted.Of(open, "offer round")}" : "")}";

    /// <summary>
    /// A proposal still open, put again where the model makes its offers after <paramref name="round"/> (its id the
    /// original's with <c>~N</c>), without a full stop: <c>r1-JP-1~1: your open proposal trade-imbalance 40 is put again
    /// after round 1</c> (<c>Japan's open proposal</c> when <paramref name="actor"/> is not <paramref name="you"/>).
    /// </summary>
    public static string Renewed(World world, string id, string? actor, IEnumerable<(string Topic, double Value)> terms, string? you, int round) =>
        $"{id}: {(actor == you ? "your" : $"{Name(world, actor)}'s")} open proposal {Written(terms)} is put again after round {round}";

    /// <summary>
    /// One of the model's offers after <paramref name="round"/> of <paramref name="rounds"/>, without a full stop:
    /// <c>r1-US-offer.r1.trade-imbalance: United States offers trade-imbalance 74.8459, its offer after round 1 of 3 (a
    /// side concedes more as the last round nears)</c>.
    /// </summary>
    public static string Offered(World world, string id, string? actor, IEnumerable<(string Topic, double Value)> terms, string? you, int round, int rounds) =>
        $"{id}: {(actor == you ? "You offer" : $"{Name(world, actor)} offers")} {Written(terms)}, its offer after round {round} of {rounds} (a side concedes more as the last round nears)";

    /// <summary>Whether a proposal's id is that of an open proposal put again (<c>r1-JP-1~2</c>).</summary>
    public static bool IsRenewal(string id) => id.Contains('~', StringComparison.Ordinal);

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

    /// <summary>
    /// Terms (a player's proposal or the model's offer) as written, to four decimals at most (<see cref="Figures.Text(double)"/>),
    /// never rounded to two: <c>north-korea 83.499</c>, <c>trade-imbalance 73.9999</c>, <c>trade-imbalance 74.8459</c>; the
    /// figures a strain or breach the terms cause quotes are then never at odds with the terms' own.
    /// </summary>
    public static string Written(IEnumerable<(string Topic, double Value)> terms) =>
        string.Join(", ", terms.Select(x => $"{x.Topic} {Figures.Text(x.Value)}")) is { Length: > 0 } listed ? listed : "no terms";

    [GeneratedRegex(@"^r(\d+)-")]
    private static partial Regex RoundPrefix();
}
