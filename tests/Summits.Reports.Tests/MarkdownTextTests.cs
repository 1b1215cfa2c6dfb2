using Summits.Reports.Pages;

namespace Summits.Reports.Tests;

/// <summary>
/// Text given to a Markdown report is plain text: it is escaped where it is written, so that a GitHub-flavoured renderer
/// shows its characters rather than taking them for HTML, emphasis, a link, code or a new table cell.
/// </summary>
public sealed class MarkdownTextTests
{
    [Theory]
    // A '<' before a letter or '/' would open and close a tag: it gets a backslash, the '>' after it none.
    [InlineData("<b>x</b>", @"\<b>x\</b>")]
    // '!' and '?' after '<' open a comment and a processing instruction.
    [InlineData("<!-- c --> <?p?>", @"\<!-- c --> \<?p?>")]
    // Before a digit, a space or '=' a '<' opens nothing: a p value reads as it is.
    [InlineData("<0.0001, a < b, a <= b", "<0.0001, a < b, a <= b")]
    // Outside a table cell a '|' ends nothing: a noise band reads as it is.
    [InlineData("|ρ| ≥ 0.1388", "|ρ| ≥ 0.1388")]
    // An '_' between two letters or digits makes no emphasis on GitHub; one at a word's edge could.
    [InlineData("runs/b_x/state.json a_1 _c_", @"runs/b_x/state.json a_1 \_c\_")]
    // '*', '~', a backtick and '$' are escaped wherever they stand.
    [InlineData("*hard* a*b ~~no~~ `code` $5", @"\*hard\* a\*b \~\~no\~\~ \`code\` \$5")]
    // An '&' starts an entity only before '#' or letters and digits ending in ';'.
    [InlineData("R&D &amp; &#60; & x", @"R&D \&amp; \&#60; & x")]
    // The ']' that would end a link's text before its target; brackets with no target after them make no link.
    [InlineData("[see](x) [a][b] 45.5% [38.7, 52.4]", @"[see\](x) [a\][b] 45.5% [38.7, 52.4]")]
    // A backslash before punctuation or at the end is doubled; before a letter it shows as it is.
    [InlineData(@"a\b \* end \", @"a\b \\\* end \\")]
    // '#', '>', '-', '+' and '.' make no markup within a line: a paragraph's or heading's own rules escape them at its ends.
    [InlineData("#1 a > b -0.5 +2 1. x", "#1 a > b -0.5 +2 1. x")]
    // A bare address is left as written, '_', '&' and '~' in it too, or GitHub would keep the backslashes in the link.
    [InlineData("see https://example.org/a_b?x=1&y=2 and www.example.org/~u", "see https://example.org/a_b?x=1&y=2 and www.example.org/~u")]
    // "www." with no domain of two parts after it is not linked: its text is escaped as any other.
    [InlineData("www.*x*", @"www.\*x\*")]
    // Every kind of line break is a space: the text stays in its cell or paragraph.
    [InlineData("two\nlines\r\nthree", "two lines three")]
    public void Text_is_escaped_only_where_it_would_make_markup(string text, string escaped) =>
        Assert.Equal(escaped, MarkdownText.Escape(text));

    [Theory]
    // In a table cell every '|' would end the cell: each is escaped, within a bare address too.
    [InlineData("<b>the US</b> | pushes", @"\<b>the US\</b> \| pushes")]
    [InlineData("https://example.org/a|b", @"https://example.org/a\|b")]
    public void In_a_table_cell_every_bar_is_escaped(string text, string escaped) =>
        Assert.Equal(escaped, MarkdownText.Escape(text, bars: true));

    [Theory]
    // "- " opens a list item and "---" is a rule: the first mark is escaped.
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("---", "\\---")]
    [InlineData("+ nor this", "\\+ nor this")]
    // Up to nine digits and '.' or ')' before a space open an ordered list: the '.' or ')' is escaped.
    [InlineData("12) not a list either", "12\\) not a list either")]
    [InlineData("1.", "1\\.")]
    // A number whose '.' is followed by a digit opens nothing, and neither does a '-' inside the text or before a digit.
    [InlineData("1.5 points, 2 - 1", "1.5 points, 2 - 1")]
    [InlineData("-0.5 points", "-0.5 points")]
    [InlineData("- - -", "\\- - -")]
    // '>' opens a quote and '#' a heading at a paragraph's start, not within it.
    [InlineData("> a quote > b", "\\> a quote > b")]
    [InlineData("# a heading #1", "\\# a heading #1")]
    // A paragraph beginning or ending with '|' could be read as a table's row: each '|' is escaped; others are kept.
    [InlineData("| a | b |", "\\| a \\| b \\|")]
    [InlineData("a | b", "a | b")]
    // "[x]: url" at a paragraph's start defines a link and hides the line: its '[' is escaped.
    [InlineData("[x]: http://example.org", "\\[x]: http://example.org")]
    // Four spaces would make an indented code block: leading spaces are dropped.
    [InlineData("    indented", "indented")]
    public void A_paragraph_that_would_open_a_list_or_a_rule_is_a_paragraph(string text, string written) =>
        Assert.Equal(written + "\n\n", new MarkdownText().Paragraph(text).ToString());

    [Fact]
    public void A_warning_is_a_bold_paragraph_of_escaped_text()
    {
        // "Only 4 runs <b>" → "Only 4 runs \<b>", its trailing space dropped (or "**" would not close), between ** and **.
        Assert.Equal("**Only 4 runs \\<b>**\n\n", new MarkdownText().Paragraph("Only 4 runs <b> ", strong: true).ToString());
    }

    [Fact]
    public void A_table_escapes_its_header_and_every_cell()
    {
        // The header "a|b" and the cell's '|' each get a backslash, and the '<'s before 'b' and '/'; the cell's newline is a space.
        var md = new MarkdownText().Table(["step", "a|b"], [["step-6", "<b>the US</b> | pushes\nhard"]]).ToString();

        Assert.Equal("| step | a\\|b |\n| --- | --- |\n| step-6 | \\<b>the US\\</b> \\| pushes hard |\n\n", md);
    }

    [Fact]
    public void A_heading_keeps_a_closing_hash()
    {
        // "# Run of x #" would be read as the heading "Run of x", its last '#' a closing mark; escaped it stays.
        Assert.Equal("# Run of x \\#\n\n", new MarkdownText().Heading("Run of x #", 1).ToString());
        // A '#' within it, or ending a word, closes nothing.
        Assert.Equal("## #1 of x#\n\n", new MarkdownText().Heading("#1 of x#").ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_heading_has_one_to_six_marks(int level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkdownText().Heading("x", level));

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
        "see https://example.org/a_b?x=1&y=2 and www.example.org/~u",
        "<0.0001 |ρ| ≥ 0.1388 runs/b_x/state.json -0.5 a_b R&D #1 a > b",
        "+ not a list",
        "- - -",
        "| a |",
        "a\\|b [^1] [^1]: x ~one~ ^sup^ ==mark== ++ins++",
        "(https://example.org/a_b) *https://example.org/c* [see](https://example.org/d)",
        "www.*x* www.a.b_*c*",
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

    [Fact]
    public void A_bare_address_is_linked_to_itself_in_a_paragraph_a_heading_and_a_cell()
    {
        const string text = "see https://example.org/a_b?x=1&y=2 and www.example.org/~u";
        var md = new MarkdownText().Heading(text).Paragraph(text).Table(["because"], [[text]]).ToString();

        // Each of the three places links both addresses to what is written, with no backslash in either; a www address's
        // target is given http:// as its scheme.
        string[] links = ["https://example.org/a_b?x=1&y=2", "http://www.example.org/~u"];
        Assert.Equal([.. links, .. links, .. links], RenderedMarkdown.Links(RenderedMarkdown.Parse(md)));
    }
}
