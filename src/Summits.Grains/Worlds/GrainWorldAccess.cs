using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Lets a run reach a world's countries and topics as grains.</summary>
public sealed class GrainWorldAccess(IGrainFactory grains, string world) : IWorldAccess
{
    public ICountryAccess Country(string actor) => new CountryAccess(grains.GetGrain<ICountryGrain>(GrainKeys.Of(world, actor)));

    public ITopicAccess Topic(string topic) => new TopicAccess(grains.GetGrain<ITopicGrain>(GrainKeys.Of(world, topic)));

    private sealed class CountryAccess(ICountryGrain grain) : ICountryAccess
    {
        public Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, double mirroredConcession, ModelParameters parameters) =>
            grain.Evaluate(proposal, commitments, scripted, mirroredConcession, parameters);

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

        public Task<ImmutableArray<CommitmentChange>> Record(Agreement agreement) => grain.Record(agreement);

        public Task<ImmutableArray<CommitmentChange>> Apply(ImmutableArray<CommitmentChange> changes) => grain.Apply(changes);

        public Task Join(string actor) => grain.Join(actor);
    }
}
