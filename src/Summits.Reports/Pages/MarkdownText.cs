using System.Text;
using System.Text.RegularExpressions;

namespace Summits.Reports.Pages;

/// <summary>
/// A report in Markdown (GitHub-flavoured): headings, paragraphs and tables, for reading in a terminal or a code review.
/// Every text it is given is plain text, never Markdown: a scenario's <c>about</c> and <c>because:</c>, an id, a KTAB
/// column header, a run's name. It escapes each here, and only here (<see cref="Escape"/>), as <see cref="HtmlPage"/>
/// escapes its text, so that a renderer shows the text as written: <c>&lt;b&gt;the US&lt;/b&gt; | pushes</c> is read
/// as those characters, not as bold text and a new table cell.
/// </summary>
public sealed partial class MarkdownText
{
    private readonly StringBuilder _text = new();

    /// <summary>A heading of <paramref name="level"/> '#'s (1 to 6) over <paramref name="text"/>, escaped.</summary>
    public MarkdownText Heading(string text, int level = 2)
    {
        _text.Append('#', level).Append(' ').Append(Escape(text)).Append("\n\n");
        return this;
    }

    /// <summary>
    /// A paragraph of <paramref name="text"/>, escaped and on one line (a line break in it is a space), in bold when
    /// <paramref name="strong"/> (a warning). A text that would open a list (<c>- </c>, <c>+ </c>, <c>1. </c>,
    /// <c>2) </c>), a rule (<c>---</c>) or a link definition (<c>[x]: url</c>) has that mark escaped too, and spaces
    /// before it, which would make it code, are dropped.
    /// </summary>
    public MarkdownText Paragraph(string text, bool strong = false)
    {
        var escaped = BlockStart().Replace(Escape(text).TrimStart(), mark => $"{mark.Value[..^1]}\\{mark.Value[^1]}", 1);
        _text.Append(strong && escaped.Length > 0 ? $"**{escaped}**" : escaped).Append("\n\n");
        return this;
    }

    /// <summary>
    /// A table of <paramref name="rows"/> under <paramref name="header"/>, every header and cell escaped: a cell's
    /// <c>|</c> cannot end it, and its line breaks are written as spaces, so that a cell of several lines (a reason
    /// written as a YAML block) stays in its row.
    /// </summary>
    public MarkdownText Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _text.Append("| ").Append(string.Join(" | ", header.Select(Escape))).Append(" |\n");
        _text.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
            _text.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// <paramref name="text"/> as Markdown that GitHub-flavoured renderers show as the same characters, on one line:
    /// each line break is a space, and a backslash goes before every character that could make markup where it stands
    /// (CommonMark lets any ASCII punctuation be escaped so): <c>&lt; &gt; &amp;</c> (HTML, autolinks, entities),
    /// <c>* _ ~</c> (emphasis, strikethrough), <c>` |</c> (code, table cells), a <c>]</c> before <c>(</c> or <c>[</c>
    /// (the end of a link's text), <c>#</c> (a heading's closing marks), <c>$</c> (GitHub's maths) and the backslash
    /// itself. Letters, digits, <c>-</c>, <c>.</c>, other brackets and the rest are left as they are, so an id such as
    /// <c>north-korea</c> or an interval such as <c>[38.7, 52.4]</c> reads the same in the file.
    /// </summary>
    public static string Escape(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        var escaped = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            // A ']' closes a link or an image only right before its target: "[see](x)", "[see][x]". Escaped there, no
            // bracket pair can make one, and a share's interval, "45.5% [38.7, 52.4]", reads as it is.
            var closesLink = c == ']' && i + 1 < line.Length && line[i + 1] is '(' or '[';
            if (closesLink || c is '\\' or '`' or '*' or '_' or '~' or '<' or '>' or '&' or '|' or '#' or '$')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// The start of a line that opens a list item or a thematic break, a '-' or '+', or up to nine digits and a '.' or
    /// ')' before a space or the end; or a link reference definition, "[x]: url", which would hide the line: a '['.
    /// </summary>
    [GeneratedRegex(@"^(?:[-+[]|\d{1,9}[.)](?=[ \t]|$))")]
    private static partial Regex BlockStart();
}
