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

    private static void Write(string path, string key, IEnumerable<Tally> rows)
    {
        using var file = new StreamWriter(path);
        file.NewLine = "\r\n";
        file.WriteLine(Line([key, .. AnalysisTable.Headers.Select(h => h.Replace(' ', '_').Replace('/', '_'))]));
        foreach (var row in rows)
            file.WriteLine(Line([row.Key, .. AnalysisTable.Cells(row, percent: false)]));
    }

    private static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Quote));

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";
}
