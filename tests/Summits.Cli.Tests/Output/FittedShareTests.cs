using Summits.Cli.Output;

namespace Summits.Cli.Tests;

/// <summary>
/// The room a fitted table has beyond its columns' least widths is shared out whole: no column wraps while a column
/// of room is left unused.
/// </summary>
public sealed class FittedShareTests
{
    [Fact]
    public void A_cell_one_column_short_takes_the_room_the_rounded_shares_leave()
    {
        // The branches of us-fta-press-or-package side by side at 80 columns. The label column, which does not wrap, is
        // its widest label, "defense-procurement JP", 22. press-fta's widest cell is "2 passed, 0 failed", 18; it wraps,
        // so its least width is 16 (the text width; its longest word is shorter). offer-package's is the package, 49,
        // and its longest word "defense-procurement", 19, is its least. 22 + 16 + 19 + two gutters of 2 = 61, leaving
        // 19 for the two text columns, which lack 2 and 30 (32 in all): shares of 19 × 2 / 32 = 1.19 and
        // 19 × 30 / 32 = 17.8, rounded down to 1 and 17, leave 1. Before, that 1 went unused and press-fta's cell
        // wrapped as "2 passed, 0" / "failed" at 17; given to the column that lacks least, press-fta is 18 and its cell
        // fits: the row is the label padded to 22, a gutter of 2, press-fta's 18 characters, a gutter of 2, then
        // offer-package's cell.
        var output = new StringWriter();
        FittedTable.Write(output, [new FittedColumn(""), new FittedColumn("press-fta", Wraps: true), new FittedColumn("offer-package", Wraps: true)],
        [
            ["agreement package", "—", "holding: bilateral-fta 35, defense-procurement 75"],
            ["defense-procurement JP", "60", "60.32"],
            ["events", "28", "10"],
            ["expectations", "2 passed, 0 failed", "2 passed, 0 failed"],
        ], 80);

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Contains("expectations            2 passed, 0 failed  2 passed, 0 failed", lines);
        Assert.DoesNotContain(lines, line => line.Trim() == "failed");
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
    }
}
