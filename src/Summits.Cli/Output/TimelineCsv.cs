using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>
/// The timeline as CSV: one row an event, every field of <c>timeline.jsonl</c> whole, numbers in full precision and
/// plain decimals (<see cref="CsvNumber"/>), quoted
/// as <see cref="CsvLine"/> quotes. The agreement's columns come last, so that the columns before them keep their places.
/// </summary>
public static class TimelineCsv
{
    /// <summary>The header line, without its line ending: the columns in order.</summary>
    public const string Header = "seq,step,round,actor,event,topic,before,after,terms,cause,why,agreement,parties,agreed";

    /// <summary>Writes <see cref="Header"/> and a line ending.</summary>
    public static void WriteHeader(TextWriter output) => output.Write(Header + "\n");

    /// <summary>
    /// Writes one row for <paramref name="e"/> and a line ending. A field the event does not have is an empty cell;
    /// <c>terms</c> are <c>TOPIC=VALUE</c> pairs and <c>parties</c> the agreement's parties in its order, each
    /// separated by a space; <c>agreed</c> is the value a change of an agreement's status says it agreed on the topic.
    /// </summary>
    /// <param name="output">Where the row goes.</param>
    /// <param name="e">The event.</param>
    /// <param name="branch">For a run of a fork that runs every branch: the branch <paramref name="e"/> belongs to, written
    /// as the row's first cell (before <c>seq</c>) and quoted as every other cell is; null for no such cell.</param>
    public static void Write(TextWriter output, TimelineEvent e, string? branch = null)
    {
        static string Number(double? value) => value is { } v ? CsvNumber.Of(v) : "";
        var terms = e.Terms is { IsDefaultOrEmpty: false } t
            ? string.Join(' ', t.Select(term => $"{term.Topic}={CsvNumber.Of(term.Value)}"))
            : "";
        var parties = e.Parties is { IsDefaultOrEmpty: false } p ? string.Join(' ', p) : "";
        string[] fields =
        [
            e.Seq.ToString(CultureInfo.InvariantCulture), e.Step, e.Round?.ToString(CultureInfo.InvariantCulture) ?? "", e.Actor ?? "",
            KebabCase.Of(e.Kind), e.Topic ?? "", Number(e.Before), Number(e.After), terms, e.Cause, e.Why ?? "",
            e.Agreement ?? "", parties, Number(e.Agreed),
        ];
        output.Write(CsvLine.Of(branch is null ? fields : [branch, .. fields]) + "\n");
    }
}
