namespace Summits.Scenarios;

/// <summary>
/// Where the notes of files loaded in an older format go: the command line prints them to standard
/// error; a test collects them. Set for the current flow of execution (and the tasks it starts).
/// </summary>
public static class FormatNotes
{
    private static readonly AsyncLocal<Action<string>?> Sink = new();

    /// <summary>Sends every note said from here on (in this flow) to <paramref name="sink"/>, until the result is disposed.</summary>
    public static IDisposable To(Action<string> sink)
    {
        var previous = Sink.Value;
        Sink.Value = sink;
        return new Restore(previous);
    }

    public static void Say(string note) => Sink.Value?.Invoke(note);

    private sealed class Restore(Action<string>? previous) : IDisposable
    {
        public void Dispose() => Sink.Value = previous;
    }
}
