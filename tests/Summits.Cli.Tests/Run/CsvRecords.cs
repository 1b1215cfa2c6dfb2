using System.Text;

namespace Summits.Cli.Tests;

/// <summary>
/// Reads CSV text as RFC 4180 (section 2) defines it, independently of the writer under test: records end at a line
/// break outside quotes, cells at a comma outside quotes, and inside a quoted cell '""' is one quote and a comma or line
/// break is part of the cell. The text's last line break ends its last record rather than beginning an empty one.
/// </summary>
internal static class CsvRecords
{
    /// <summary>Every record of <paramref name="text"/>, each its cells in order.</summary>
    /// <exception cref="FormatException">A quote is left open at the end, or a quoted cell is followed by anything but a comma or a line break.</exception>
    public static List<string[]> Of(string text)
    {
        var records = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && cell.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException("a quoted cell is not closed");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        cell.Append(text[i++]);
                    }
                }
                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                    throw new FormatException($"'{text[i]}' after a quoted cell, at {i}; expected a comma or a line break");
                continue;
            }
            if (text[i] == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                i++;
            }
            else if (text[i] is '\n' or '\r')
            {
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                cells.Add(cell.ToString());
                cell.Clear();
                records.Add([.. cells]);
                cells.Clear();
            }
            else
            {
                cell.Append(text[i++]);
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add([.. cells]);
        }
        return records;
    }
}
