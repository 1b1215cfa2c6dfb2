namespace Summits.Scenarios;

/// <summary>
/// Where notes go: of files loaded in an older format, and of what an output write left behind. The command
/// line prints them to standard error; a test collects them. Set for the current flow of execution (and the
/// tasks it starts).
/// </summary>
public static class FormatNotes
{
    private static readonly AsyncLocal<Action<string, bool>?> Sink = new();

    /// <summary>Sends every note said from here on (in this flow) to <paramref name="sink"/>, until the result is disposed.</summary>
    public static IDisposable To(Action<string> sink) => To((note, _) => sink(note));

    /// <summary>
    /// Sends every note said from here on (in this flow) to <paramref name="sink"/>, with whether it must be said at
    /// every verbosity (<see cref="Insist"/>), until the result is disposed.
    /// </summary>
    public static IDisposable To(Action<string, bool> sink)
    {
        var previous = Sink.Value;
        Sink.Value = sink;
        return new Restore(previous);
    }

    /// <summary>Says a note about what was read, which a quieter output may leave out.</summary>
    public static void Say(string note) => Sink.Value?.Invoke(note, false);

    /// <summary>
    /// Says a note that something was left on disk (beside an output, or where it could not be removed or put back):
    /// not progress but a fact the user must know, so it is said at every verbosity.
    /// </summary>
    public static void Insist(string note) => Sink.Value?.Invoke(note, true);

    private sealed class Restore(Action<string, bool>? previous) : IDisposable
    {
        public void Dispose() => Sink.Value = previous;
    }
}
