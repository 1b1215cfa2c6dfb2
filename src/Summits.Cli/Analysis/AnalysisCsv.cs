namespace Summits.Cli.Analysis;

/// <summary>Writes an analysed run as <c>topics.csv</c> and <c>actors.csv</c> (RFC 4180, invariant numbers) for spreadsheets.</summary>
public static class AnalysisCsv
{
    public const string TopicsFile = "topics.csv";
    public const string ActorsFile = "actors.csv";

    /// <summary>The two files as written: each table's CSV with lines ending in CR LF, as RFC 4180 has them.</summary>
    public static IEnumerable<(string Name, string Text)> Files(RunAnalysis analysis)
    {
        yield return (TopicsFile, Crlf(Text("topic", analysis.Topics)));
        yield return (ActorsFile, Crlf(Text("actor", analysis.Actors)));
    }

    private static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);

    /// <summary>The table as CSV text, lines ending in a line feed: what <c>analyze --format csv</c> prints.</summary>
    public static string Text(string key, IEnumerable<Tally> rows)
    {
        var text = new System.Text.StringBuilder();
        text.Append(Line([key, .. AnalysisTable.Headers.Select(h => h.Replace(' ', '_').Replace('/', '_'))])).Append('\n');
        foreach (var row in rows)
            text.Append(Line([row.Key, .. AnalysisTable.Cells(row, percent: false)])).Append('\n');
        return text.ToString();
    }

    private static string Line(IEnumerable<string> cells) => Scenarios.CsvLine.Of(cells);
}
