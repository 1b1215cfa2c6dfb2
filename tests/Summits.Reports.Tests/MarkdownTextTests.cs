using Summits.Reports.Pages;

namespace Summits.Reports.Tests;

/// <summary>
/// Text given to a Markdown report is plain text: it is escaped where it is written, so that a GitHub-flavoured renderer
/// shows its characters rather than taking them for HTML, emphasis, a link, code or a new table cell.
/// </summary>
public sealed class MarkdownTextTests
{
    [Theory]
    // '<' and '>' would open and close a tag, '|' end a table cell: each gets a backslash, the rest is kept.
    [InlineData("<b>the US</b> | pushes", @"\<b\>the US\</b\> \| pushes")]
    // Letters, digits, '-', '.', '(', ')' and an apostrophe make no markup here: an id reads the same in the file.
    [InlineData("north-korea 1.5 (JP's)", "north-korea 1.5 (JP's)")]
    // Emphasis and strikethrough marks.
    [InlineData("*hard* _now_ ~~no~~", @"\*hard\* \_now\_ \~\~no\~\~")]
    // The ']' that would end a link's text before its target, a code span's backticks, a heading mark, GitHub's maths
    // dollar, an entity's ampersand, and a backslash, which is doubled.
    [InlineData("[see](x) [a][b] `code` #1 $5 &amp; a\\b", @"[see\](x) [a\][b] \`code\` \#1 \$5 \&amp; a\\b")]
    // Brackets with no target after them make no link: a share's interval is kept as it is.
    [InlineData("45.5% [38.7, 52.4]", "45.5% [38.7, 52.4]")]
    // Every kind of line break is a space: the text stays in its cell or paragraph.
    [InlineData("two\nlines\r\nthree", "two lines three")]
    public void Text_is_escaped_to_read_as_written(string text, string escaped) =>
        Assert.Equal(escaped, MarkdownText.Escape(text));

    [Theory]
    // "- " opens a list item and "---" is a rule: the first mark is escaped.
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("---", "\\---")]
    [InlineData("+ nor this", "\\+ nor this")]
    // Up to nine digits and '.' or ')' before a space open an ordered list: the '.' or ')' is escaped.
    [InlineData("12) not a list either", "12\\) not a list either")]
    [InlineData("1.", "1\\.")]
    // A number whose '.' is followed by a digit opens nothing, and neither does a '-' inside the text.
    [InlineData("1.5 points, 2 - 1", "1.5 points, 2 - 1")]
    // "[x]: url" at a paragraph's start defines a link and hides the line: its '[' is escaped.
    [InlineData("[x]: http://example.org", "\\[x]: http://example.org")]
    // Four spaces would make an indented code block: leading spaces are dropped.
    [InlineData("    indented", "indented")]
    public void A_paragraph_that_would_open_a_list_or_a_rule_is_a_paragraph(string text, string written) =>
        Assert.Equal(written + "\n\n", new MarkdownText().Paragraph(text).ToString());

    [Fact]
    public void A_warning_is_a_bold_paragraph_of_escaped_text()
    {
        // "Only 4 runs <" → "Only 4 runs \<" between ** and **.
        Assert.Equal("**Only 4 runs \\<**\n\n", new MarkdownText().Paragraph("Only 4 runs <", strong: true).ToString());
    }

    [Fact]
    public void A_table_escapes_its_header_and_every_cell()
    {
        // The header "a|b" and the cell's '<', '>' and '|' each get a backslash; the cell's newline is a space.
        var md = new MarkdownText().Table(["step", "a|b"], [["step-6", "<b>the US</b> | pushes\nhard"]]).ToString();

        Assert.Equal("| step | a\\|b |\n| --- | --- |\n| step-6 | \\<b\\>the US\\</b\\> \\| pushes hard |\n\n", md);
    }

    [Fact]
    public void A_heading_keeps_a_closing_hash()
    {
        // "# Run of x #" would be read as the heading "Run of x", its last '#' a closing mark; escaped it stays.
        Assert.Equal("# Run of x \\#\n\n", new MarkdownText().Heading("Run of x #", 1).ToString());
    }

    /// <summary>Texts that a renderer would take for markup of every kind if they were written as they are.</summary>
    public static TheoryData<string> Hostile() =>
    [
        "<b>the US</b> | pushes",
        "*a* **b** _c_ __d__ ~~e~~ `f` [g](h) ![i](j) <http://example.org> &amp; &#60; $x$ #k \\l",
        "<!-- hidden --> <div>block</div> <script>alert(1)</script>",
        "- a list?",
        "1. first",
        "> a quote",
        "# a heading",
        "---",
        "```",
        "| a | b |",
        "[ ] a task",
        "ends in a backslash \\",
        "[x]: http://example.org",
        "[a][b] [c][] ![d](e) [f [g] h](i)",
        "45.5% [38.7, 52.4]",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_renderer_shows_the_text_as_written_in_a_paragraph_a_heading_and_a_cell(string text)
    {
        // The same text as a heading, a paragraph and the one cell of a table under a header "because": read back by a
        // GitHub-flavoured renderer, each shows exactly the text, as plain text, and the table's row has one cell.
        var md = new MarkdownText().Heading(text).Paragraph(text).Table(["because"], [[text]]).ToString();

        var document = RenderedMarkdown.Parse(md);

        Assert.Empty(RenderedMarkdown.Markup(document));
        Assert.Equal([text], RenderedMarkdown.Headings(document));
        Assert.Equal([text], RenderedMarkdown.Paragraphs(document));
        Assert.Equal([[["because"], [text]]], RenderedMarkdown.Tables(document));
    }
}
