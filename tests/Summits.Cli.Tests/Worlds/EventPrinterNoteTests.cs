using Summits.Cli.Commands;
using Summits.Cli.Output;
using Summits.Model;

namespace Summits.Cli.Tests;

/// <summary>
/// The note under the timeline tables that <c>worlds show</c> and <c>worlds watch</c> print a batch at a time: the
/// columns left out since the last note, each named once, in the words of <c>run</c>'s note under its timeline.
/// </summary>
public sealed class EventPrinterNoteTests
{
    // A cause of 60 characters: "shock." (6) and 54 x's.
    private static readonly string LongCause = "shock." + new string('x', 54);

    private static TimelineEvent Shock(int seq, string cause) => new(seq, "s", null, EventKind.Shock, null, null, null, null, cause, "w");

    [Fact]
    public void Two_tables_that_left_out_the_cause_are_noted_once_and_a_table_that_left_nothing_out_is_not()
    {
        // Each event has a step, an event and a cause, and no round, actor, topic or value (those columns are not
        // shown). Widths: step 4 (the header; "s" is 1), event 5 ("event" and "shock"), why 3 (the header; "w" is 1),
        // each but the reason followed by a gutter of 2. With the long cause (60): 6 + 7 + 62 + 3 = 78 > 70, so the cause
        // goes, and 6 + 7 + 3 = 16 fits. Both tables left out the cause, named once:
        // "(left out to fit 70 columns: cause; --format csv has every field)", 65 characters, one line at 70.
        // With the cause "c" the cause column is 5 (its header): 6 + 7 + 7 + 3 = 23 <= 70, nothing left out, no note.
        var output = new StringWriter();
        var printer = new EventPrinter(output, TimelineFormat.Table, 70);
        printer.Begin();
        printer.Write([Shock(1, LongCause)], CancellationToken.None);
        printer.Write([Shock(2, LongCause)], CancellationToken.None);
        printer.Note();
        var noted = output.ToString();
        printer.Write([Shock(3, "c")], CancellationToken.None);
        printer.End(CancellationToken.None);

        var lines = noted.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("(left out to fit 70 columns: cause; --format csv has every field)", lines[^1]);
        Assert.Single(lines, line => line.Contains("left out", StringComparison.Ordinal));
        var rest = output.ToString()[noted.Length..];
        Assert.Contains("cause", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("left out", rest, StringComparison.Ordinal);
    }
}
