namespace Summits.Cli.Analysis;

/// <summary>Writes an analysed run as <c>topics.csv</c> and <c>actors.csv</c> (RFC 4180, invariant numbers) for spreadsheets.</summary>
public static class AnalysisCsv
{
    public const string TopicsFile = "topics.csv";
    public const string ActorsFile = "actors.csv";

    public static void Write(string directory, RunAnalysis analysis)
    {
        Directory.CreateDirectory(directory);
        Write(Path.Combine(directory, TopicsFile), "topic", analysis.Topics);
        Write(Path.Combine(directory, ActorsFile), "actor", analysis.Actors);
    }

    private static void Write(string path, string key, IEnumerable<Tally> rows) =>
        File.WriteAllText(path, Text(key, rows).Replace("\n", "\r\n", StringComparison.Ordinal));

    /// <summary>The table as CSV text, lines ending in a line feed: what <c>analyze --format csv</c> prints.</summary>
    public static string Text(string key, IEnumerable<Tally> rows)
    {
        var text = new System.Text.StringBuilder();
        text.Append(Line([key, .. AnalysisTable.Headers.Select(h => h.Replace(' ', '_').Replace('/', '_'))])).Append('\n');
        foreach (var row in rows)
            text.Append(Line([row.Key, .. AnalysisTable.Cells(row, percent: false)])).Append('\n');
        return text.ToString();
    }

    private static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Quote));

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";
}
