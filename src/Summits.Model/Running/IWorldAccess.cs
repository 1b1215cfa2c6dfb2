using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// How a run reaches the countries and topics of its world. A local run reaches objects in
/// memory; a hosted run reaches grains. The run's logic is the same either way.
/// </summary>
public interface IWorldAccess
{
    ICountryAccess Country(string actor);

    ITopicAccess Topic(string topic);
}

/// <summary>The operations a run asks of a country.</summary>
public interface ICountryAccess
{
    /// <summary>The recipient's answer to a proposal, with its capability as it answered (<see cref="Evaluation.Capability"/>).</summary>
    Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters);

    /// <summary>
    /// Records a proposal this country makes, and answers with its capability as it proposed: a run that does not
    /// know it yet sends <paramref name="proposal"/> with <see cref="Proposal.ProposerCapability"/> unset (0), which
    /// the proposer does not read, and sets it from the answer before it delivers the proposal to the recipients.
    /// </summary>
    Task<Proposed> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters);

    /// <summary>Applies one shock change; <paramref name="command"/> is its id, unique within the advance, and the same id again changes nothing.</summary>
    Task<ShockOutcome> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters);

    Task<Position?> PositionOn(string topic);

    /// <summary>
    /// The country's actor (capability on 0–1, affinities on −1–1, strategy, curvature) as the advance in progress
    /// sees it. The country is the one owner of these values: a run keeps no copy of them between advances. A
    /// scripted proposal reads none: its proposer's and recipients' capabilities come with their answers.
    /// </summary>
    Task<Actor> Actor();
}

/// <summary>The operations a run asks of a topic's table.</summary>
public interface ITopicAccess
{
    Task<TopicTable> Get();

    Task<ImmutableArray<Position>> Positions();

    /// <summary>Records a new agreement; false when one with its id is recorded already.</summary>
    Task<bool> Record(Agreement agreement);

    /// <summary>Applies status changes; <paramref name="command"/> is their id, unique within the advance, and the same id again changes nothing.</summary>
    Task<ImmutableArray<CommitmentChange>> Apply(string command, ImmutableArray<CommitmentChange> changes);

    /// <summary>
    /// Records a new agreement, then applies the status changes it makes to older agreements on this topic, as
    /// <see cref="Record"/> then <see cref="Apply"/> would (each as idempotent: the agreement by its id, the changes by
    /// <paramref name="command"/>), so that an access that reaches its topic by a call makes one where those would make
    /// two. With no <paramref name="changes"/> it applies nothing and answers none.
    /// </summary>
    /// <returns>The changes applied, as <see cref="Apply"/> answers them.</returns>
    async Task<ImmutableArray<CommitmentChange>> RecordApplying(Agreement agreement, string command, ImmutableArray<CommitmentChange> changes)
    {
        await Record(agreement);
        return changes.IsEmpty ? [] : await Apply(command, changes);
    }

    Task Join(string actor);
}
