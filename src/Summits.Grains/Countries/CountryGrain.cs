using Orleans.Placement;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one country's delegation in one world: loads it, lets the model decide, persists the result.</summary>
// A country lives on the silo of the world that first calls it, so a world's calls to its countries stay on one silo.
[PreferLocalPlacement]
[GrainType("country")]
public sealed partial class CountryGrain : Grain, ICountryGrain
{
    private readonly CheckpointedState<Delegation> _state;
    private readonly ILogger<CountryGrain> _logger;
    // The check a hand-back makes of the delegation held (Hold, CommitHeld), made once.
    private readonly Action<Delegation> _checkSeeded;
    // How a grain that holds no seeding of its world's run takes it (SeedingFromWorld).
    private static readonly Func<CountryGrain, Task> SeedFromWorld = grain => grain.SeedFromWorldAsync();

    public CountryGrain(
        [PersistentState("country", StorageNames.Summits)] IPersistentState<Delegation> state,
        [PersistentState("country-checkpoint", StorageNames.Summits)] IPersistentState<Checkpoint<Delegation>> checkpoint,
        DeepCopier copier,
        ILogger<CountryGrain> logger)
    {
        _state = new CheckpointedState<Delegation>(state, checkpoint, copier, DeactivateOnIdle, d => d.BeginAdvance());
        _logger = logger;
        _checkSeeded = held => Seeded(held);
    }

    private string Key => this.GetPrimaryKeyString();

    private Delegation Delegation => Seeded(_state.State);

    private Delegation Enter(AdvanceAttempt attempt, bool counted = false) => Seeded(_state.Enter(attempt, counted));

    private Delegation Seeded(Delegation delegation) => delegation.IsSeeded ? delegation : throw NotSeeded();

    private InvalidOperationException NotSeeded() => new($"country {Key} has not been seeded");

    /// <summary>
    /// Whether the grain holds a seeding of <paramref name="attempt"/>'s run: seeded, and kept where the attempt's world keeps
    /// its grains (<see cref="CheckpointedState{T}.Serves"/>).
    /// </summary>
    private bool HoldsSeedingOf(AdvanceAttempt attempt) => _state.State.IsSeeded && _state.Serves(attempt);

    /// <summary>
    /// Runs <paramref name="call"/> on <paramref name="arguments"/> once the grain holds a seeding of
    /// <paramref name="attempt"/>'s run, asking its world for it first when it holds none (<see cref="SeedingFromWorld"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The grain holds no seeding of the run and its world has none to give (a durable world, or none in progress).</exception>
    private Task<TResult> WhenSeeded<TArguments, TResult>(AdvanceAttempt attempt, TArguments arguments, Func<CountryGrain, TArguments, TResult> call) =>
        SeedingFromWorld.WhenSeeded(this, HoldsSeedingOf(attempt), SeedFromWorld, arguments, call);

    /// <summary>Seeds the grain, in memory, with what its world says it was seeded with (<see cref="WhenSeeded"/>), and says so in the log.</summary>
    /// <exception cref="InvalidOperationException">The world has no seeding to give.</exception>
    private async Task SeedFromWorldAsync()
    {
        var (world, actor) = WorldKey.Split(Key);
        var seeding = await GrainFactory.GetGrain<IWorldGrain>(world.Value).CountrySeeding(actor) ?? throw NotSeeded();
        // Its world keeps it in memory alone, as the seeding that was left out would have.
        using (InMemoryWorlds.Begin())
            await _state.SeedAsync(seeding.Into);
        LogSeededFromWorld(_logger, Key, world.Value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Country {Country} held nothing of its world's run (its activation was lost since the world seeded it) and took its seeding from world {World}")]
    private static partial void LogSeededFromWorld(ILogger logger, string country, string world);

    public async Task Seed(Actor actor, ImmutableArray<Position> positions, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        await _state.SeedAsync(d => d.Seed(actor, positions));
    }

    public Task<CountrySnapshot> Get(CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<CountrySnapshot>(cancellation) : Task.FromResult(Snapshot(Delegation));

    public Task<CountrySnapshot> AsOf(int advances, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<CountrySnapshot>(cancellation) : Task.FromResult(Snapshot(Seeded(_state.AsOf(advances, $"country {Key}"))));

    /// <summary>What <see cref="Get"/> and <see cref="AsOf"/> answer for <paramref name="delegation"/>: its actor and its positions in the delegation's order.</summary>
    internal static CountrySnapshot Snapshot(Delegation delegation) => new(delegation.Actor, [.. delegation.Positions.Values]);

    // Every call of an advance first takes the world's seeding when the grain holds none of the run (SeedingFromWorld).
    public Task<During<Position?>> PositionOn(string topic, AdvanceAttempt attempt, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<During<Position?>>(cancellation)
        : WhenSeeded(attempt, (topic, attempt), static (grain, call) => grain._state.Answer(grain.Enter(call.attempt).PositionOn(call.topic)));

    public Task<During<Actor>> ActorDuring(AdvanceAttempt attempt, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<During<Actor>>(cancellation)
        : WhenSeeded(attempt, attempt, static (grain, call) => grain._state.Answer(grain.Enter(call).Actor));

    public Task<During<Evaluation>> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters, AdvanceAttempt attempt, HandedBack<Delegation>? handedBack = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return WhenSeeded(attempt, (proposal, commitments, scripted, exchanges, parameters, attempt, handedBack),
            static (grain, call) => grain.EvaluateSeeded(call.proposal, call.commitments, call.scripted, call.exchanges, call.parameters, call.attempt, call.handedBack));
    }

    private During<Evaluation> EvaluateSeeded(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters, AdvanceAttempt attempt, HandedBack<Delegation>? handedBack)
    {
        TakeBack(handedBack);
        var delegation = Enter(attempt, counted: true);
        using var span = SummitsTelemetry.StartSpan(SummitsTelemetry.EvaluateSpan, WorldKey.Split(Key).World.Value);
        var evaluation = delegation.Evaluate(proposal, commitments, scripted, exchanges, parameters);
        span?.SetTag(SummitsTelemetry.Actor, evaluation.Actor)
            .SetTag(SummitsTelemetry.Topic, string.Join(',', proposal.Topics))
            .SetTag(SummitsTelemetry.ProposalId, proposal.Id)
            .SetTag(SummitsTelemetry.Outcome, KebabOutcome(evaluation.Response));
        _state.Changed();
        return _state.Answer(evaluation);
    }

    private static string KebabOutcome(Response response) => response switch
    {
        Response.Accept => SummitsTelemetry.Outcomes.Accept,
        Response.Reject => SummitsTelemetry.Outcomes.Reject,
        _ => SummitsTelemetry.Outcomes.Counter,
    };

    public Task<During<Proposed>> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters, AdvanceAttempt attempt, HandedBack<Delegation>? handedBack = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return WhenSeeded(attempt, (proposal, commitments, parameters, attempt, handedBack),
            static (grain, call) => grain.ProposeSeeded(call.proposal, call.commitments, call.parameters, call.attempt, call.handedBack));
    }

    private During<Proposed> ProposeSeeded(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters, AdvanceAttempt attempt, HandedBack<Delegation>? handedBack)
    {
        TakeBack(handedBack);
        var delegation = Enter(attempt, counted: true);
        var changes = delegation.Propose(proposal, commitments, parameters);
        _state.Changed();
        return _state.Answer(new Proposed(changes, delegation.Actor.Capability));
    }

    public Task<During<ShockOutcome>> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return WhenSeeded(attempt, (command, change, cause, commitments, parameters, attempt),
            static (grain, call) => grain.ShockSeeded(call.command, call.change, call.cause, call.commitments, call.parameters, call.attempt));
    }

    private During<ShockOutcome> ShockSeeded(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters, AdvanceAttempt attempt)
    {
        var outcome = Enter(attempt, counted: true).Shock(command, change, cause, commitments, parameters);
        _state.Changed();
        return _state.Answer(outcome);
    }

    public Task Commit(AdvanceAttempt attempt, int calls) => _state.CommitAsync(attempt, calls, $"country {Key}");

    public async Task<CountrySnapshot> CommitAndGet(AdvanceAttempt attempt, int calls)
    {
        await Commit(attempt, calls);
        return Snapshot(Delegation);
    }

    public Task<During<Delegation>> StateDuring(AdvanceAttempt attempt, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<During<Delegation>>(cancellation)
        : SeedingFromWorld.WhenSeededAsync(this, HoldsSeedingOf(attempt), SeedFromWorld, (attempt, cancellation),
            static (grain, call) => grain._state.CopyDuring(call.attempt, grain.Seeded, call.cancellation));

    // A grain that holds no seeding of the run (lost, and activated again by this call) takes its world's seeding first,
    // as any call of an advance does, and refuses the hand-back when there is none: the world made the copy from its
    // seeding without asking it.
    public Task<During<bool>> Hold(Delegation state, AdvanceAttempt attempt) =>
        WhenSeeded(attempt, (state, attempt), static (grain, call) => grain._state.Hold(call.state, call.attempt, grain._checkSeeded));

    // A delegation handed back with a call (HandedBack): taken as Hold takes one, under the attempt of the step's advance,
    // before the call is served under its own.
    private void TakeBack(HandedBack<Delegation>? handedBack)
    {
        if (handedBack is not null)
            _state.Hold(handedBack.State, handedBack.Attempt, _checkSeeded);
    }

    // Takes its world's seeding first, or refuses, as Hold does.
    public Task CommitHeld(Delegation state, AdvanceAttempt attempt, int calls) =>
        HoldsSeedingOf(attempt) ? _state.CommitHeldAsync(state, attempt, calls, _checkSeeded, $"country {Key}") : CommitHeldAfterSeedingAsync(state, attempt, calls);

    private async Task CommitHeldAfterSeedingAsync(Delegation state, AdvanceAttempt attempt, int calls)
    {
        await SeedFromWorldAsync();
        await _state.CommitHeldAsync(state, attempt, calls, _checkSeeded, $"country {Key}");
    }

    public Task Abandon(AdvanceAttempt attempt)
    {
        _state.Abandon(attempt);
        return Task.CompletedTask;
    }

    public async Task<CountrySnapshot> Final(int advances)
    {
        var final = Snapshot(Seeded(_state.AsOf(advances, $"country {Key}")));
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
