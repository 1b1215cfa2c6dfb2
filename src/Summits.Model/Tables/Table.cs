using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// A topic's table in one world: who holds a position on it, the agreements that cover it with
/// the history of their status, and every change of status with its cause. This is the state of
/// a topic grain and of a topic in a local run alike.
/// </summary>
[GenerateSerializer]
public sealed class Table
{
    [Id(0)] private Topic? _topic;
    [Id(1)] private readonly List<string> _participants = [];
    [Id(2)] private readonly List<Agreement> _agreements = [];
    [Id(3)] private readonly List<CommitmentChange> _history = [];

    public bool IsSeeded => _topic is not null;

    public Topic Topic => _topic ?? throw new InvalidOperationException("this table has not been seeded");

    public IReadOnlyList<string> Participants => _participants;

    public IReadOnlyList<Agreement> Agreements => _agreements;

    /// <summary>Every status change of the agreements on this topic, in order, with its cause.</summary>
    public IReadOnlyList<CommitmentChange> History => _history;

    public void Seed(Topic topic, IEnumerable<string> participants, IEnumerable<Agreement> agreements)
    {
        _topic = topic;
        _participants.Clear();
        _participants.AddRange(participants);
        _agreements.Clear();
        _agreements.AddRange(agreements);
    }

    public TopicTable Get() => new(Topic, [.. _participants], [.. _agreements]);

    public void Join(string actor)
    {
        if (!_participants.Contains(actor))
            _participants.Add(actor);
    }

    /// <summary>
    /// Records a new agreement. An earlier agreement on this topic whose parties are all bound by the
    /// new one is superseded by it. Recording the same agreement id twice changes nothing.
    /// </summary>
    public ImmutableArray<CommitmentChange> Record(Agreement agreement)
    {
        if (_agreements.Any(a => a.Id == agreement.Id))
            return [];
        var changes = ImmutableArray.CreateBuilder<CommitmentChange>();
        for (var i = 0; i < _agreements.Count; i++)
        {
            var old = _agreements[i];
            if (old.Status is AgreementStatus.Holding or AgreementStatus.Strained && old.Parties.All(agreement.Parties.Contains))
            {
                var change = new CommitmentChange(old.Id, Topic.Id, "", AgreementStatus.Superseded, agreement.Id, $"superseded by {agreement.Id}");
                _agreements[i] = old with { Status = AgreementStatus.Superseded };
                _history.Add(change);
                changes.Add(change);
            }
        }
        _agreements.Add(agreement);
        return changes.ToImmutable();
    }

    /// <summary>Applies status changes to the agreements they name; a status only ever moves forward.</summary>
    public ImmutableArray<CommitmentChange> Apply(IEnumerable<CommitmentChange> changes)
    {
        var applied = ImmutableArray.CreateBuilder<CommitmentChange>();
        foreach (var change in changes)
        {
            var i = _agreements.FindIndex(a => a.Id == change.AgreementId);
            if (i < 0 || _agreements[i].Status >= change.Status)
                continue;
            _agreements[i] = _agreements[i] with { Status = change.Status };
            _history.Add(change);
            applied.Add(change);
        }
        return applied.ToImmutable();
    }

    /// <summary>The agreements an actor is held to on this topic.</summary>
    public static IEnumerable<Commitment> CommitmentsOf(TopicTable table, string actor) =>
        table.Agreements
            .Where(a => a.Status is AgreementStatus.Holding or AgreementStatus.Strained && a.Parties.Contains(actor))
            .Select(a => new Commitment(a.Id, table.Topic.Id, a.Terms[table.Topic.Id], a.Status));
}
