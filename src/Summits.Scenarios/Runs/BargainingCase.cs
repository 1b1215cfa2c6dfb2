using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// One bargaining problem of a finished run: an agreement in force over the topics of its terms among
/// its parties, or an open table (a topic two or more actors hold positions on that no agreement in
/// force settles for all of them) among its holders, with its reference points from the final positions.
/// </summary>
/// <param name="Subject">"agreement" or "table".</param>
/// <param name="Id">The agreement's id, or the table's topic.</param>
/// <param name="Agreement">The agreement, for an agreement; null for an open table.</param>
/// <param name="SupersededOn">
/// For a partly superseded agreement, the topics of its terms on which a later agreement binds all its
/// parties (it still binds on the others; its analysis still covers all its terms); empty otherwise.
/// </param>
/// <param name="BindingOn">
/// For a partly superseded agreement, each topic on which it still binds with the parties still held to it there
/// (those not held to a later agreement on the topic); null otherwise.
/// </param>
public sealed record BargainingCase(string Subject, string Id, Agreement? Agreement, BargainingAnalysis Analysis, ImmutableArray<string> SupersededOn,
    ImmutableSortedDictionary<string, ImmutableArray<string>>? BindingOn = null)
{
    public const string AgreementSubject = "agreement";
    public const string TableSubject = "table";

    /// <summary>
    /// Every agreement in force (holding, strained, or partly superseded, which still binds on some of its
    /// topics), then every open table, in the world's order.
    /// </summary>
    /// <param name="cancellation">Checked before each agreement and table: on a world of 200 actors each takes a good part of a second.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static ImmutableArray<BargainingCase> Of(World world, ModelParameters parameters, CancellationToken cancellation = default)
    {
        var cases = ImmutableArray.CreateBuilder<BargainingCase>();
        var live = world.Agreements.Where(a => a.Status.IsLive()).ToArray();
        foreach (var agreement in live)
        {
            cancellation.ThrowIfCancellationRequested();
            var partly = agreement.Status == AgreementStatus.PartlySuperseded;
            cases.Add(new BargainingCase(AgreementSubject, agreement.Id, agreement, WorldBargaining.Of(world, agreement, parameters),
                partly ? SupersededTopics(world, agreement) : [], partly ? Binding(world, agreement) : null));
        }
        foreach (var topic in world.Topics)
        {
            cancellation.ThrowIfCancellationRequested();
            var holders = world.PositionsOn(topic.Id).Select(p => p.Actor).ToArray();
            if (holders.Length < 2 || live.Any(a => a.Covers(topic.Id) && holders.All(a.Parties.Contains)))
                continue;
            cases.Add(new BargainingCase(TableSubject, topic.Id, null, WorldBargaining.Of(world, topic.Id, parameters).Bargaining!, []));
        }
        return cases.ToImmutable();
    }

    /// <summary>
    /// The topics of <paramref name="older"/>'s terms on which it still binds, each with the parties still held to it
    /// there: those no later agreement on the topic (not breached) binds. A topic on which no party is left is
    /// superseded, or taken over party by party, and is not listed.
    /// </summary>
    private static ImmutableSortedDictionary<string, ImmutableArray<string>> Binding(World world, Agreement older)
    {
        var later = world.Agreements.SkipWhile(a => a.Id != older.Id).Skip(1).Where(a => a.Status != AgreementStatus.Breached).ToArray();
        var binding = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var topic in older.Terms.Keys)
        {
            ImmutableArray<string> held = [.. older.Parties.Where(p => !later.Any(a => a.Covers(topic) && a.Parties.Contains(p)))];
            if (held.Length > 0)
                binding[topic] = held;
        }
        return binding.ToImmutable();
    }

    /// <summary>
    /// The topics of <paramref name="older"/>'s terms on which a later agreement (in the world's order), not
    /// breached, binds all its parties: where it was superseded (the rule of <see cref="Supersession"/>), in order.
    /// </summary>
    private static ImmutableArray<string> SupersededTopics(World world, Agreement older)
    {
        var later = world.Agreements.SkipWhile(a => a.Id != older.Id).Skip(1).Where(a => a.Status != AgreementStatus.Breached).ToArray();
        return [.. older.Terms.Keys.Where(t => later.Any(a => a.Covers(t) && older.Parties.All(a.Parties.Contains))).Order(StringComparer.Ordinal)];
    }
}
