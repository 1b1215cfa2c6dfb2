namespace Summits.Cli.Analysis;

/// <summary>Prints an analysed run for people: one aligned table per topic, one per actor.</summary>
public static class AnalysisReport
{
    public static void Write(TextWriter output, RunAnalysis analysis, IReadOnlyList<string> files)
    {
        output.WriteLine($"{string.Join(", ", files)}: {analysis.Spans} spans, {analysis.Proposals} proposals");
        WriteTable(output, "topic", analysis.Topics);
        WriteTable(output, "actor", analysis.Actors);
    }

    private static void WriteTable(TextWriter output, string key, IReadOnlyList<Tally> rows)
    {
        output.WriteLine();
        if (rows.Count == 0)
        {
            output.WriteLine($"{key}s: none (the export has no summits.proposal, evaluate, move or agreement spans)");
            return;
        }
        string[][] table =
        [
            [key, .. AnalysisTable.Headers],
            .. rows.Select(r => (string[])[r.Key, .. AnalysisTable.Cells(r, percent: true)]),
        ];
        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(row => row[c].Length)).ToArray();
        foreach (var row in table)
        {
            // The key reads left to right; figures line up on their last digit.
            var cells = row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
