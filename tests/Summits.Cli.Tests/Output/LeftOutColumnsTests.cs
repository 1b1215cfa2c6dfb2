using System.Text.RegularExpressions;
using Summits.Cli.Output;

namespace Summits.Cli.Tests;

/// <summary>
/// A fitted table that leaves columns out to fit names them under it in the table's own order, whatever order it left
/// them out in.
/// </summary>
public sealed class LeftOutColumnsTests
{
    /// <summary>The columns of a study's final positions, with the study's own drop ranks: p95 first, then p5, sd, p50.</summary>
    private static readonly FittedColumn[] Positions =
    [
        new("topic"), new("actor"), new("start", Right: true), new("mean", Right: true), new("sd", Right: true, Drop: 3),
        new("p5", Right: true, Drop: 2), new("p50", Right: true, Drop: 4), new("p95", Right: true, Drop: 1),
    ];

    private static readonly string[] Row = ["bilateral-fta", "JP", "20", "25.3995", "9.6077", "11.0631", "25.1625", "40.0558"];

    [Fact]
    public void Columns_left_out_in_another_order_are_named_in_the_tables()
    {
        // No column wraps, so each is as wide as the wider of its header and its cell: topic 13 ("bilateral-fta"),
        // actor 5 (the header), start 5, mean 7, sd 6, p5 7, p50 7, p95 7; 57 in all, with 7 gutters of 2, 71. A width of
        // 50 less the indent of 2 leaves 48. The highest drop rank goes first: p50 (7 + a gutter of 2) leaves 62, over
        // 48; then sd (6 + 2), 54, still over; then p5 (7 + 2), 45, which fits, so p95 stays. Left out in the order p50,
        // sd, p5; in the table's order sd, p5, p50.
        var output = new StringWriter();
        var dropped = FittedTable.Write(output, Positions, [Row], 50, "  ");

        Assert.Equal(["sd", "p5", "p50"], dropped);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["topic", "actor", "start", "mean", "p95"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_note_names_them_in_the_tables_order()
    {
        // The three of the test above, in the table's order, joined as a list: "sd, p5 and p50". The note wraps at 50,
        // its continuation indented; read as one line it is the sentence whole.
        var output = new StringWriter();
        FittedTable.WriteLeftOut(output, FittedTable.Write(new StringWriter(), Positions, [Row], 50, "  "), 50, "  ");

        Assert.Equal("(left out to fit 50 columns: sd, p5 and p50; --format csv has every column)",
            Regex.Replace(output.ToString(), @"\s+", " ").Trim());
        Assert.All(output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= 50, line));
    }
}
