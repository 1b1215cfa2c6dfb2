namespace Summits.Scenarios;

/// <summary>One comma-separated field of a table line, trimmed, with the column it starts at (1-based, counted in characters: an emoji is one).</summary>
public readonly record struct CsvField(string Text, int Column)
{
    /// <summary>
    /// Splits a line at commas outside double quotes, trims each field, and drops the empty fields
    /// at the end that spreadsheet exports leave behind.
    /// </summary>
    public static IReadOnlyList<CsvField> Split(string line)
    {
        var fields = new List<CsvField>();
        var text = new System.Text.StringBuilder();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == ',' && !quoted))
            {
                fields.Add(Trimmed(text.ToString(), line, start));
                text.Clear();
                start = i + 1;
                continue;
            }
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    text.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
                continue;
            }
            text.Append(c);
        }
        while (fields.Count > 0 && fields[^1].Text.Length == 0)
            fields.RemoveAt(fields.Count - 1);
        return fields;
    }

    private static CsvField Trimmed(string text, string line, int start)
    {
        var leading = 0;
        while (start + leading < line.Length && line[start + leading] is ' ' or '\t')
            leading++;
        // The column in characters, an emoji one, though it takes two UTF-16 units of the line.
        return new CsvField(text.Trim(), line[..(start + leading)].EnumerateRunes().Count() + 1);
    }
}
