namespace Summits.Cli.Output;

/// <summary>
/// What <c>--format csv</c> prints: one CSV table (RFC 4180, invariant-culture numbers), or for a command
/// with several tables each under a line <c># NAME</c>, a blank line between them, NAME being the file
/// <c>-o DIR</c> writes the same table to.
/// </summary>
public static class CsvSections
{
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

    /// <summary>One CSV line of these cells, quoted where RFC 4180 asks, without its line ending.</summary>
    public static string Line(IEnumerable<string> cells) => Summits.Scenarios.CsvLine.Of(cells);
}
