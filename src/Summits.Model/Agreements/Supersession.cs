using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// What newer agreements do to an older one, decided once for the agreement across all the topics of its
/// terms, so that its status never depends on the order in which topics are listed or visited.
/// </summary>
public static class Supersession
{
    /// <summary>
    /// The status change a newer agreement <paramref name="newer"/> makes to <paramref name="older"/>, given
    /// the tables of the topics of <paramref name="older"/>'s terms (in any order) as they stand after
    /// <paramref name="newer"/> was recorded. On a topic, <paramref name="older"/> is superseded when a later
    /// agreement there, not breached, binds all its parties. Superseded on every topic: superseded; on some:
    /// partly superseded; on none, but some of its parties bound by a later agreement on one of its topics:
    /// strained, since those parties are held to the newer terms instead. A partly superseded agreement whose
    /// parties leave it on a topic where it still binds stays partly superseded, and the change says so: on
    /// that topic, who left and whom it still binds. Null when <paramref name="newer"/> changes nothing (no
    /// topic newly superseded and no party newly held elsewhere). The change names the first topic (by id)
    /// where it happened: a topic on which a party is held to newer terms for a strain or a departure, a
    /// superseded topic otherwise.
    /// </summary>
    public static CommitmentChange? Decide(Agreement older, Agreement newer, IReadOnlyList<TopicTable> tables)
    {
        var now = Bindings.Of(older, tables, null);
        var before = Bindings.Of(older, tables, newer.Id);
        var status = now.Superseded.Count == older.Terms.Count ? AgreementStatus.Superseded
            : now.Superseded.Count > 0 ? AgreementStatus.PartlySuperseded
            : now.Left.Count > 0 ? AgreementStatus.Strained
            : (AgreementStatus?)null;
        if (status is not { } next)
            return null;
        // A partly superseded agreement that stays so changes when newer supersedes it on another topic, or holds
        // some of its parties elsewhere on a topic where it still binds.
        var newlySuperseded = now.Superseded.Except(before.Superseded).ToArray();
        var newlyLeft = now.LeftOnRemaining.Except(before.LeftOnRemaining).ToArray();
        var stays = older.Status == AgreementStatus.PartlySuperseded && next == AgreementStatus.PartlySuperseded;
        if (stays ? newlySuperseded.Length == 0 && newlyLeft.Length == 0 : !older.Status.CanBecome(next))
            return null;
        // The event stands on the first topic (by id) where the change happened: where a party is held to newer
        // terms for a strain or a departure, where the agreement was superseded otherwise.
        if (stays && newlyLeft.Length > 0)
        {
            var on = newlyLeft.Select(l => l.Topic).Min(StringComparer.Ordinal)!;
            var parties = newlyLeft.Select(l => l.Party).Distinct().Order(StringComparer.Ordinal);
            return new CommitmentChange(older.Id, on, newlyLeft.Where(l => l.Topic == on).Select(l => l.Party).Min(StringComparer.Ordinal)!, next, newer.Id,
                $"{Listed.And(parties)} now held to {newer.Id} instead; superseded on {Listed.And(now.Superseded)}; {now.Remaining(older)}");
        }
        var why = next switch
        {
            AgreementStatus.Superseded => $"superseded by {newer.Id}",
            AgreementStatus.PartlySuperseded => $"partly superseded by {newer.Id}: on {Listed.And(now.Superseded)}; {now.Remaining(older)}",
            _ => $"{Listed.And(now.Left)} now held to {newer.Id} instead",
        };
        var topic = next == AgreementStatus.Strained ? now.StrainedOn.Min! : stays ? newlySuperseded.Min(StringComparer.Ordinal)! : now.Superseded.Min!;
        return new CommitmentChange(older.Id, topic, next == AgreementStatus.Strained ? now.Left.Min! : "", next, newer.Id, why);
    }

    /// <summary>
    /// Where the parties of an agreement are still held to it: the topics on which later agreements supersede it,
    /// the parties held to a later agreement on any of its topics, and those held elsewhere on a topic it still binds.
    /// </summary>
    /// <param name="Superseded">The topics on which a later agreement, not breached, binds all its parties.</param>
    /// <param name="Left">The parties held to a later agreement on one of its topics.</param>
    /// <param name="StrainedOn">The topics on which some party is held to a later agreement.</param>
    /// <param name="LeftOnRemaining">On the topics not superseded, each party held to a later agreement there.</param>
    private sealed record Bindings(SortedSet<string> Superseded, SortedSet<string> Left, SortedSet<string> StrainedOn,
        HashSet<(string Topic, string Party)> LeftOnRemaining)
    {
        /// <summary>The bindings of <paramref name="older"/> in <paramref name="tables"/>, leaving out the agreement <paramref name="without"/> (null: none).</summary>
        public static Bindings Of(Agreement older, IReadOnlyList<TopicTable> tables, string? without)
        {
            var result = new Bindings(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);
            foreach (var table in tables)
            {
                var later = table.Agreements.SkipWhile(a => a.Id != older.Id).Skip(1)
                    .Where(a => a.Status != AgreementStatus.Breached && a.Id != without).ToArray();
                var superseded = later.Any(a => older.Parties.All(a.Parties.Contains));
                if (superseded)
                    result.Superseded.Add(table.Topic.Id);
                var held = older.Parties.Where(party => later.Any(a => a.Parties.Contains(party))).ToList();
                if (held.Count > 0)
                    result.StrainedOn.Add(table.Topic.Id);
                result.Left.UnionWith(held);
                if (!superseded)
                    result.LeftOnRemaining.UnionWith(held.Select(p => (table.Topic.Id, p)));
            }
            return result;
        }

        /// <summary>
        /// Where <paramref name="older"/> still binds, in topic order: "still binding on y" when all its parties are
        /// held to it there, "still binding on y for C alone (A and B held elsewhere)" when some have left; several topics listed as "x and y".
        /// </summary>
        public string Remaining(Agreement older) =>
            "still binding on " + Listed.And(older.Terms.Keys.Except(Superseded).Order(StringComparer.Ordinal).Select(t =>
            {
                var gone = LeftOnRemaining.Where(l => l.Topic == t).Select(l => l.Party).ToHashSet(StringComparer.Ordinal);
                return gone.Count == 0 ? t
                    : $"{t} for {Listed.And(older.Parties.Where(p => !gone.Contains(p)))} alone ({Listed.And(older.Parties.Where(gone.Contains))} held elsewhere)";
            }));
    }

    /// <summary>The live agreements in <paramref name="tables"/> other than <paramref name="newer"/> that share a party with it, ordered by id.</summary>
    public static ImmutableArray<Agreement> Affected(Agreement newer, IEnumerable<TopicTable> tables) =>
        [.. tables.SelectMany(t => t.Agreements)
            .Where(a => a.Id != newer.Id && a.Status.IsLive() && a.Parties.Any(newer.Parties.Contains))
            .DistinctBy(a => a.Id)
            .OrderBy(a => a.Id, StringComparer.Ordinal)];
}
