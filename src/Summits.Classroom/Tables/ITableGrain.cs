using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Classroom;

/// <summary>
/// One table of a classroom, keyed by <see cref="TableKey"/>: the exercise's two countries, each played by a team,
/// negotiating in a world of grains of the table's own (<see cref="TableKey.World"/>). It keeps the play in the silo's
/// memory, replays it in its world after every change, and pushes the new <see cref="TableView"/> to its watchers.
/// </summary>
[Alias("summits.classroom-table")]
public interface ITableGrain : IGrainWithStringKey
{
    /// <summary>The table as it stands: the play so far, the proposals waiting for an answer, the positions after each change.</summary>
    [Alias("View")]
    Task<TableView> View();

    /// <summary>
    /// A proposal from <paramref name="from"/> to the other country, which waits for that country's team to answer it.
    /// The terms are checked by the caller, as an answers file's are (<see cref="TeamAnswers.Proposal"/>).
    /// </summary>
    /// <returns>
    /// The new view; its <see cref="TableChange.Refused"/> says why nothing changed when <paramref name="from"/> holds no
    /// role, or no round is on (<see cref="TableRounds.Closed"/>).
    /// </returns>
    [Alias("Propose")]
    Task<TableChange> Propose(string from, ImmutableArray<Term> terms);

    /// <summary>
    /// <paramref name="actor"/>'s answer to a proposal waiting for it: the proposal and the answer are played in the
    /// table's world, in the order the answers came.
    /// </summary>
    /// <returns>The new view, or the reason nothing changed: no round is on, or no proposal of that id waits for <paramref name="actor"/>'s answer.</returns>
    [Alias("Answer")]
    Task<TableChange> Answer(string actor, string proposal, bool accept);

    /// <summary>
    /// <paramref name="actor"/>'s team's answers to every prediction question, checked by the caller as an answers
    /// file's are (<see cref="TeamAnswers.Predictions"/>); given again before play, they replace the earlier ones.
    /// </summary>
    /// <returns>The new view, or the reason nothing changed: <paramref name="actor"/> holds no role, or the play has begun.</returns>
    [Alias("Predict")]
    Task<TableChange> Predict(string actor, ImmutableArray<PredictionAnswer> answers);

    /// <summary>Plays the exercise's shock <paramref name="inject"/> (1 to the number of its injects, in the file's order) at the table now.</summary>
    /// <returns>The new view, or the reason nothing changed: no inject of that number.</returns>
    [Alias("Inject")]
    Task<TableChange> Inject(int inject);

    /// <summary>
    /// Plays a shock the facilitator wrote (<see cref="NewShock"/>) at the table now, checked as an exercise file's inject
    /// is; its step is the table's next <c>inject-{n}</c>, n counting every shock played at the table.
    /// </summary>
    /// <returns>The new view, or the reason nothing changed: the shock is not one an exercise file could hold, in the file's words.</returns>
    [Alias("InjectNew")]
    Task<TableChange> InjectNew(NewShock shock);

    /// <summary>
    /// Starts the table's next round (<see cref="TableView.Round"/> grows by one): the first begins the play, which closes
    /// the predictions; a later one ends a pause. Until a round is on, the teams' proposals and answers are refused.
    /// </summary>
    /// <returns>The new view, or the reason nothing changed: a round is on already (<see cref="TableRounds.CannotStart"/>).</returns>
    [Alias("Start")]
    Task<TableChange> Start();

    /// <summary>Pauses the round that is on: the teams' proposals and answers are refused until the next round starts.</summary>
    /// <returns>The new view, or the reason nothing changed: no round is on (<see cref="TableRounds.CannotPause"/>).</returns>
    [Alias("Pause")]
    Task<TableChange> Pause();

    /// <summary>Pushes every later view to <paramref name="watcher"/>, until <see cref="Unwatch"/>.</summary>
    [Alias("Watch")]
    Task Watch(ITableWatcher watcher);

    /// <summary>Ends <paramref name="watcher"/>'s subscription, if it has one.</summary>
    [Alias("Unwatch")]
    Task Unwatch(ITableWatcher watcher);
}

/// <summary>Whoever shows a table (the classroom's pages): each change of the table is pushed to it, never asked for.</summary>
[Alias("summits.classroom-table-watcher")]
public interface ITableWatcher : IGrainObserver
{
    /// <summary>The table after a change; <see cref="TableView.Version"/> grows by one with each.</summary>
    [Orleans.Concurrency.OneWay, Alias("Changed")]
    Task Changed(TableView view);
}
