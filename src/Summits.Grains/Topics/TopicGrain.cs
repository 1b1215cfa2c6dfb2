using Orleans.Placement;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one topic's table in one world.</summary>
// A topic lives on the silo of the world that first calls it, so a world's calls to its tables stay on one silo.
[PreferLocalPlacement]
[GrainType("topic")]
public sealed partial class TopicGrain : Grain, ITopicGrain
{
    private readonly CheckpointedState<Table> _state;
    private readonly ILogger<TopicGrain> _logger;
    // The check a hand-back makes of the table held (Hold, CommitHeld), made once.
    private readonly Action<Table> _checkSeeded;
    // How a grain that holds no seeding of its world's run takes it (SeedingFromWorld).
    private static readonly Func<TopicGrain, Task> SeedFromWorld = grain => grain.SeedFromWorldAsync();

    public TopicGrain(
        [PersistentState("topic", StorageNames.Summits)] IPersistentState<Table> state,
        [PersistentState("topic-checkpoint", StorageNames.Summits)] IPersistentState<Checkpoint<Table>> checkpoint,
        DeepCopier copier,
        ILogger<TopicGrain> logger)
    {
        _state = new CheckpointedState<Table>(state, checkpoint, copier, DeactivateOnIdle, t => t.BeginAdvance());
        _logger = logger;
        _checkSeeded = held => Seeded(held);
    }

    private Table Table => Seeded(_state.State);

    private string Key => this.GetPrimaryKeyString();

    /// <summary>
    /// Whether the grain holds a seeding of <paramref name="attempt"/>'s run: seeded, and kept where the attempt's world keeps
    /// its grains (an activation that read storage for a world kept in memory holds nothing of it,
    /// <see cref="CheckpointedState{T}.Serves"/>).
    /// </summary>
    private bool HoldsSeedingOf(AdvanceAttempt attempt) => _state.State.IsSeeded && _state.Serves(attempt);

    /// <summary>
    /// Runs <paramref name="call"/> on <paramref name="arguments"/> once the grain holds a seeding of
    /// <paramref name="attempt"/>'s run, asking its world for it first when it holds none (<see cref="SeedingFromWorld"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The grain holds no seeding of the run and its world has none to give (a durable world, or none in progress).</exception>
    private Task<TResult> WhenSeeded<TArguments, TResult>(AdvanceAttempt attempt, TArguments arguments, Func<TopicGrain, TArguments, TResult> call) =>
        SeedingFromWorld.WhenSeeded(this, HoldsSeedingOf(attempt), SeedFromWorld, arguments, call);

    /// <summary><see cref="WhenSeeded"/> for a call that answers a task.</summary>
    private Task<TResult> WhenSeededAsync<TArguments, TResult>(AdvanceAttempt attempt, TArguments arguments, Func<TopicGrain, TArguments, Task<TResult>> call) =>
        SeedingFromWorld.WhenSeededAsync(this, HoldsSeedingOf(attempt), SeedFromWorld, arguments, call);

    /// <summary>Seeds the grain, in memory, with what its world says it was seeded with (<see cref="WhenSeeded"/>), and says so in the log.</summary>
    /// <exception cref="InvalidOperationException">The world has no seeding to give.</exception>
    private async Task SeedFromWorldAsync()
    {
        var (world, topic) = WorldKey.Split(Key);
        var seeding = await GrainFactory.GetGrain<IWorldGrain>(world.Value).TopicSeeding(topic) ?? throw NotSeeded();
        // Its world keeps it in memory alone, as the seeding that was left out would have.
        using (InMemoryWorlds.Begin())
            await _state.SeedAsync(seeding.Into);
        LogSeededFromWorld(_logger, Key, world.Value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic {Topic} held nothing of its world's run (its activation was lost since the world seeded it) and took its seeding from world {World}")]
    private static partial void LogSeededFromWorld(ILogger logger, string topic, string world);

    private Table Enter(AdvanceAttempt attempt, bool counted = false) => Seeded(_state.Enter(attempt, counted));

    private Table Seeded(Table table) => table.IsSeeded ? table : throw NotSeeded();

    private InvalidOperationException NotSeeded() => new($"topic {Key} has not been seeded");

    public async Task Seed(Topic topic, ImmutableArray<string> participants, ImmutableArray<Agreement> agreements, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        await _state.SeedAsync(t => t.Seed(topic, participants, agreements));
    }

    public Task<TopicTable> Get(CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<TopicTable>(cancellation) : Task.FromResult(Table.Get());

    public Task<TopicTable> AsOf(int advances, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<TopicTable>(cancellation) : Task.FromResult(Seeded(_state.AsOf(advances, $"topic {Key}")).Get());

    public Task<During<TopicTable>> GetDuring(AdvanceAttempt attempt, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<During<TopicTable>>(cancellation)
        : WhenSeeded(attempt, attempt, static (grain, call) => grain._state.Answer(grain.Enter(call).Get()));

    public Task<TableAnswer<bool>> Record(Agreement agreement, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return WhenSeeded(attempt, (agreement, attempt), static (grain, call) => grain.RecordSeeded(call.agreement, call.attempt));
    }

    private TableAnswer<bool> RecordSeeded(Agreement agreement, AdvanceAttempt attempt)
    {
        var table = Enter(attempt, counted: true);
        var recorded = table.Record(agreement);
        if (recorded)
            _state.Changed();
        return new TableAnswer<bool>(recorded, _state.Dirty, table.Get(), _state.Activation);
    }

    public Task<TableAnswer<ImmutableArray<CommitmentChange>>> Apply(string command, ImmutableArray<CommitmentChange> changes, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return WhenSeeded(attempt, (command, changes, attempt), static (grain, call) => grain.ApplySeeded(call.command, call.changes, call.attempt));
    }

    private TableAnswer<ImmutableArray<CommitmentChange>> ApplySeeded(string command, ImmutableArray<CommitmentChange> changes, AdvanceAttempt attempt)
    {
        var table = Enter(attempt, counted: true);
        var applied = table.Apply(command, changes);
        if (!applied.IsEmpty)
            _state.Changed();
        return new TableAnswer<ImmutableArray<CommitmentChange>>(applied, _state.Dirty, table.Get(), _state.Activation);
    }

    public Task<TableAnswer<ImmutableArray<CommitmentChange>>> RecordApplying(Agreement agreement, string command, ImmutableArray<CommitmentChange> changes, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return WhenSeeded(attempt, (agreement, command, changes, attempt),
            static (grain, call) => grain.RecordApplyingSeeded(call.agreement, call.command, call.changes, call.attempt));
    }

    private TableAnswer<ImmutableArray<CommitmentChange>> RecordApplyingSeeded(Agreement agreement, string command, ImmutableArray<CommitmentChange> changes, AdvanceAttempt attempt)
    {
        var table = Enter(attempt, counted: true);
        var recorded = table.Record(agreement);
        var applied = changes.IsEmpty ? [] : table.Apply(command, changes);
        if (recorded || !applied.IsEmpty)
            _state.Changed();
        return new TableAnswer<ImmutableArray<CommitmentChange>>(applied, _state.Dirty, table.Get(), _state.Activation);
    }

    public Task<TableAnswer<bool>> Join(string actor, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return WhenSeeded(attempt, (actor, attempt), static (grain, call) => grain.JoinSeeded(call.actor, call.attempt));
    }

    private TableAnswer<bool> JoinSeeded(string actor, AdvanceAttempt attempt)
    {
        var table = Enter(attempt, counted: true);
        var joined = !table.Participants.Contains(actor);
        table.Join(actor);
        _state.Changed();
        return new TableAnswer<bool>(joined, _state.Dirty, table.Get(), _state.Activation);
    }

    public Task Commit(AdvanceAttempt attempt, int calls) => _state.CommitAsync(attempt, calls, $"topic {Key}");

    public Task<During<Table>> StateDuring(AdvanceAttempt attempt, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<During<Table>>(cancellation)
        : WhenSeededAsync(attempt, (attempt, cancellation), static (grain, call) => grain._state.CopyDuring(call.attempt, grain.Seeded, call.cancellation));

    // A grain that holds no seeding of the run (lost, and activated again by this call) takes its world's seeding first,
    // as any call of an advance does, and refuses the hand-back when there is none: the world made the copy from its
    // seeding without asking it.
    public Task<During<bool>> Hold(Table state, AdvanceAttempt attempt) =>
        WhenSeeded(attempt, (state, attempt), static (grain, call) => grain._state.Hold(call.state, call.attempt, grain._checkSeeded));

    // Takes its world's seeding first, or refuses, as Hold does.
    public Task CommitHeld(Table state, AdvanceAttempt attempt, int calls) =>
        HoldsSeedingOf(attempt) ? _state.CommitHeldAsync(state, attempt, calls, _checkSeeded, $"topic {Key}") : CommitHeldAfterSeedingAsync(state, attempt, calls);

    private async Task CommitHeldAfterSeedingAsync(Table state, AdvanceAttempt attempt, int calls)
    {
        await SeedFromWorldAsync();
        await _state.CommitHeldAsync(state, attempt, calls, _checkSeeded, $"topic {Key}");
    }

    public Task Abandon(AdvanceAttempt attempt)
    {
        _state.Abandon(attempt);
        return Task.CompletedTask;
    }

    public async Task<TopicTable> Final(int advances)
    {
        var final = Seeded(_state.AsOf(advances, $"topic {Key}")).Get();
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
