using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Summits.Grains;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// A table of the classroom (<see cref="ITableGrain"/>). The play is kept in this activation's memory, which the
/// classroom's silo keeps alive as long as it runs, and written to the grain storage (<see cref="TableRecord"/>) after
/// every change, before the change is pushed, so that a table activated again reads it back; every change replays the
/// whole play in the table's own world of grains, kept in memory alone (<see cref="InMemoryWorlds"/>: the record is
/// what lasts), so that the table's view is what a run of the same steps writes, then pushes the view to the watchers.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class TableGrain(
    ClassroomExercise classroom,
    [PersistentState("table", StorageNames.Summits)] IPersistentState<TableRecord> record,
    ILogger<TableGrain> logger) : Grain, ITableGrain
{
    private readonly ObserverManager<ITableWatcher> _watchers = new(TimeSpan.FromDays(1), logger);

    /// <summary>The teams' answers, each a scripted answer the world plays when its proposal comes.</summary>
    private readonly List<RespondStep> _answers = [];

    /// <summary>The proposals answered and the injects played, in the order they took effect.</summary>
    private readonly List<Step> _played = [];

    private readonly List<PendingProposal> _pending = [];
    private readonly List<TablePositions> _history = [];
    private readonly List<PredictionAnswer> _predictions = [];
    private World? _final;
    private ImmutableArray<TimelineEvent> _timeline = [];
    private int _proposals;
    private int _injects;
    private int _version;
    private int _round;
    private bool _paused;

    /// <summary>The shocks played, each as <c>{step id}: {reason}</c> (<see cref="TableView.Shocks"/>).</summary>
    private readonly List<string> _shocks = [];

    private Exercise Exercise => classroom.Exercise;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.RecordExists)
            Restore(record.State);
        else
            _history.Add(Positions("start", Exercise.World));
        return Task.CompletedTask;
    }

    public Task<TableView> View() => Task.FromResult(Current());

    public async Task<TableChange> Propose(string from, ImmutableArray<Term> terms)
    {
        if (Exercise.Roles.All(r => r.Actor != from))
            return new TableChange(Current(), $"'{from}' has no role at this table");
        if (TableRounds.Closed(Current()) is { } closed)
            return new TableChange(Current(), closed);
        _pending.Add(new PendingProposal($"p{++_proposals}-{from}", from, Exercise.Opposite(from).Actor, terms));
        await ChangedAsync();
        return new TableChange(Current());
    }

    public async Task<TableChange> Answer(string actor, string proposal, bool accept)
    {
        if (TableRounds.Closed(Current()) is { } closed)
            return new TableChange(Current(), closed);
        if (_pending.FirstOrDefault(p => p.Id == proposal && p.To == actor) is not { } waiting)
            return new TableChange(Current(), $"no proposal '{proposal}' is waiting for {actor}'s answer");
        _pending.Remove(waiting);
        _answers.Add(new RespondStep($"answer-{waiting.Id}", 0, actor, waiting.Id,
            new ScriptedAnswer(accept ? Response.Accept : Response.Reject, [], ExercisePlay.PlayersAnswer)));
        _played.Add(new ProposeStep(waiting.Id, 0, waiting.From, [waiting.To], waiting.Terms, AgreementRule.Unanimity, Deadline: null));
        await PlayAsync(waiting.Id);
        return new TableChange(Current());
    }

    public async Task<TableChange> Predict(string actor, ImmutableArray<PredictionAnswer> answers)
    {
        if (Exercise.Roles.All(r => r.Actor != actor))
            return new TableChange(Current(), $"'{actor}' has no role at this table");
        if (Current().Begun)
            return new TableChange(Current(), $"the predictions are answered before play, and the play at table {TableKey.Number(this.GetPrimaryKeyString())} has begun (the facilitator started it, or a shock was played)");
        _predictions.RemoveAll(p => p.Actor == actor);
        _predictions.AddRange(answers.Where(a => a.Actor == actor));
        await ChangedAsync();
        return new TableChange(Current());
    }

    public async Task<TableChange> Inject(int inject)
    {
        if (inject < 1 || inject > Exercise.Injects.Length)
            return new TableChange(Current(), Exercise.Injects.Length == 0
                ? $"{Exercise.Id} has no shocks to inject"
                : $"shock {inject} is not one of {Exercise.Id}'s; its shocks are 1 to {Exercise.Injects.Length}");
        var step = Exercise.Injects[inject - 1].Shock with { Id = $"inject-{++_injects}" };
        return await ShockAsync(step, written: false);
    }

    public async Task<TableChange> InjectNew(NewShock shock)
    {
        ArgumentNullException.ThrowIfNull(shock);
        ShockStep step;
        try
        {
            step = shock.Read(Exercise, _injects + 1);
        }
        catch (InputException e)
        {
            return new TableChange(Current(), e.Problem);
        }
        _injects++;
        return await ShockAsync(step, written: true);
    }

    public async Task<TableChange> Start()
    {
        if (TableRounds.CannotStart(Current()) is { } why)
            return new TableChange(Current(), why);
        _round++;
        _paused = false;
        await ChangedAsync();
        return new TableChange(Current());
    }

    public async Task<TableChange> Pause()
    {
        if (TableRounds.CannotPause(Current()) is { } why)
            return new TableChange(Current(), why);
        _paused = true;
        await ChangedAsync();
        return new TableChange(Current());
    }

    /// <summary>Plays <paramref name="step"/> now, kept for the debrief with its id, the round it came in and its reason; <paramref name="written"/> marks the facilitator's own.</summary>
    private async Task<TableChange> ShockAsync(ShockStep step, bool written)
    {
        _played.Add(step);
        var round = _round == 0 ? "before round 1" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"round {_round}");
        _shocks.Add($"{step.Id}{(written ? NewShock.Written : "")}, {round}: {step.Reason}");
        await PlayAsync(step.Id);
        return new TableChange(Current());
    }

    public Task Watch(ITableWatcher watcher)
    {
        _watchers.Subscribe(watcher, watcher);
        return Task.CompletedTask;
    }

    public Task Unwatch(ITableWatcher watcher)
    {
        _watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    /// <summary>Replays the play in the table's world and records the positions it ends with, after <paramref name="after"/>.</summary>
    private async Task PlayAsync(string after)
    {
        var key = this.GetPrimaryKeyString();
        var scenario = new Scenario(Exercise.Id, $"{Exercise.Title}, table {TableKey.Number(key)}", Exercise.Seed,
            Exercise.World.ParametersFor(ModelParameters.Default), [.. _answers, .. _played]);
        // The run ends by reading its world whole and clearing it (IWorldGrain.Final), so that the next change seeds the
        // same world afresh and plays every step again.
        var run = await ScenarioRun.InGrainsAsync(GrainFactory, new LoadedScenario(Exercise.Path, Exercise.WorldPath, scenario, Exercise.World), TableKey.World(key), retire: true, inMemory: true);
        _timeline = run.Timeline;
        _final = run.Final;
        _history.Add(Positions(after, run.Final));
        await ChangedAsync();
    }

    private async Task ChangedAsync()
    {
        _version++;
        record.State = Recorded();
        await record.WriteStateAsync();
        var view = Current();
        await _watchers.Notify(w => w.Changed(view));
    }

    private TableRecord Recorded() => new()
    {
        Answers = [.. _answers], Played = [.. _played], Pending = [.. _pending], History = [.. _history], Predictions = [.. _predictions],
        Final = _final, Timeline = _timeline, Proposals = _proposals, Injects = _injects, Version = _version,
        Round = _round, Paused = _paused, Shocks = [.. _shocks],
    };

    private void Restore(TableRecord kept)
    {
        _answers.AddRange(kept.Answers);
        _played.AddRange(kept.Played);
        _pending.AddRange(kept.Pending);
        _history.AddRange(kept.History);
        _predictions.AddRange(kept.Predictions);
        _shocks.AddRange(kept.Shocks);
        (_round, _paused) = (kept.Round, kept.Paused);
        (_final, _timeline, _proposals, _injects, _version) = (kept.Final, kept.Timeline, kept.Proposals, kept.Injects, kept.Version);
    }

    private TableView Current() =>
        new(TableKey.Number(this.GetPrimaryKeyString()), _version, _timeline, [.. _pending], [.. _history], [.. _predictions], _final ?? Exercise.World,
            _round, _paused, [.. _shocks]);

    /// <summary>Each role's position on each topic on the table in <paramref name="world"/>, roles and topics in the exercise's order.</summary>
    private TablePositions Positions(string after, World world) =>
        new(after, [.. from role in Exercise.Roles
                       from topic in Exercise.Topics
                       select new TablePosition(role.Actor, topic, world.PositionsOf(role.Actor).First(p => p.Topic == topic).Value)]);
}
