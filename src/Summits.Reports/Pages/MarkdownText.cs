using System.Text;

namespace Summits.Reports.Pages;

/// <summary>A report in Markdown: headings, paragraphs and tables, for reading in a terminal or a code review.</summary>
public sealed class MarkdownText
{
    private readonly StringBuilder _text = new();

    public MarkdownText Heading(string text, int level = 2)
    {
        _text.Append('#', level).Append(' ').Append(text).Append("\n\n");
        return this;
    }

    public MarkdownText Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>
    /// A table of <paramref name="rows"/> under <paramref name="header"/>. A cell's <c>|</c> is escaped and its line
    /// breaks are written as spaces, so that a cell of several lines (a reason written as a YAML block) stays in its row.
    /// </summary>
    public MarkdownText Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _text.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        _text.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
            _text.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|").ReplaceLineEndings(" ")))).Append(" |\n");
        _text.Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();
}
