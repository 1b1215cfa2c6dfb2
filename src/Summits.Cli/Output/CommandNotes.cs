using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>
/// The one wording and the one set of levels for every note and warning a command says on standard error:
/// <c>summits import ktab: note: …</c> and <c>summits export ktab: warning: …</c>, each at the levels its
/// <see cref="NoteKind"/> says.
/// </summary>
public static class CommandNotes
{
    /// <summary>
    /// Whether a line of <paramref name="kind"/> is said at <paramref name="level"/>: a note from the normal level up
    /// (<c>-q</c>, like <c>-v quiet</c>, leaves it out), a warning at every level but quiet, and a note that something
    /// was left on disk at every level.
    /// </summary>
    public static bool Said(NoteKind kind, Verbosity level) => kind switch
    {
        NoteKind.LeftBehind => true,
        NoteKind.Warning => level >= Verbosity.Minimal,
        _ => level >= Verbosity.Normal,
    };

    /// <summary>The tag a line of <paramref name="kind"/> carries after the command's name: <c>note</c> or <c>warning</c>.</summary>
    public static string Tag(NoteKind kind) => kind == NoteKind.Warning ? "warning" : "note";

    /// <summary>
    /// Writes <c>COMMAND: TAG: MESSAGE</c> to standard error when <see cref="Said"/> says so at <paramref name="level"/>.
    /// </summary>
    /// <param name="command">The command as the user typed its name: <c>summits import ktab</c>.</param>
    /// <param name="message">What to say, without the tag.</param>
    /// <param name="paths">The paths the message names, as written in it, kept whole when the line wraps (<see cref="PathLines"/>).</param>
    public static Task WriteAsync(string command, NoteKind kind, string message, Verbosity level, params string[] paths) =>
        Said(kind, level) ? PathLines.ToErrorAsync($"{command}: {Tag(kind)}: {message}", paths) : Task.CompletedTask;
}
