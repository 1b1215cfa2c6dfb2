using Orleans.Placement;
using System.Collections.Immutable;
using Orleans.Serialization;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one country's delegation in one world: loads it, lets the model decide, persists the result.</summary>
// A country lives on the silo of the world that first calls it, so a world's calls to its countries stay on one silo.
[PreferLocalPlacement]
[GrainType("country")]
public sealed class CountryGrain : Grain, ICountryGrain
{
    private readonly CheckpointedState<Delegation> _state;

    public CountryGrain(
        [PersistentState("country", StorageNames.Summits)] IPersistentState<Delegation> state,
        [PersistentState("country-checkpoint", StorageNames.Summits)] IPersistentState<Checkpoint<Delegation>> checkpoint,
        DeepCopier copier) =>
        _state = new CheckpointedState<Delegation>(state, checkpoint, copier, DeactivateOnIdle, d => d.BeginAdvance());

    private Delegation Delegation => Seeded(_state.State);

    private Delegation Enter(AdvanceAttempt attempt, bool counted = false) => Seeded(_state.Enter(attempt, counted));

    private Delegation Seeded(Delegation delegation) => delegation.IsSeeded
        ? delegation
        : throw new InvalidOperationException($"country {this.GetPrimaryKeyString()} has not been seeded");

    public async Task Seed(Actor actor, ImmutableArray<Position> positions, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        await _state.SeedAsync(d => d.Seed(actor, positions));
    }

    public Task<CountrySnapshot> Get(CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<CountrySnapshot>(cancellation) : Task.FromResult(Snapshot(Delegation));

    public Task<CountrySnapshot> AsOf(int advances, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<CountrySnapshot>(cancellation) : Task.FromResult(Snapshot(Seeded(_state.AsOf(advances, $"country {this.GetPrimaryKeyString()}"))));

    /// <summary>What <see cref="Get"/> and <see cref="AsOf"/> answer for <paramref name="delegation"/>: its actor and its positions in the delegation's order.</summary>
    internal static CountrySnapshot Snapshot(Delegation delegation) => new(delegation.Actor, [.. delegation.Positions.Values]);

    public Task<During<Position?>> PositionOn(string topic, AdvanceAttempt attempt, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<During<Position?>>(cancellation) : Task.FromResult(_state.Answer(Enter(attempt).PositionOn(topic)));

    public Task<During<Actor>> ActorDuring(AdvanceAttempt attempt, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<During<Actor>>(cancellation) : Task.FromResult(_state.Answer(Enter(attempt).Actor));

    public Task<During<Evaluation>> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var delegation = Enter(attempt, counted: true);
        using var span = SummitsTelemetry.StartSpan(SummitsTelemetry.EvaluateSpan, WorldKey.Split(this.GetPrimaryKeyString()).World.Value);
        var evaluation = delegation.Evaluate(proposal, commitments, scripted, exchanges, parameters);
        span?.SetTag(SummitsTelemetry.Actor, evaluation.Actor)
            .SetTag(SummitsTelemetry.Topic, string.Join(',', proposal.Topics))
            .SetTag(SummitsTelemetry.ProposalId, proposal.Id)
            .SetTag(SummitsTelemetry.Outcome, KebabOutcome(evaluation.Response));
        _state.Changed();
        return Task.FromResult(_state.Answer(evaluation));
    }

    private static string KebabOutcome(Response response) => response switch
    {
        Response.Accept => SummitsTelemetry.Outcomes.Accept,
        Response.Reject => SummitsTelemetry.Outcomes.Reject,
        _ => SummitsTelemetry.Outcomes.Counter,
    };

    public Task<During<Proposed>> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var delegation = Enter(attempt, counted: true);
        var changes = delegation.Propose(proposal, commitments, parameters);
        _state.Changed();
        return Task.FromResult(_state.Answer(new Proposed(changes, delegation.Actor.Capability)));
    }

    public Task<During<ShockOutcome>> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var outcome = Enter(attempt, counted: true).Shock(command, change, cause, commitments, parameters);
        _state.Changed();
        return Task.FromResult(_state.Answer(outcome));
    }

    public Task Commit(AdvanceAttempt attempt, int calls) => _state.CommitAsync(attempt, calls, $"country {this.GetPrimaryKeyString()}");

    public Task<During<Delegation>> StateDuring(AdvanceAttempt attempt, CancellationToken cancellation = default) => _state.CopyDuring(attempt, Seeded, cancellation);

    // A grain that holds no seeding (lost, and activated again by this call) refuses the hand-back, as any call of an
    // advance refuses: the world made the copy from its seeding without asking it.
    public Task<During<bool>> Hold(Delegation state, AdvanceAttempt attempt) =>
        Task.FromResult(_state.Hold(state, attempt, held => Seeded(held)));

    // Refused by a grain that holds no seeding, as Hold is.
    public Task CommitHeld(Delegation state, AdvanceAttempt attempt, int calls) =>
        _state.CommitHeldAsync(state, attempt, calls, held => Seeded(held), $"country {this.GetPrimaryKeyString()}");

    public Task Abandon(AdvanceAttempt attempt)
    {
        _state.Abandon(attempt);
        return Task.CompletedTask;
    }

    public async Task<CountrySnapshot> Final(int advances)
    {
        var final = Snapshot(Seeded(_state.AsOf(advances, $"country {this.GetPrimaryKeyString()}")));
        await _state.ClearAsync();
        return final;
    }

    public async Task Retire()
    {
        // A grain Final has read back holds nothing, in storage or in memory: it only has to go.
        if (!_state.Cleared)
            await _state.ClearAsync();
        DeactivateOnIdle();
    }
}
