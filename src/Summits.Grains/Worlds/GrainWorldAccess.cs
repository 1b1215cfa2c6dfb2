using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Lets a run reach a world's countries and topics as grains.</summary>
/// <remarks>It remembers every country and topic it reached, so that the world grain can commit them.</remarks>
public sealed class GrainWorldAccess(IGrainFactory grains, string world) : IWorldAccess
{
    private readonly SortedSet<string> _countries = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _topics = new(StringComparer.Ordinal);

    public ICountryAccess Country(string actor)
    {
        _countries.Add(actor);
        return new CountryAccess(grains.GetGrain<ICountryGrain>(GrainKeys.Of(world, actor)));
    }

    public ITopicAccess Topic(string topic)
    {
        _topics.Add(topic);
        return new TopicAccess(grains.GetGrain<ITopicGrain>(GrainKeys.Of(world, topic)));
    }

    /// <summary>Writes every country and topic reached so far, in parallel.</summary>
    public Task CommitAsync() =>
        Task.WhenAll(
            _countries.Select(a => grains.GetGrain<ICountryGrain>(GrainKeys.Of(world, a)).Commit())
                .Concat(_topics.Select(t => grains.GetGrain<ITopicGrain>(GrainKeys.Of(world, t)).Commit())));

    private sealed class CountryAccess(ICountryGrain grain) : ICountryAccess
    {
        public Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters) =>
            grain.Evaluate(proposal, commitments, scripted, exchanges, parameters);

        public Task<ImmutableArray<CommitmentChange>> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters) =>
            grain.Propose(proposal, commitments, parameters);

        public Task<ShockOutcome> Shock(ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters) =>
            grain.Shock(change, cause, commitments, parameters);

        public Task<Position?> PositionOn(string topic) => grain.PositionOn(topic);
    }

    private sealed class TopicAccess(ITopicGrain grain) : ITopicAccess
    {
        public Task<TopicTable> Get() => grain.Get();

        public Task<ImmutableArray<Position>> Positions() => grain.Positions();

        public Task<bool> Record(Agreement agreement) => grain.Record(agreement);

        public Task<ImmutableArray<CommitmentChange>> Apply(ImmutableArray<CommitmentChange> changes) => grain.Apply(changes);

        public Task Join(string actor) => grain.Join(actor);
    }
}
