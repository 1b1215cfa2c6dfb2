using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// A role's briefs: the public one, made from the seeded positions on the table and their verbatim quotes
/// (both sides' public words), and the confidential one, from the role's instructions.
/// </summary>
public static class RoleBrief
{
    /// <summary>Per topic on the table: its title, then where each role stands, in the scale's words, with the source's words.</summary>
    public static ImmutableArray<string> Public(Exercise exercise)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var id in exercise.Topics)
        {
            var topic = exercise.World.Topic(id);
            lines.Add($"{id}: {topic.Title} (0: {topic.Scale.Low}; 50: {topic.Scale.Middle}; 100: {topic.Scale.High})");
            foreach (var role in exercise.Roles)
            {
                var position = exercise.World.PositionsOn(id).First(p => p.Actor == role.Actor);
                var name = exercise.World.Actor(role.Actor).Name;
                lines.Add($"  {name} stands at {Debrief.Text(position.Value)} ({KebabCase.Of(position.Provenance.Kind)})");
                foreach (var quote in position.Provenance.Quotes)
                    lines.Add($"    “{quote.Text}” (briefing, line {quote.Location.Line})");
                if (position.Provenance.Quotes.Length == 0 && position.Provenance.Reference is { } reference)
                    lines.Add($"    from {reference}");
            }
            foreach (var agreement in exercise.World.Agreements.Where(a => a.Covers(id) && a.Status.IsLive() && exercise.Roles.All(r => a.Parties.Contains(r.Actor))))
                lines.Add($"  In force: agreement {agreement.Id} at {Debrief.Text(agreement.Terms[id])}, binding {Listed.And(agreement.Parties.Select(p => exercise.World.Actor(p).Name))}. "
                    + "A side bound by it accepts no terms here that it likes less than the agreement, whatever its reservation value.");
        }
        lines.Add("What is private: each side's priorities, reservation values and limits are in its confidential instructions, "
            + "which only its own player reads. The other side does not know yours, and you are not told its. "
            + "When the model plays a side, it uses that side's reservation values and tells you none of them; "
            + "it accepts terms only when they are worth at least as much to it as no deal, its BATNA (best alternative to a negotiated agreement).");
        return lines.ToImmutable();
    }

    /// <summary>The role's confidential instructions: priorities, reservation values and what it must not give up.</summary>
    public static ImmutableArray<string> Confidential(Exercise exercise, string actor)
    {
        var role = exercise.Role(actor);
        var lines = ImmutableArray.CreateBuilder<string>();
        lines.Add("For your eyes only: the other side does not know these numbers.");
        lines.Add("priorities (points are multiplied by these): " + string.Join(", ", exercise.Topics.Select(t => $"{t} ×{Debrief.Text(role.Priorities[t])}")));
        lines.Add("reservation values (the worst you may agree to; when the model plays your side, the worst it accepts): " + string.Join(", ", exercise.Topics.Select(t => $"{t} {Debrief.Text(role.Reservations[t])}")));
        foreach (var limit in role.MustNotGiveUp)
            lines.Add($"must not give up: no agreement on {limit.Topic} past {Debrief.Text(limit.Value)}; {limit.Why}");
        return lines.ToImmutable();
    }
}
