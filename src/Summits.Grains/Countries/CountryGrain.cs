using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one country's delegation in one world: loads it, lets the model decide, persists the result.</summary>
[GrainType("country")]
public sealed class CountryGrain(
    [PersistentState("country", StorageNames.Summits)] IPersistentState<Delegation> state) : Grain, ICountryGrain
{
    private bool _dirty;

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

    public Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters)
    {
        using var span = SummitsTelemetry.StartSpan(SummitsTelemetry.EvaluateSpan, GrainKeys.Split(this.GetPrimaryKeyString()).World);
        var evaluation = Delegation.Evaluate(proposal, commitments, scripted, exchanges, parameters);
        span?.SetTag(SummitsTelemetry.Actor, evaluation.Actor)
            .SetTag(SummitsTelemetry.Topic, string.Join(',', proposal.Topics))
            .SetTag(SummitsTelemetry.ProposalId, proposal.Id)
            .SetTag(SummitsTelemetry.Outcome, KebabOutcome(evaluation.Response));
        _dirty = true;
        return Task.FromResult(evaluation);
    }

    private static string KebabOutcome(Response response) => response switch
    {
        Response.Accept => SummitsTelemetry.Outcomes.Accept,
        Response.Reject => SummitsTelemetry.Outcomes.Reject,
        _ => SummitsTelemetry.Outcomes.Counter,
    };

    public Task<ImmutableArray<CommitmentChange>> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters)
    {
        var changes = Delegation.Propose(proposal, commitments, parameters);
        _dirty = true;
        return Task.FromResult(changes);
    }

    public async Task Retire()
    {
        await state.ClearStateAsync();
        _dirty = false;
        this.DeactivateOnIdle();
    }

    public Task<ShockOutcome> Shock(ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters)
    {
        var outcome = Delegation.Shock(change, cause, commitments, parameters);
        _dirty = true;
        return Task.FromResult(outcome);
    }

    public async Task Commit()
    {
        if (!_dirty)
            return;
        Delegation.Settle();
        await state.WriteStateAsync();
        _dirty = false;
    }
}
