namespace Summits.Cli.Output;

/// <summary>
/// What <c>--format csv</c> prints: one CSV table (RFC 4180, invariant-culture numbers), or for a command
/// with several tables each under a line <c># NAME</c>, a blank line between them, NAME being the file
/// <c>-o DIR</c> writes the same table to. A command whose output has several parts (a study's branches, each
/// written by <c>-o DIR</c> to a folder <c>DIR/BRANCH</c>) prints each part's tables under a line <c># PART</c>, a
/// blank line between parts as between tables (<see cref="WritePart"/>).
/// </summary>
public static class CsvSections
{
    /// <summary>Writes <paramref name="tables"/> (file name and CSV text), each under <c># NAME</c> when there are several, and flushes.</summary>
    public static void Write(TextWriter output, IReadOnlyList<(string Name, string Csv)> tables)
    {
        for (var i = 0; i < tables.Count; i++)
        {
            if (tables.Count > 1)
            {
                if (i > 0)
                    output.Write("\n");
                output.Write($"# {tables[i].Name}\n");
            }
            output.Write(tables[i].Csv.ReplaceLineEndings("\n"));
        }
        output.Flush();
    }

    /// <summary>
    /// Writes one part of several (<c>branch press-fta</c>): after a blank line unless it is the <paramref name="first"/>
    /// part, so that parts are set apart as the tables within one are, a line <c># PART</c>, then its tables as
    /// <see cref="Write"/> prints them. A part is written as soon as it is known, so that a reader of a pipe has it
    /// before the next is worked out.
    /// </summary>
    public static void WritePart(TextWriter output, string part, bool first, IReadOnlyList<(string Name, string Csv)> tables)
    {
        if (!first)
            output.Write("\n");
        output.Write($"# {part}\n");
        Write(output, tables);
    }

    /// <summary>One CSV line of these cells, quoted where RFC 4180 asks, without its line ending.</summary>
    public static string Line(IEnumerable<string> cells) => Summits.Scenarios.CsvLine.Of(cells);
}
