using Orleans.Placement;
using System.Collections.Immutable;
using Orleans.Serialization;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds one topic's table in one world.</summary>
// A topic lives on the silo of the world that first calls it, so a world's calls to its tables stay on one silo.
[PreferLocalPlacement]
[GrainType("topic")]
public sealed class TopicGrain : Grain, ITopicGrain
{
    private readonly CheckpointedState<Table> _state;

    public TopicGrain(
        [PersistentState("topic", StorageNames.Summits)] IPersistentState<Table> state,
        [PersistentState("topic-checkpoint", StorageNames.Summits)] IPersistentState<Checkpoint<Table>> checkpoint,
        DeepCopier copier) =>
        _state = new CheckpointedState<Table>(state, checkpoint, copier, DeactivateOnIdle, t => t.BeginAdvance());

    private Table Table => Seeded(_state.State);

    private Table Enter(AdvanceAttempt attempt, bool counted = false) => Seeded(_state.Enter(attempt, counted));

    private Table Seeded(Table table) => table.IsSeeded
        ? table
        : throw new InvalidOperationException($"topic {this.GetPrimaryKeyString()} has not been seeded");

    public async Task Seed(Topic topic, ImmutableArray<string> participants, ImmutableArray<Agreement> agreements, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        await _state.SeedAsync(t => t.Seed(topic, participants, agreements));
    }

    public Task<TopicTable> Get(CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<TopicTable>(cancellation) : Task.FromResult(Table.Get());

    public Task<TopicTable> AsOf(int advances, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<TopicTable>(cancellation) : Task.FromResult(Seeded(_state.AsOf(advances, $"topic {this.GetPrimaryKeyString()}")).Get());

    public Task<During<TopicTable>> GetDuring(AdvanceAttempt attempt, CancellationToken cancellation = default) =>
        cancellation.IsCancellationRequested ? Task.FromCanceled<During<TopicTable>>(cancellation) : Task.FromResult(_state.Answer(Enter(attempt).Get()));

    public Task<TableAnswer<bool>> Record(Agreement agreement, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var table = Enter(attempt, counted: true);
        var recorded = table.Record(agreement);
        if (recorded)
            _state.Changed();
        return Task.FromResult(new TableAnswer<bool>(recorded, _state.Dirty, table.Get(), _state.Activation));
    }

    public Task<TableAnswer<ImmutableArray<CommitmentChange>>> Apply(string command, ImmutableArray<CommitmentChange> changes, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var table = Enter(attempt, counted: true);
        var applied = table.Apply(command, changes);
        if (!applied.IsEmpty)
            _state.Changed();
        return Task.FromResult(new TableAnswer<ImmutableArray<CommitmentChange>>(applied, _state.Dirty, table.Get(), _state.Activation));
    }

    public Task<TableAnswer<ImmutableArray<CommitmentChange>>> RecordApplying(Agreement agreement, string command, ImmutableArray<CommitmentChange> changes, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var table = Enter(attempt, counted: true);
        var recorded = table.Record(agreement);
        var applied = changes.IsEmpty ? [] : table.Apply(command, changes);
        if (recorded || !applied.IsEmpty)
            _state.Changed();
        return Task.FromResult(new TableAnswer<ImmutableArray<CommitmentChange>>(applied, _state.Dirty, table.Get(), _state.Activation));
    }

    public Task<TableAnswer<bool>> Join(string actor, AdvanceAttempt attempt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var table = Enter(attempt, counted: true);
        var joined = !table.Participants.Contains(actor);
        table.Join(actor);
        _state.Changed();
        return Task.FromResult(new TableAnswer<bool>(joined, _state.Dirty, table.Get(), _state.Activation));
    }

    public Task Commit(AdvanceAttempt attempt, int calls) => _state.CommitAsync(attempt, calls, $"topic {this.GetPrimaryKeyString()}");

    public Task<During<Table>> StateDuring(AdvanceAttempt attempt, CancellationToken cancellation = default) => _state.CopyDuring(attempt, Seeded, cancellation);

    // A grain that holds no seeding (lost, and activated again by this call) refuses the hand-back, as any call of an
    // advance refuses: the world made the copy from its seeding without asking it.
    public Task<During<bool>> Hold(Table state, AdvanceAttempt attempt) =>
        Task.FromResult(_state.Hold(state, attempt, held => Seeded(held)));

    // Refused by a grain that holds no seeding, as Hold is.
    public Task CommitHeld(Table state, AdvanceAttempt attempt, int calls) =>
        _state.CommitHeldAsync(state, attempt, calls, held => Seeded(held), $"topic {this.GetPrimaryKeyString()}");

    public Task Abandon(AdvanceAttempt attempt)
    {
        _state.Abandon(attempt);
        return Task.CompletedTask;
    }

    public async Task<TopicTable> Final(int advances)
    {
        var final = Seeded(_state.AsOf(advances, $"topic {this.GetPrimaryKeyString()}")).Get();
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
