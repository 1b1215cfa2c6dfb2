namespace Summits.Scenarios;

/// <summary>Cuts text into lines at every line end a file may use: LF, CR LF, or a lone CR (old Mac files).</summary>
public static class TextLines
{
    /// <summary>The lines without their ends; text ending in a line end has no empty last line.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r'))
                continue;
            lines.Add(text[start..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        if (start < text.Length)
            lines.Add(text[start..]);
        return lines;
    }

    /// <summary>
    /// The place just after the last character of the last line that is not blank (1:1 for blank text), its column
    /// counted in characters: each Unicode scalar value (an emoji, two UTF-16 units, too) is one.
    /// </summary>
    public static (int Line, int Column) End(IReadOnlyList<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var trimmed = lines[i].TrimEnd();
            if (trimmed.Length > 0)
                return (i + 1, trimmed.EnumerateRunes().Count() + 1);
        }
        return (1, 1);
    }
}
