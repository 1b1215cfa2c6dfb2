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
}
