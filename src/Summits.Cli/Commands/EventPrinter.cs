using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Summits.Cli.Output;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>
/// Prints a timeline's events in one of the timeline formats as they are read, a batch at a time (a page of a detached
/// world's timeline, the events a watched world pushed), so that a long timeline is never held whole: csv (its header
/// first, <see cref="Begin"/>), json (one event a line) or the table, a table per batch fitted to
/// <paramref name="width"/>, the columns it left out said in one note (<see cref="Note"/>).
/// </summary>
/// <param name="output">Where the events go: standard output.</param>
/// <param name="format">The format.</param>
/// <param name="width">The table's width in terminal cells.</param>
internal sealed class EventPrinter(TextWriter output, TimelineFormat format, int width)
{
    // The columns a table left out since the last note, in the order first left out.
    private readonly List<string> _dropped = [];

    private bool _printed;

    /// <summary>Prints what comes before the events: the csv header; nothing in the other formats.</summary>
    public void Begin()
    {
        if (format == TimelineFormat.Csv)
            output.Write(TimelineCsv.Header + "\n");
    }

    /// <summary>Prints <paramref name="events"/>, in order.</summary>
    /// <param name="cancellation">Checked between blocks of a table's rows (<see cref="TimelineTable.Write"/>).</param>
    public void Write(IReadOnlyList<TimelineEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0)
            return;
        _printed = true;
        switch (format)
        {
            case TimelineFormat.Csv:
                foreach (var e in events)
                    TimelineCsv.Write(output, e);
                break;
            case TimelineFormat.Json:
                foreach (var e in events)
                    output.Write(RunCommand.Json(e, null) + "\n");
                break;
            default:
                foreach (var column in TimelineTable.Write(output, events, width, cancellation))
                {
                    if (!_dropped.Contains(column))
                        _dropped.Add(column);
                }
                break;
        }
    }

    /// <summary>Under a table, the columns left out to fit since the last note, if any (<see cref="TimelineTable.WriteLeftOut"/>): <c>(left out to fit W columns: cause; --format csv has every field)</c>.</summary>
    public void Note()
    {
        TimelineTable.WriteLeftOut(output, _dropped, width);
        _dropped.Clear();
    }

    /// <summary>Ends the events: a table with no event at all is its header alone; then the <see cref="Note"/>.</summary>
    public void End(CancellationToken cancellation)
    {
        if (format == TimelineFormat.Table && !_printed)
            TimelineTable.Write(output, [], width, cancellation);
        Note();
    }

    /// <summary>The pages of <paramref name="pages"/>, each printed (<see cref="Write"/>) as it passes.</summary>
    public async IAsyncEnumerable<ImmutableArray<TimelineEvent>> Tee(IAsyncEnumerable<ImmutableArray<TimelineEvent>> pages,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        Begin();
        await foreach (var page in pages.WithCancellation(cancellation))
        {
            Write(page, cancellation);
            yield return page;
        }
    }
}
