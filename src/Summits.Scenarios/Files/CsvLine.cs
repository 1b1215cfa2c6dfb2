namespace Summits.Scenarios;

/// <summary>One line of a CSV table as RFC 4180 writes it: cells joined by commas, a cell quoted where it holds a comma, a quote or a line break, its quotes doubled.</summary>
public static class CsvLine
{
    /// <summary>The cells as one line, without its line ending.</summary>
    public static string Of(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>One cell as a line writes it: as given, or quoted, its quotes doubled, where it holds a comma, a quote or a line break.</summary>
    public static string Cell(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";
}
