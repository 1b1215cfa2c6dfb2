using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>A topic's table in one world, keyed <c>{world}/{topic}</c>: it owns the agreements on the topic and their history.</summary>
[Alias("summits.topic-grain")]
public interface ITopicGrain : IGrainWithStringKey
{
    [Alias("Seed")]
    Task Seed(Topic topic, ImmutableArray<string> participants, ImmutableArray<Agreement> agreements);

    [Alias("Get")]
    Task<TopicTable> Get();

    /// <summary>Every participant's position on this topic, asked of the country grains in parallel.</summary>
    [Alias("Positions")]
    Task<ImmutableArray<Position>> Positions();

    /// <summary>Every status change of the agreements on this topic, in order, with its cause.</summary>
    [Alias("History")]
    Task<ImmutableArray<CommitmentChange>> History();

    /// <summary>Records a new agreement; false when one with its id is recorded already.</summary>
    [Alias("Record")]
    Task<bool> Record(Agreement agreement);

    [Alias("Apply")]
    Task<ImmutableArray<CommitmentChange>> Apply(ImmutableArray<CommitmentChange> changes);

    [Alias("Join")]
    Task Join(string actor);

    /// <summary>Writes what the run's last advance changed (see <see cref="ICountryGrain.Commit"/>).</summary>
    [Alias("Commit")]
    Task Commit();
    /// <summary>Clears this table's stored state and deactivates it.</summary>
    [Alias("Retire")]
    Task Retire();
}
