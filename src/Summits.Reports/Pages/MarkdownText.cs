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

    /// <summary>
    /// A heading of <paramref name="level"/> '#'s over <paramref name="text"/>, escaped (<see cref="Escape"/>), on one
    /// line and without spaces at its ends; a run of '#'s ending the text, which would be read as the heading's closing
    /// marks, has its first escaped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not 1 to 6.</exception>
    public MarkdownText Heading(string text, int level = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        var escaped = ClosingMarks().Replace(Escape(OneLine(text)), @"\$0", 1);
        _text.Append('#', level).Append(' ').Append(escaped).Append("\n\n");
        return this;
    }

    /// <summary>
    /// A paragraph of <paramref name="text"/>, escaped (<see cref="Escape"/>) and on one line, without spaces at its
    /// ends (spaces before it would make it code), in bold when <paramref name="strong"/> (a warning). A text that would
    /// open a block has that mark escaped too: a list (<c>- </c>, <c>+ </c>, <c>1. </c>, <c>2) </c>), a rule
    /// (<c>---</c>), a quote (<c>&gt;</c>), a heading (<c>#</c>) or a link definition (<c>[x]: url</c>); and a text
    /// beginning or ending with <c>|</c>, which a renderer lenient about tables could read as a row, has every <c>|</c>
    /// escaped.
    /// </summary>
    public MarkdownText Paragraph(string text, bool strong = false)
    {
        var line = OneLine(text);
        var escaped = BlockStart().Replace(Escape(line, bars: line.StartsWith('|') || line.EndsWith('|')),
            mark => $"{mark.Value[..^1]}\\{mark.Value[^1]}", 1);
        _text.Append(strong && escaped.Length > 0 ? $"**{escaped}**" : escaped).Append("\n\n");
        return this;
    }

    /// <summary>
    /// A table of <paramref name="rows"/> under <paramref name="header"/>, every header and cell escaped with each of
    /// its <c>|</c>s, which would end the cell, and its line breaks written as spaces, so that a cell of several lines
    /// (a reason written as a YAML block) stays in its row.
    /// </summary>
    public MarkdownText Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _text.Append("| ").Append(string.Join(" | ", header.Select(Cell))).Append(" |\n");
        _text.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
            _text.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// <paramref name="text"/> as Markdown that GitHub-flavoured renderers show as the same characters, on one line
    /// (each line break is a space). A backslash goes before a character only where it would make markup within a line
    /// (CommonMark lets any ASCII punctuation be escaped so), so that the file reads as the text does:
    /// <list type="bullet">
    /// <item><c>`</c>, <c>*</c>, <c>~</c> and <c>$</c> (code, emphasis, strikethrough, GitHub's maths) always;</item>
    /// <item><c>_</c> unless between two letters or digits (<c>a_b</c>: GitHub makes no emphasis within a word);</item>
    /// <item><c>&lt;</c> before a letter, <c>/</c>, <c>!</c> or <c>?</c> (a tag, a comment, an autolink), not in
    /// <c>&lt;0.0001</c>;</item>
    /// <item><c>&amp;</c> before <c>#</c> or letters and digits ending in <c>;</c> (an entity), not in <c>R&amp;D</c>;</item>
    /// <item>a <c>]</c> before <c>(</c> or <c>[</c> (the end of a link's text), not in <c>[38.7, 52.4]</c>;</item>
    /// <item>a backslash before ASCII punctuation or at the end, not in <c>a\b</c>;</item>
    /// <item><c>|</c> when <paramref name="bars"/> (in a table cell, where one would end the cell).</item>
    /// </list>
    /// A bare address, <c>https://…</c>, <c>ftp://…</c> or <c>www.…</c> after a space, an opening parenthesis or the
    /// start, is left as written up to a space or <c>&lt;</c>, but for a <c>]</c> before <c>(</c> or <c>[</c> and
    /// <paramref name="bars"/>' <c>|</c>: GitHub links it, and would keep a backslash within it in the link.
    /// What opens a block at the start of a line, or closes a heading, is the paragraph's and the heading's to escape;
    /// <c>&gt;</c>, <c>#</c>, <c>-</c>, <c>+</c>, <c>.</c> and other punctuation are left as they are here, and so are
    /// emoji shortcodes such as <c>:+1:</c>, which GitHub may show as the emoji.
    /// </summary>
    public static string Escape(string text, bool bars = false)
    {
        var line = text.ReplaceLineEndings(" ");
        var escaped = new StringBuilder(line.Length);
        var at = 0;
        foreach (Match address in BareAddress().Matches(line))
        {
            EscapeWithin(line, at, address.Index, bars, escaped, inAddress: false);
            EscapeWithin(line, address.Index, address.Index + address.Length, bars, escaped, inAddress: true);
            at = address.Index + address.Length;
        }
        EscapeWithin(line, at, line.Length, bars, escaped, inAddress: false);
        return escaped.ToString();
    }

    public override string ToString() => _text.ToString();

    private static string Cell(string text) => Escape(text, bars: true);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>
    /// Appends <paramref name="line"/>[<paramref name="from"/>..<paramref name="to"/>) to <paramref name="escaped"/>,
    /// each character escaped as <see cref="Escape"/> says; in a bare address only a '|' or a ']' that would make markup.
    /// </summary>
    private static void EscapeWithin(string line, int from, int to, bool bars, StringBuilder escaped, bool inAddress)
    {
        for (var i = from; i < to; i++)
        {
            if ((!inAddress || line[i] is '|' or ']') && MakesMarkup(line, i, bars))
                escaped.Append('\\');
            escaped.Append(line[i]);
        }
    }

    private static bool MakesMarkup(string line, int i, bool bars)
    {
        var next = i + 1 < line.Length ? line[i + 1] : '\0';
        return line[i] switch
        {
            '`' or '*' or '~' or '$' => true,
            '_' => !(i > 0 && char.IsLetterOrDigit(line[i - 1]) && char.IsLetterOrDigit(next)),
            '<' => char.IsLetter(next) || next is '/' or '!' or '?',
            '&' => Entity().IsMatch(line.AsSpan(i)),
            ']' => next is '(' or '[',
            '\\' => next == '\0' || AsciiPunctuation.Contains(next),
            '|' => bars,
            _ => false,
        };
    }

    /// <summary>The characters a backslash escapes in CommonMark: before one of them a backslash is not shown.</summary>
    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>
    /// The start of a line that opens a block: a '-' or '+' before a space or the end (a list item), a '-' that begins a
    /// rule of three or more, up to nine digits and a '.' or ')' before a space or the end (an ordered list), a '&gt;'
    /// (a quote), a '#' (a heading), or a '[' (a link reference definition, "[x]: url", which would hide the line).
    /// </summary>
    [GeneratedRegex(@"^(?:[>#[]|[-+](?=[ \t]|$)|-(?=(?:[ \t]*-){2,}[ \t]*$)|\d{1,9}[.)](?=[ \t]|$))")]
    private static partial Regex BlockStart();

    /// <summary>A heading's closing marks: '#'s after a space (or alone) at its end.</summary>
    [GeneratedRegex(@"(?<=^|[ \t])#+$")]
    private static partial Regex ClosingMarks();

    /// <summary>An entity's start, "&amp;#" or "&amp;name;".</summary>
    [GeneratedRegex(@"^&(?:#|[A-Za-z][A-Za-z0-9]*;)")]
    private static partial Regex Entity();

    /// <summary>
    /// A bare address GitHub links (its extended autolink): http://, https://, ftp:// or www. and a domain of two parts
    /// or more with no '_', after the start, a space or one of <c>( * _ ~</c>, up to a space or '&lt;'.
    /// </summary>
    [GeneratedRegex(@"(?<=^|[\s(*_~])(?:(?:https?|ftp)://|www\.)(?>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?![A-Za-z0-9_-])[^\s<]*")]
    private static partial Regex BareAddress();
}
