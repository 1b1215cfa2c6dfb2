using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Lets one attempt at an advance reach a world's countries and topics as grains.</summary>
/// <remarks>
/// Every call carries the attempt, so each grain knows whether the advance is new to it or a retry. The
/// access remembers every country and topic it reached, so that the world grain can commit them, or tell
/// them to drop what a failed attempt changed. Every call of the model's carries <paramref name="cancellation"/>
/// (the advance's), so a cancelled advance stops at the next call; committing and abandoning do not, since
/// once begun they must finish for the world to stay whole.
/// </remarks>
public sealed class GrainWorldAccess(IGrainFactory grains, string world, AdvanceAttempt attempt, CancellationToken cancellation = default) : IWorldAccess
{
    private readonly SortedSet<string> _countries = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _topics = new(StringComparer.Ordinal);

    public ICountryAccess Country(string actor)
    {
        lock (_countries)
            _countries.Add(actor);
        return new CountryAccess(CountryGrain(actor), attempt, cancellation);
    }

    public ITopicAccess Topic(string topic)
    {
        lock (_topics)
            _topics.Add(topic);
        return new TopicAccess(TopicGrain(topic), attempt, cancellation);
    }

    /// <summary>Writes every country and topic reached so far, in parallel.</summary>
    public Task CommitAsync() =>
        Task.WhenAll(_countries.Select(a => CountryGrain(a).Commit(attempt))
            .Concat(_topics.Select(t => TopicGrain(t).Commit(attempt))));

    /// <summary>Tells every country and topic reached so far to drop what this attempt changed in memory.</summary>
    public Task AbandonAsync() =>
        Task.WhenAll(_countries.Select(a => CountryGrain(a).Abandon(attempt))
            .Concat(_topics.Select(t => TopicGrain(t).Abandon(attempt))));

    private ICountryGrain CountryGrain(string actor) => grains.GetGrain<ICountryGrain>(GrainKeys.Of(world, actor));

    private ITopicGrain TopicGrain(string topic) => grains.GetGrain<ITopicGrain>(GrainKeys.Of(world, topic));

    private sealed class CountryAccess(ICountryGrain grain, AdvanceAttempt attempt, CancellationToken cancellation) : ICountryAccess
    {
        public Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters) =>
            grain.Evaluate(proposal, commitments, scripted, exchanges, parameters, attempt, cancellation);

        public Task<ImmutableArray<CommitmentChange>> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters) =>
            grain.Propose(proposal, commitments, parameters, attempt, cancellation);

        public Task<ShockOutcome> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters) =>
            grain.Shock(command, change, cause, commitments, parameters, attempt, cancellation);

        public Task<Position?> PositionOn(string topic) => grain.PositionOn(topic, attempt, cancellation);
    }

    private sealed class TopicAccess(ITopicGrain grain, AdvanceAttempt attempt, CancellationToken cancellation) : ITopicAccess
    {
        public Task<TopicTable> Get() => grain.GetDuring(attempt, cancellation);

        public Task<ImmutableArray<Position>> Positions() => grain.Positions(attempt, cancellation);

        public Task<bool> Record(Agreement agreement) => grain.Record(agreement, attempt, cancellation);

        public Task<ImmutableArray<CommitmentChange>> Apply(string command, ImmutableArray<CommitmentChange> changes) => grain.Apply(command, changes, attempt, cancellation);

        public Task Join(string actor) => grain.Join(actor, attempt, cancellation);
    }
}
