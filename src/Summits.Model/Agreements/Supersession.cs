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
    /// strained, since those parties are held to the newer terms instead. Null when nothing changes. The
    /// change names the first topic (by id) where it happened: a topic on which a party is held to newer terms
    /// for a strain, a superseded topic otherwise.
    /// </summary>
    public static CommitmentChange? Decide(Agreement older, Agreement newer, IReadOnlyList<TopicTable> tables)
    {
        var superseded = new SortedSet<string>(StringComparer.Ordinal);
        var left = new SortedSet<string>(StringComparer.Ordinal);
        var strainedOn = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var later = table.Agreements.SkipWhile(a => a.Id != older.Id).Skip(1).Where(a => a.Status != AgreementStatus.Breached).ToArray();
            if (later.Any(a => older.Parties.All(a.Parties.Contains)))
                superseded.Add(table.Topic.Id);
            var held = older.Parties.Where(party => later.Any(a => a.Parties.Contains(party))).ToList();
            if (held.Count > 0)
                strainedOn.Add(table.Topic.Id);
            left.UnionWith(held);
        }
        var status = superseded.Count == older.Terms.Count ? AgreementStatus.Superseded
            : superseded.Count > 0 ? AgreementStatus.PartlySuperseded
            : left.Count > 0 ? AgreementStatus.Strained
            : (AgreementStatus?)null;
        if (status is not { } next || !older.Status.CanBecome(next))
            return null;
        var why = next switch
        {
            AgreementStatus.Superseded => $"superseded by {newer.Id}",
            AgreementStatus.PartlySuperseded => $"partly superseded by {newer.Id}: on {string.Join(", ", superseded)}; still binding on {string.Join(", ", older.Terms.Keys.Except(superseded))}",
            _ => $"{string.Join(", ", left)} now held to {newer.Id} instead",
        };
        // The event stands on the first topic (by id) where the change happened: where a party is held to
        // newer terms for a strain, where the agreement was superseded otherwise.
        var topic = next == AgreementStatus.Strained ? strainedOn.Min! : superseded.Min!;
        return new CommitmentChange(older.Id, topic, next == AgreementStatus.Strained ? left.Min! : "", next, newer.Id, why);
    }

    /// <summary>The live agreements in <paramref name="tables"/> other than <paramref name="newer"/> that share a party with it, ordered by id.</summary>
    public static ImmutableArray<Agreement> Affected(Agreement newer, IEnumerable<TopicTable> tables) =>
        [.. tables.SelectMany(t => t.Agreements)
            .Where(a => a.Id != newer.Id && a.Status.IsLive() && a.Parties.Any(newer.Parties.Contains))
            .DistinctBy(a => a.Id)
            .OrderBy(a => a.Id, StringComparer.Ordinal)];
}
