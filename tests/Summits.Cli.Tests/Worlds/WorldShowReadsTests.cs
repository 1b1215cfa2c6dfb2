using Summits.Cli.Commands;
using Summits.Cli.Output;

namespace Summits.Cli.Tests;

/// <summary>
/// What <c>summits worlds show</c> reads of a world besides its progress: only what it prints or writes. The cases are
/// those of its help: -q is -v minimal, which prints a table's progress line alone; -v quiet prints nothing; -o writes
/// the timeline, the state and the agreements into a folder.
/// </summary>
public sealed class WorldShowReadsTests
{
    // worlds show ID -q: the progress line alone, so neither the timeline (not printed) nor the state (no folder).
    [Fact]
    public void Minimal_as_a_table_reads_neither_the_timeline_nor_the_state()
    {
        Assert.Equal(new WorldsCommand.ShowReads(PrintsTimeline: false, Timeline: false, State: false),
            WorldsCommand.ShowReads.For(Verbosity.Minimal, TimelineFormat.Table, writesFolder: false));
    }

    // -v quiet prints nothing at all: nothing is read but the progress.
    [Fact]
    public void Quiet_without_a_folder_reads_neither()
    {
        Assert.Equal(new WorldsCommand.ShowReads(false, false, false),
            WorldsCommand.ShowReads.For(Verbosity.Quiet, TimelineFormat.Json, writesFolder: false));
    }

    // The default prints the timeline and writes no folder: the timeline is read, the state is not.
    [Fact]
    public void Normal_reads_the_timeline_it_prints_and_not_the_state()
    {
        Assert.Equal(new WorldsCommand.ShowReads(true, true, false),
            WorldsCommand.ShowReads.For(Verbosity.Normal, TimelineFormat.Table, writesFolder: false));
    }

    // Minimal as CSV prints the rows (only a table's detail is cut to its progress line).
    [Fact]
    public void Minimal_as_csv_reads_the_timeline_it_prints()
    {
        Assert.Equal(new WorldsCommand.ShowReads(true, true, false),
            WorldsCommand.ShowReads.For(Verbosity.Minimal, TimelineFormat.Csv, writesFolder: false));
    }

    // -q -o out: nothing printed, but the folder takes timeline.jsonl (the timeline) and state.json (the state).
    [Fact]
    public void A_folder_reads_the_timeline_and_the_state_even_when_nothing_is_printed()
    {
        Assert.Equal(new WorldsCommand.ShowReads(false, true, true),
            WorldsCommand.ShowReads.For(Verbosity.Minimal, TimelineFormat.Table, writesFolder: true));
    }
}
