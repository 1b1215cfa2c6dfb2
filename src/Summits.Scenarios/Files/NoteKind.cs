namespace Summits.Scenarios;

/// <summary>
/// What a line said beside a command's results is, which decides the levels it is said at; every command begins it
/// with its name and the kind, <c>summits run: warning: …</c>, <c>summits import ktab: note: …</c>.
/// </summary>
public enum NoteKind
{
    /// <summary>A note on what was read or made, which changes no number (a file's older format, actors left out as asked): said at the normal level and above; <c>-q</c> and <c>-v quiet</c> leave it out.</summary>
    Note = 0,

    /// <summary>A warning that numbers given are used or written otherwise than as given (saliences summing above the whole, divided or scaled): said at every level but <c>-v quiet</c>, errors only.</summary>
    Warning = 1,

    /// <summary>A note that something was left on disk (beside an output, or where it could not be removed or put back): said at every level, <c>-v quiet</c> included.</summary>
    LeftBehind = 2,
}
