namespace Summits.Classroom;

/// <summary>
/// The rounds of a table, which the facilitator starts and pauses, in words: what a team is told when it proposes or
/// answers while its table waits or is paused, and what the facilitator is told when a start or a pause changes nothing.
/// A table waits for its first round, during which its teams read their briefs and answer the predictions; each start
/// begins the next round, 1, 2, and so on, which lasts until the facilitator pauses it.
/// </summary>
public static class TableRounds
{
    /// <summary>Why a team may not propose or answer at <paramref name="view"/>'s table now; null while a round is on.</summary>
    public static string? Closed(TableView view) =>
        view.Round == 0 ? $"the play at table {view.Table} has not started yet; the facilitator starts it (meanwhile, read your brief and answer the predictions)"
        : view.Paused ? $"the facilitator has paused round {view.Round} at table {view.Table}; proposals and answers wait until the next round starts"
        : null;

    /// <summary>Why a start changes nothing at <paramref name="view"/>'s table: its round is on already; null when it may start.</summary>
    public static string? CannotStart(TableView view) =>
        view.Open ? $"round {view.Round} at table {view.Table} is on already; pause it before starting round {view.Round + 1}" : null;

    /// <summary>Why a pause changes nothing at <paramref name="view"/>'s table: no round is on; null when it may be paused.</summary>
    public static string? CannotPause(TableView view) =>
        view.Round == 0 ? $"the play at table {view.Table} has not started, so there is no round to pause"
        : view.Paused ? $"round {view.Round} at table {view.Table} is paused already"
        : null;

    /// <summary>The table's state in a line for its pages: waiting, a round on, or a round paused.</summary>
    public static string Said(TableView view) =>
        view.Round == 0 ? "Waiting for the facilitator to start the play."
        : view.Paused ? $"Round {view.Round} is paused by the facilitator: proposals and answers wait until the next round starts."
        : $"Round {view.Round} is on.";
}
