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
    // Worked from the help, case by case:
    // - worlds show ID -q: the progress line alone, so neither the timeline (not printed) nor the state (no folder);
    // - -v quiet prints nothing at all: nothing is read but the progress;
    // - the default prints the timeline and writes no folder: the timeline is read, the state is not;
    // - -v minimal as CSV prints the rows (only a table's detail is cut to its progress line): the timeline alone;
    // - -q -o out: nothing printed, but the folder takes timeline.jsonl (the timeline) and state.json (the state).
    [Theory]
    [InlineData(Verbosity.Minimal, TimelineFormat.Table, false, false, false, false)]
    [InlineData(Verbosity.Quiet, TimelineFormat.Json, false, false, false, false)]
    [InlineData(Verbosity.Normal, TimelineFormat.Table, false, true, true, false)]
    [InlineData(Verbosity.Minimal, TimelineFormat.Csv, false, true, true, false)]
    [InlineData(Verbosity.Minimal, TimelineFormat.Table, true, false, true, true)]
    public void A_show_reads_the_timeline_and_the_state_only_for_what_it_prints_or_writes(
        Verbosity level, TimelineFormat format, bool writesFolder, bool printsTimeline, bool readsTimeline, bool readsState)
    {
        Assert.Equal(new WorldsCommand.ShowReads(printsTimeline, readsTimeline, readsState), WorldsCommand.ShowReads.For(level, format, writesFolder));
    }
}
