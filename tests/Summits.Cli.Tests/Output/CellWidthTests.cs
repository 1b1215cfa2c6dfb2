using Summits.Cli.Output;

namespace Summits.Cli.Tests;

/// <summary>
/// Text is fitted to the terminal by the cells it takes, not by its characters: a CJK character or an emoji takes
/// two cells, so a line counted in characters overflows; a control character in a path is shown escaped, so it
/// cannot break a line or a table.
/// </summary>
public sealed class CellWidthTests
{
    [Theory]
    // ASCII: a cell a character.
    [InlineData("JP", 2)]
    // 日本 are two CJK ideographs (East Asian Width W): 2 × 2 = 4 cells, though 2 characters.
    [InlineData("日本", 4)]
    // 🙂 (U+1F642) is one wide emoji: 2 cells, though 2 UTF-16 code units.
    [InlineData("🙂", 2)]
    // 'e' and a combining acute accent (U+0301) draw as one 'é': 1 cell, though 2 characters.
    [InlineData("e\u0301", 1)]
    // "id 中国": 3 ASCII cells and 2 ideographs of 2 each = 7.
    [InlineData("id 中国", 7)]
    public void A_text_takes_the_cells_a_terminal_draws(string text, int cells)
    {
        Assert.Equal(cells, TerminalWidth.Cells(text));
    }

    [Fact]
    public void A_line_of_wide_characters_is_wrapped_by_its_cells()
    {
        // 12 cells. "wrote 日本語の記録 to out" is 5 + 1 + 12 (six ideographs and kana, 2 cells each) + 1 + 2 + 1 + 3 = 25
        // cells, but only 19 characters. Counted in characters, "wrote 日本語の記録" (12 characters) fit on the first
        // line and drew 18 cells. By cells, and breaking between the wide characters as Japanese is written (no
        // spaces): "wrote 日本語" (5 + 1 + 6 = 12; の would make 14), then "    の記録" (4 + 6 = 10; " to" would make 13),
        // then "    to out" (4 + 2 + 1 + 3 = 10). A path is kept whole instead (CellMeasureTests).
        var lines = TerminalWidth.Wrap("wrote 日本語の記録 to out", 12).ToArray();

        Assert.Equal(["wrote 日本語", "    の記録", "    to out"], lines);
        Assert.All(lines, l => Assert.True(TerminalWidth.Cells(l) <= 12, $"'{l}' takes {TerminalWidth.Cells(l)} cells"));
    }

    [Fact]
    public void A_line_drawn_in_place_is_cut_by_its_cells_and_never_inside_a_character()
    {
        // "summit 日本語" is 7 + 6 = 13 cells (10 characters, so counted in characters it "fit" in 10 and drew 13).
        // Cut to 10: 10 − 3 = 7 cells before "...": "summit " (the next ideograph would make 9).
        Assert.Equal("summit ...", TerminalWidth.Fit("summit 日本語", 10));
        // Five emoji are 10 cells in 10 UTF-16 code units. Cut to 8: 5 cells before "...", so two emoji (4 cells; a
        // third would make 6). Cut by code units, the first 5 ended inside the third emoji's surrogate pair.
        var cut = TerminalWidth.Fit("🙂🙂🙂🙂🙂", 8);
        Assert.Equal("🙂🙂...", cut);
        Assert.True(TerminalWidth.Cells(cut) <= 8);
    }

    [Fact]
    public void A_list_shortened_to_a_width_counts_its_cells()
    {
        // Room 20. "中華人民共和国, 日本国" is 14 + 2 + 6 = 22 cells (12 characters): it does not fit whole. The first
        // item alone with " and 1 more" is 14 + 11 = 25 cells, but one item is always named.
        Assert.Equal("中華人民共和国 and 1 more", TerminalWidth.Abbreviate(["中華人民共和国", "日本国"], 20));
    }

    [Fact]
    public void Control_characters_are_shown_escaped()
    {
        // A tab, a newline, a carriage return and an escape (U+001B) as C writes them; everything else kept.
        Assert.Equal("a\\tb\\nc\\rd\\x1B[31m日本", Printable.Of("a\tb\nc\rd\u001b[31m日本"));
        // A cell's own line breaks are kept, each line escaped on its own.
        Assert.Equal("a\\tb\nc", Printable.Cell("a\tb\nc"));
    }

    [Fact]
    public void A_path_with_a_tab_or_a_newline_stays_on_one_line()
    {
        var path = "/tmp/my\truns/new\nline";
        // Without a width (a file or a pipe) the line is whole; with one it fits: 60 columns hold all 43 characters
        // of "wrote state.json to /tmp/my\truns/new\nline" once each control character is two ("\t", "\n").
        Assert.Equal(["wrote state.json to /tmp/my\\truns/new\\nline"], PathLines.Wrapped($"wrote state.json to {path}", null, path).ToArray());
        Assert.Equal(["wrote state.json to /tmp/my\\truns/new\\nline"], PathLines.Wrapped($"wrote state.json to {path}", 60, path).ToArray());
        // At 30 columns the escaped path (23 characters) is kept whole on a line of its own, indented by 4.
        Assert.Equal(["wrote state.json to", "    /tmp/my\\truns/new\\nline"], PathLines.Wrapped($"wrote state.json to {path}", 30, path).ToArray());
    }

    [Fact]
    public void A_table_column_is_as_wide_as_the_cells_of_its_longest_id()
    {
        var output = new StringWriter();

        FittedTable.Write(output, [new("actor"), new("note")], [["中華人民共和国", "x"], ["JP", "y"]], 40);

        // 中華人民共和国 is 7 characters but 14 cells: the id column is 14 cells wide, then the 2-cell gutter, so "note"
        // starts at cell 16 on every line. Counted in characters, the column was 7 wide and the id was cut or broken.
        Assert.Equal(["actor           note", "中華人民共和国  x", "JP              y"], output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_tab_in_a_table_cell_is_shown_escaped()
    {
        var output = new StringWriter();

        FittedTable.Write(output, [new("file"), new("n")], [["a\tb.yaml", "1"]], 40);

        // "a\tb.yaml" is shown as the 9 characters a\tb.yaml (the tab as backslash and t), so the column is 9 wide
        // and "n" starts at 9 + 2 = 11 on both lines.
        Assert.Equal(["file       n", "a\\tb.yaml  1"], output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Theory]
    // No choice: nothing; one: the choice alone ("expected ktab", not "expected one of ktab"); two or more: "one of"
    // with the alternatives joined by commas and "or" before the last, no comma before "or".
    [InlineData(new string[0], "")]
    [InlineData(new[] { "ktab" }, "ktab")]
    [InlineData(new[] { "table", "csv" }, "one of table or csv")]
    [InlineData(new[] { "table", "csv", "json" }, "one of table, csv or json")]
    public void A_choice_among_one_reads_as_that_one(string[] choices, string said)
    {
        Assert.Equal(said, Summits.Model.Listed.OneOf(choices));
    }
}
