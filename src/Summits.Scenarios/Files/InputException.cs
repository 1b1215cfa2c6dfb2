namespace Summits.Scenarios;

/// <summary>A mistake in a file a person wrote: where it is and what would be right.</summary>
public sealed class InputException(FilePosition position, string problem) : Exception($"{position}: {OneLine(problem)}")
{
    public FilePosition Position { get; } = position;

    public string Problem { get; } = OneLine(problem);

    /// <summary>A value quoted from the file may hold a line break; the message stays one line so tools can parse it.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings("\\n");
}
