using Summits.Reports.Pages;
using Summits.Scenarios;

namespace Summits.Reports.Runs;

/// <summary>
/// The section "What happened next" of a run's report: each fact of the record of what followed the
/// summit, what it implies on its topic, what the run ended with there, and whether they agree.
/// </summary>
public static class RecordSection
{
    public const string Heading = "What happened next";

    private static readonly string[] Header = ["date", "fact", "topic", "the record implies", "the run ended with", "agree?"];

    public static void Add(HtmlPage page, RunResult run, SummitRecord record)
    {
        page.Heading(Heading);
        page.Paragraph(Note(run, record));
        page.Table(Header, Rows(run, record));
    }

    public static void Add(MarkdownText md, RunResult run, SummitRecord record)
    {
        md.Heading(Heading);
        md.Paragraph(Note(run, record));
        md.Table(Header, Rows(run, record));
    }

    private static string Note(RunResult run, SummitRecord record)
    {
        var checks = RecordComparison.Of(record, run.Start, run.Final);
        return $"Each fact of the record {record.Id} ({Counted.Of(checks.Length, "fact")}, {checks.Count(c => c.Agrees)} agreeing with this run) set against how the run ended. "
            + "A position agrees when the actor ended inside the range; a move when the actor ended at least 1 point nearer the end the fact names than it started; "
            + "an agreement when one holding or strained at the end binds the parties on the topic at a value inside the range. "
            + "Its figures, the record's ranges included, are as written, to four decimals at most, as an exercise's debrief shows them, and each is compared as shown. "
            + "The command summits record prints every fact with its sources.";
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(RunResult run, SummitRecord record) =>
        RecordComparison.Of(record, run.Start, run.Final).Select(c => (IReadOnlyList<string>)
            [RecordFact.Day(c.Fact.Date), c.Fact.Id, c.Fact.Topic, c.Implied, c.Ended, c.Agrees ? "yes" : "no: " + c.Difference]);
}
