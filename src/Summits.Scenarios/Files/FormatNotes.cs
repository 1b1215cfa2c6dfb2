namespace Summits.Scenarios;

/// <summary>
/// Where notes and warnings go: of files loaded in an older format, of numbers a model will not read as written, and
/// of what an output write left behind. Each is said with its tag, <c>note: …</c> or <c>warning: …</c>; the command
/// line prints them to standard error after the command's name, at the levels their <see cref="NoteKind"/> is said
/// at; a test collects them. Set for the current flow of execution (and the tasks it starts).
/// </summary>
public static class FormatNotes
{
    private static readonly AsyncLocal<Action<string, NoteKind>?> Sink = new();

    /// <summary>Sends every note and warning said from here on (in this flow) to <paramref name="sink"/>, until the result is disposed.</summary>
    public static IDisposable To(Action<string> sink) => To((note, _) => sink(note));

    /// <summary>
    /// Sends every note and warning said from here on (in this flow) to <paramref name="sink"/>, with its kind, which
    /// says at which levels it is said, until the result is disposed.
    /// </summary>
    public static IDisposable To(Action<string, NoteKind> sink)
    {
        var previous = Sink.Value;
        Sink.Value = sink;
        return new Restore(previous);
    }

    /// <summary>Says a note about what was read, <c>note: …</c>, which a quieter output may leave out (<see cref="NoteKind.Note"/>).</summary>
    public static void Say(string note) => Sink.Value?.Invoke(note, NoteKind.Note);

    /// <summary>
    /// Says a warning, <c>warning: …</c>, that numbers given will be used otherwise than as written: not progress, and
    /// left out only when only errors are asked for (<see cref="NoteKind.Warning"/>).
    /// </summary>
    public static void Warn(string warning) => Sink.Value?.Invoke(warning, NoteKind.Warning);

    /// <summary>
    /// Says a note that something was left on disk (beside an output, or where it could not be removed or put back):
    /// not progress but a fact the user must know, so it is said at every verbosity.
    /// </summary>
    public static void Insist(string note) => Sink.Value?.Invoke(note, NoteKind.LeftBehind);

    private sealed class Restore(Action<string, NoteKind>? previous) : IDisposable
    {
        public void Dispose() => Sink.Value = previous;
    }
}
