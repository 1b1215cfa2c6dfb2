using Summits.Cli.Output;
using Summits.Model;

namespace Summits.Cli.Tests;

/// <summary>
/// Ctrl-C while a long timeline prints: the table checks the command's cancellation between blocks of rows,
/// so it stops within a block of where the user pressed it instead of printing every row first.
/// </summary>
public sealed class TimelineCancelTests
{
    /// <summary>A writer that cancels once it has been given a number of lines, as Ctrl-C does while the table prints.</summary>
    private sealed class CancelAfter(int lines, CancellationTokenSource cancel) : StringWriter
    {
        public int Lines { get; private set; }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (++Lines == lines)
                cancel.Cancel();
        }
    }

    private static TimelineEvent[] Events(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new TimelineEvent(i, "r1", 1, EventKind.Move, "A", "t", 50, 51, "r1", "one line"))];

    [Theory]
    [InlineData(200)]
    [InlineData(30)]
    public void A_cancelled_table_stops_within_a_block_of_rows(int width)
    {
        // 20,000 one-line events. At 200 columns the table is side by side, a header and a line per event; at 30
        // columns ("step  rnd  actor  event  topic  value" alone is 38 wide) each event's ids stand on a line
        // of their own (wrapped) with its reason under them. Cancelled after 150 lines written, the table must
        // stop before the next block: at most 150 + one block of 100 events, each of at most 4 lines, so far
        // fewer than the 20,000 lines it has in full.
        var events = Events(20_000);
        using var cancel = new CancellationTokenSource();
        using var output = new CancelAfter(150, cancel);

        Assert.Throws<OperationCanceledException>(() => TimelineTable.Write(output, events, width, cancel.Token));

        Assert.InRange(output.Lines, 150, 150 + (4 * TimelineTable.RowsPerBlock));
    }

    [Fact]
    public void Blocks_of_rows_line_up_as_one_table()
    {
        // 250 events make three blocks (100, 100, 50): one header line and 250 rows, every row's value column
        // at the same place as the header's (the columns' widths do not depend on the block).
        using var output = new StringWriter();

        TimelineTable.Write(output, Events(250), 200);

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(251, lines.Length);
        Assert.Single(lines, l => l.StartsWith("step", StringComparison.Ordinal));
        var value = lines[0].IndexOf("value", StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Equal("50 → 51", l.Substring(value, 7)));
    }
}
