using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// A topic's table in one world: who holds a position on it and the agreements that cover it, each with
/// its status now. This is the state of a topic grain and of a topic in a local run alike. Every change of
/// status it applies is returned to the run, whose timeline holds it with its cause; the table keeps no
/// history, so its state grows only with the agreements made, which a run's final state lists.
/// </summary>
[GenerateSerializer, Alias("summits.table")]
public sealed class Table
{
    [Id(0)] private Topic? _topic;
    [Id(1)] private readonly List<string> _participants = [];
    [Id(2)] private readonly List<Agreement> _agreements = [];
    // Id 3 held every change of status with its cause; it is retired (state written before still carries
    // it): the timeline holds each change, as an agreement event.
    [Id(4)] private readonly Dictionary<string, ImmutableArray<CommitmentChange>> _applied = new(StringComparer.Ordinal);
    // What Get last answered, until the table next changes: every proposal on the topic asks for it, and the table
    // changes only when an actor joins or an agreement is recorded or changes status. Not state: never written.
    [NonSerialized] private TopicTable? _got;

    public bool IsSeeded => _topic is not null;

    public Topic Topic => _topic ?? throw new InvalidOperationException("this table has not been seeded");

    public IReadOnlyList<string> Participants => _participants;

    public IReadOnlyList<Agreement> Agreements => _agreements;

    public void Seed(Topic topic, IEnumerable<string> participants, IEnumerable<Agreement> agreements)
    {
        _topic = topic;
        _participants.Clear();
        _participants.AddRange(participants);
        _agreements.Clear();
        _agreements.AddRange(agreements);
        _got = null;
    }

    /// <summary>The table as it stands: its topic, participants and agreements, the same object until the table changes.</summary>
    public TopicTable Get() => _got ??= new(Topic, [.. _participants], [.. _agreements]);

    public void Join(string actor)
    {
        if (_participants.Contains(actor))
            return;
        _participants.Add(actor);
        _got = null;
    }

    /// <summary>
    /// Records a new agreement after every earlier one. What it does to earlier agreements is decided across
    /// all their topics (<see cref="Supersession"/>) and applied with <see cref="Apply"/>. Recording the same
    /// agreement id twice changes nothing and returns false.
    /// </summary>
    public bool Record(Agreement agreement)
    {
        if (_agreements.Any(a => a.Id == agreement.Id))
            return false;
        _agreements.Add(agreement);
        _got = null;
        return true;
    }

    /// <summary>
    /// The view <paramref name="table"/> becomes once <paramref name="agreement"/> is recorded on it by
    /// <see cref="Record"/>: the agreement added after every earlier one, unless its id is already there. A run
    /// decides what an agreement does to older ones on these views before the topics record it.
    /// </summary>
    public static TopicTable Recording(TopicTable table, Agreement agreement)
    {
        var recording = new Table();
        recording.Seed(table.Topic, table.Participants, table.Agreements);
        recording.Record(agreement);
        return recording.Get();
    }

    /// <summary>
    /// Applies status changes to the agreements they name, where <see cref="AgreementStatuses.Admits"/> allows,
    /// and returns those applied. A strain names the party that strayed, which the agreement keeps
    /// (<see cref="Agreement.Strayed"/>) until it holds again: a strained agreement takes a strain by a party that
    /// has not strayed yet (it stays strained, and the change is news: that party has strayed too), and no second one
    /// by the same party. The same <paramref name="command"/> id again within an advance returns the
    /// first answer and changes nothing, so that a strain delivered again after a recovery does not strain
    /// the agreement a second time.
    /// </summary>
    /// <param name="command">The id of this set of changes, unique within the advance.</param>
    public ImmutableArray<CommitmentChange> Apply(string command, IEnumerable<CommitmentChange> changes)
    {
        if (_applied.TryGetValue(command, out var earlier))
            return earlier;
        var applied = ImmutableArray.CreateBuilder<CommitmentChange>();
        foreach (var change in changes)
        {
            var i = _agreements.FindIndex(a => a.Id == change.AgreementId);
            if (i < 0)
                continue;
            var agreement = _agreements[i];
            var strays = change.Status == AgreementStatus.Strained && change.Actor.Length > 0 && !agreement.HasStrayed(change.Actor);
            if (!agreement.Status.Admits(change.Status) && !(agreement.Status == AgreementStatus.Strained && strays))
                continue;
            _agreements[i] = agreement with
            {
                Status = change.Status,
                Strayed = change.Status switch
                {
                    AgreementStatus.Strained when strays => (agreement.Strayed ?? []).Add(change.Actor),
                    AgreementStatus.Holding => null,
                    _ => agreement.Strayed,
                },
            };
            applied.Add(change);
            _got = null;
        }
        return _applied[command] = applied.ToImmutable();
    }

    /// <summary>Forgets the answers of the last advance as a new one begins (see <see cref="Delegation.BeginAdvance"/>).</summary>
    public void BeginAdvance() => _applied.Clear();

    /// <summary>
    /// The agreement an actor is held to on this topic: the latest live one it is party to, so that an actor
    /// is bound to one value per topic. Null when none binds it (also when the latest agreement it is party to
    /// is no longer live).
    /// </summary>
    public static Commitment? CommitmentOf(TopicTable table, string actor)
    {
        for (var i = table.Agreements.Length - 1; i >= 0; i--)
        {
            var a = table.Agreements[i];
            if (!a.Parties.Contains(actor))
                continue;
            return a.Status.IsLive()
                ? new Commitment(a.Id, table.Topic.Id, a.Terms[table.Topic.Id], a.Status, a.HasStrayed(actor), AnotherStrayed(a, actor))
                : null;
        }
        return null;
    }

    /// <summary>
    /// Whether a party other than <paramref name="actor"/> has strayed from <paramref name="agreement"/>: a loop rather
    /// than a query, whose closure over the actor was made at every call of <see cref="CommitmentOf"/>, agreement or none.
    /// </summary>
    private static bool AnotherStrayed(Agreement agreement, string actor)
    {
        if (agreement.Strayed is not { } strayed)
            return false;
        foreach (var party in strayed)
        {
            if (party != actor)
                return true;
        }
        return false;
    }

    /// <summary>The agreement an actor is held to on this topic (<see cref="CommitmentOf"/>) as a sequence: empty when none binds it.</summary>
    public static IEnumerable<Commitment> CommitmentsOf(TopicTable table, string actor) =>
        CommitmentOf(table, actor) is { } commitment ? [commitment] : [];

    /// <summary>The agreements an actor is held to on the topics of <paramref name="tables"/>: its <see cref="CommitmentOf"/> on each, in their order.</summary>
    public static ImmutableArray<Commitment> CommitmentsOf(IReadOnlyList<TopicTable> tables, string actor)
    {
        var commitments = ImmutableArray<Commitment>.Empty;
        for (var i = 0; i < tables.Count; i++)
        {
            if (CommitmentOf(tables[i], actor) is { } commitment)
                commitments = commitments.Add(commitment);
        }
        return commitments;
    }
}
