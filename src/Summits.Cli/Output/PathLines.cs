namespace Summits.Cli.Output;

/// <summary>
/// Lines that name files or folders ("wrote timeline.jsonl to out", "wrote the report to reports/report.html"),
/// wrapped as every other line is (<see cref="TerminalWidth.Wrap"/>, continuations indented by four) with each
/// path kept whole: a path is never broken, not even at a space inside it, and one that does not fit where it
/// stands starts a line of its own, so that it can be read and copied in one piece.
/// </summary>
public static class PathLines
{
    /// <summary>
    /// Writes <paramref name="line"/> to standard error: at a terminal wrapped to its width
    /// (<see cref="TerminalWidth.OfStandardError"/>), to a file or a pipe whole. Every line on standard error that is
    /// not an error (a study's timing, a warning, what is being measured) is written here, with no paths when it names none.
    /// </summary>
    /// <param name="paths">The paths the line names, as written in it.</param>
    public static async Task ToErrorAsync(string line, params string[] paths)
    {
        foreach (var part in Wrapped(line, TerminalWidth.OfStandardError(), paths))
            await Console.Error.WriteLineAsync(part);
    }

    /// <summary>
    /// Writes <paramref name="line"/> to standard output, wrapped to the width the rest of that output takes
    /// (<see cref="TerminalWidth.OfStandardOutput"/>).
    /// </summary>
    /// <param name="paths">The paths the line names, as written in it.</param>
    public static async Task ToOutputAsync(string line, params string[] paths)
    {
        foreach (var part in Wrapped(line, TerminalWidth.OfStandardOutput(), paths))
            await Console.Out.WriteLineAsync(part);
    }

    /// <summary>
    /// The lines <paramref name="line"/> takes at <paramref name="width"/> columns with every one of
    /// <paramref name="paths"/> whole; null <paramref name="width"/> gives the line itself.
    /// </summary>
    /// <remarks>
    /// A control character in the line (a tab or a newline in a path) is shown escaped (<see cref="Printable"/>), so the
    /// line stays one line however its paths are spelled, and is measured in terminal cells (<see cref="TerminalWidth.Cells"/>).
    /// </remarks>
    public static IEnumerable<string> Wrapped(string line, int? width, params string[] paths)
    {
        line = Printable.Of(line);
        return width is { } columns ? TerminalWidth.Wrap(line, columns, hanging: 4, [.. paths.Select(Printable.Of)]) : [line];
    }
}
