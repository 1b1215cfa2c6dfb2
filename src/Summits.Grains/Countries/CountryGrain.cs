using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one country's delegation in one world: loads it, lets the model decide, persists the result.</summary>
public sealed class CountryGrain(
    [PersistentState("country", StorageNames.Summits)] IPersistentState<Delegation> state) : Grain, ICountryGrain
{
    private Delegation Delegation => state.State.IsSeeded
        ? state.State
        : throw new InvalidOperationException($"country {this.GetPrimaryKeyString()} has not been seeded");

    public async Task Seed(Actor actor, ImmutableArray<Position> positions)
    {
        state.State.Seed(actor, positions);
        await state.WriteStateAsync();
    }

    public Task<CountrySnapshot> Get() =>
        Task.FromResult(new CountrySnapshot(Delegation.Actor, [.. Delegation.Positions.Values]));

    public Task<Position?> PositionOn(string topic) => Task.FromResult(Delegation.PositionOn(topic));

    public Task<ImmutableArray<Move>> History() => Task.FromResult<ImmutableArray<Move>>([.. Delegation.History]);

    public async Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, double mirroredConcession, ModelParameters parameters)
    {
        var evaluation = Delegation.Evaluate(proposal, commitments, scripted, mirroredConcession, parameters);
        await state.WriteStateAsync();
        return evaluation;
    }

    public async Task<ImmutableArray<CommitmentChange>> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters)
    {
        var changes = Delegation.Propose(proposal, commitments, parameters);
        await state.WriteStateAsync();
        return changes;
    }

    public async Task Retire()
    {
        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    public async Task<ShockOutcome> Shock(ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters)
    {
        var outcome = Delegation.Shock(change, cause, commitments, parameters);
        await state.WriteStateAsync();
        return outcome;
    }
}
