using Summits.Cli.Output;

namespace Summits.Cli.Tests;

/// <summary>
/// Lines broken to fit the terminal (every narrow table and summary line goes through <see cref="TerminalWidth.Wrap"/>)
/// never leave a blank line where a break falls among a row's padding.
/// </summary>
public sealed class WrapTests
{
    [Fact]
    public void A_break_inside_a_rows_padding_gives_no_blank_line()
    {
        // "  abcdefgh", then 8 spaces of padding (an empty cell), then "ijkl"; 12 columns. The first line holds
        // "  abcdefgh" (10 columns) and two of the spaces (12); the rest of the padding and "ijkl" go on. Before,
        // the continuation (indent 2 + 4 = 6 spaces) took the remaining padding, then broke before "ijkl", and the
        // line of spaces alone came out blank. Right: "  abcdefgh", then "      ijkl" (6 + 4 = 10 columns).
        var lines = TerminalWidth.Wrap("  abcdefgh" + new string(' ', 8) + "ijkl", 12).ToArray();

        Assert.Equal(["  abcdefgh", "      ijkl"], lines);
    }

    [Fact]
    public void Padding_within_a_line_is_kept_and_a_continuation_starts_at_its_next_word()
    {
        // "a" + 3 spaces + "b" is 5 columns, within 12: as it was.
        Assert.Equal(["a   b"], TerminalWidth.Wrap("a   b", 12).ToArray());
        // At 8 columns "x1234567  y" (11) breaks after "x1234567" (8); "  " is the padding the break falls in, and
        // the continuation is 0 + 4 spaces then "y": "    y".
        Assert.Equal(["x1234567", "    y"], TerminalWidth.Wrap("x1234567  y", 8).ToArray());
    }

    [Fact]
    public void A_path_with_spaces_is_not_broken_at_them_and_starts_the_next_line_when_it_does_not_fit()
    {
        // 30 columns. "wrote timeline.jsonl to" is 23; the path "/tmp/my summit runs/2026/out" is 28, one word with its
        // spaces, so it does not fit after it (23 + 1 + 28 = 51) and starts the next line. At the continuation's indent
        // of 4 it would take 32 columns, so it starts 30 - 28 = 2 columns in, whole. Broken at its spaces, it would
        // have read "    /tmp/my summit" and "    runs/2026/out".
        var lines = TerminalWidth.Wrap("wrote timeline.jsonl to /tmp/my summit runs/2026/out", 30, paths: ["/tmp/my summit runs/2026/out"]).ToArray();

        Assert.Equal(["wrote timeline.jsonl to", "  /tmp/my summit runs/2026/out"], lines);
    }

    [Fact]
    public void A_path_wider_than_the_terminal_stands_alone_from_the_left_edge_and_the_words_after_it_go_on()
    {
        // 20 columns. "wrote the report to" is 19. The path is 36, wider than the terminal: it alone passes the width,
        // on a line of its own from the left edge. "(with" does not fit after it and starts the next line at 4:
        // "    (with report.md" is 4 + 5 + 1 + 9 = 19; "and" would make 23, so "    and the CSVs)" (17).
        const string path = "/a/very/long/folder/name/report.html";
        var lines = TerminalWidth.Wrap($"wrote the report to {path} (with report.md and the CSVs)", 20, paths: [path]).ToArray();

        Assert.Equal(["wrote the report to", path, "    (with report.md", "    and the CSVs)"], lines);
    }

    [Fact]
    public void A_path_keeps_the_punctuation_written_against_it()
    {
        // 30 columns. "my drafts/abe trump.yaml:" is the path (24) and its colon, one word of 25: after "wrote" it would
        // end at 31, so it starts the next line at 4 (29). "27 statements by Abe and" follows at 4 (28); "Trump" would
        // make 34 and goes on.
        const string path = "my drafts/abe trump.yaml";
        var lines = TerminalWidth.Wrap($"wrote {path}: 27 statements by Abe and Trump", 30, paths: [path]).ToArray();

        Assert.Equal(["wrote", "    my drafts/abe trump.yaml:", "    27 statements by Abe and", "    Trump"], lines);
    }
}
