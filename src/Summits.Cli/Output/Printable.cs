using System.Globalization;
using System.Text;

namespace Summits.Cli.Output;

/// <summary>
/// Text as it may be shown on a terminal line: a control character (a tab, a newline, an escape) written in a path
/// or an id would move the cursor, break the line or the table it stands in, or drive the terminal; each is shown
/// escaped instead, as C writes it: <c>\t</c>, <c>\n</c>, <c>\r</c>, and <c>\xNN</c> (two hex digits) for the rest of
/// U+0000–U+001F, U+007F and U+0080–U+009F. Every other character is kept as it is.
/// </summary>
public static class Printable
{
    /// <summary>
    /// <paramref name="text"/> with each control character escaped. The escape is made character by character, so
    /// the escaped form of a path inside a line is found inside the escaped line.
    /// </summary>
    public static string Of(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        var shown = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            shown.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return shown.ToString();
    }

    /// <summary>
    /// A table cell's text, whose lines are separated by '\n' on purpose: each line escaped as <see cref="Of"/> escapes
    /// it, the separators kept.
    /// </summary>
    public static string Cell(string text) => text.Contains('\n') ? string.Join('\n', text.Split('\n').Select(Of)) : Of(text);
}
