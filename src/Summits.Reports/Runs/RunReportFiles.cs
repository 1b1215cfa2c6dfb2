using System.Globalization;
using System.Text;
using Summits.Model;
using Summits.Reports.Pages;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Runs;

/// <summary>
/// The report of one run: <c>report.html</c> and <c>report.md</c>, with the run's CSVs beside them.
/// A bargaining run's report charts each touched topic's trajectories, the agreements and the bargaining
/// figures (CSVs <c>agreements.csv</c>, <c>trajectories.csv</c>); a run of KTAB's spatial model reports
/// its forecast, the positions and the forecast turn by turn and the winning probabilities
/// (<see cref="SmpReport"/>; CSVs <c>smp-positions.csv</c>, <c>smp-probabilities.csv</c>, the same
/// bytes <c>--out</c> writes), and its agreements only when it has some. Either gives each of the scenario's
/// expectations with its result and its step's <c>because:</c> (<see cref="RunExpectations"/>).
/// </summary>
public static class RunReportFiles
{
    /// <summary>Writes the report into <paramref name="directory"/> as one set (<see cref="OutputSet"/>).</summary>
    /// <param name="pair">The two parties whose utilities the bargaining figures plot when a table has more than two; null for the two most capable.</param>
    /// <param name="records">The records of what followed the summit the run's world seeds (<see cref="RecordFile.For"/>); each adds the section "What happened next".</param>
    /// <exception cref="OutputException">The report could not be written; the folder's previous set is unchanged.</exception>
    /// <param name="cancellation">Checked as the set is written; a cancelled write leaves the previous set unchanged.</param>
    public static void WriteAll(RunResult run, string directory, (string, string)? pair = null, IReadOnlyList<SummitRecord>? records = null, CancellationToken cancellation = default)
    {
        // The charts read every topic's reference points, which take seconds on a large world: worked out
        // here, where Ctrl-C can stop them.
        run.Analyses(cancellation);
        run.Bargaining(cancellation);
        OutputSet.Write(directory, Kind, Files(run, pair, records), cancellation);
    }

    /// <summary>Every file a run's report may hold.</summary>
    public static readonly IReadOnlyList<string> Names = ["report.html", "report.md", "agreements.csv", "trajectories.csv", "smp-positions.csv", "smp-probabilities.csv"];

    /// <summary>
    /// The files a run's report holds for certain (<see cref="Files"/>): after spatial-model turns
    /// (<paramref name="spatial"/>) the page, its Markdown and the two spatial-model CSVs (<c>agreements.csv</c> only
    /// when the run made an agreement, which is not known before it runs); else the page, its Markdown,
    /// <c>agreements.csv</c> and <c>trajectories.csv</c>.
    /// </summary>
    public static IReadOnlyList<string> Written(bool spatial) =>
        spatial ? ["report.html", "report.md", "smp-positions.csv", "smp-probabilities.csv"] : ["report.html", "report.md", "agreements.csv", "trajectories.csv"];

    /// <summary>A run's report, as <c>summits run --report</c> writes it.</summary>
    public static readonly OutputKind Kind = new("run-report", "summits run --report", Names);

    /// <summary>The files of the run's report, by name, in the order written.</summary>
    public static IEnumerable<(string Name, string Text)> Files(RunResult run, (string, string)? pair = null, IReadOnlyList<SummitRecord>? records = null)
    {
        var history = SmpHistory.Of(run);
        yield return ("report.html", Html(run, history, pair, records));
        yield return ("report.md", Markdown(run, history, records));
        if (history is null)
        {
            yield return ("agreements.csv", RunFiles.AgreementsCsv(run));
            yield return ("trajectories.csv", TrajectoriesCsv(run));
            yield break;
        }
        yield return ("smp-positions.csv", history.PositionsCsv());
        yield return ("smp-probabilities.csv", history.ProbabilitiesCsv());
        if (HasAgreements(run))
            yield return ("agreements.csv", RunFiles.AgreementsCsv(run));
    }

    public static string Html(RunResult run, (string, string)? pair = null, IReadOnlyList<SummitRecord>? records = null) =>
        Html(run, SmpHistory.Of(run), pair, records);

    private static string Html(RunResult run, SmpHistory? history, (string, string)? pair, IReadOnlyList<SummitRecord>? records)
    {
        var page = new HtmlPage($"Run of {run.Scenario.Id}");
        page.Paragraph(Summary(run, $"World {run.Start.Id}"));
        if (history is not null)
        {
            SmpReport.Add(page, run, history);
            if (HasAgreements(run))
                Agreements(page, run);
            Expectations(page, run);
        }
        else
        {
            page.Heading("Positions, topic by topic");
            page.Paragraph("Each line is one actor's position on the topic at the end of each scenario step, and of each round of a rounds step (r1, r2, …). Diamonds mark agreements (hollow: seeded by the summit; filled: made in the run); crosses mark strains and breaches; the dashed lines are where the topic's Nash bargaining point and capability-and-salience-weighted mean stood at the end. Hover a point for its value; drag the slider under a long run to zoom.");
            var topics = TrajectoryChart.Topics(run);
            foreach (var topic in topics)
                page.Chart(TrajectoryChart.Render(run, topic), Moves(run, topic));
            var untouched = run.Final.Topics.Length - topics.Count;
            if (untouched > 0)
                page.Paragraph($"{untouched} of {Counted.Of(run.Final.Topics.Length, "topic")} {(untouched == 1 ? "was" : "were")} not touched by the run and {(untouched == 1 ? "has" : "have")} no chart.", "note");
            if (HasAgreements(run))
                Agreements(page, run);
            else
                page.Heading("Agreements").Paragraph(NoAgreement);
            Expectations(page, run);
            Bargaining(page, run, pair);
        }
        foreach (var record in records ?? [])
            RecordSection.Add(page, run, record);
        return page.Render();
    }

    public static string Markdown(RunResult run, IReadOnlyList<SummitRecord>? records = null) => Markdown(run, SmpHistory.Of(run), records);

    private static string Markdown(RunResult run, SmpHistory? history, IReadOnlyList<SummitRecord>? records)
    {
        var md = new MarkdownText().Heading($"Run of {run.Scenario.Id}", 1)
            .Paragraph(Summary(run, $"World {run.Start.Id}") + " The charts are in report.html.");
        if (history is not null)
            SmpReport.Add(md, history);
        md.Heading("Positions that moved");
        var start = run.Start.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        var moved = run.Final.Positions
            .Where(p => !start.TryGetValue((p.Actor, p.Topic), out var s) || Number(s) != Number(p.Value))
            .Select(p => (IReadOnlyList<string>)[p.Topic, p.Actor, start.TryGetValue((p.Actor, p.Topic), out var s) ? Number(s) : "new", Number(p.Value),
                start.TryGetValue((p.Actor, p.Topic), out var s2) ? SignedChange(s2, p.Value) : ""])
            .ToList();
        if (moved.Count > 0)
            md.Table(["topic", "actor", "start", "end", "change"], moved);
        else
            md.Paragraph("No position moved.");
        if (history is null || HasAgreements(run))
        {
            md.Heading("Agreements");
            if (HasAgreements(run))
                md.Table(["agreement", "terms", "parties", "status", "cause"], AgreementRows(run));
            else
                md.Paragraph(NoAgreement);
        }
        if (RunExpectations.Any(run))
            md.Heading("Expectations").Table(RunExpectations.Header(run), RunExpectations.Rows(run));
        if (history is null)
        {
            md.Heading("Reference points at the end");
            md.Table(["topic", "weighted mean", "weighted median", "Nash point"], run.Analyses()
                .Select(a => (IReadOnlyList<string>)[a.Topic, Number(a.WeightedMean), Number(a.WeightedMedian), a.Nash is { } n ? Number(n) : "none"]));
        }
        foreach (var record in records ?? [])
            RecordSection.Add(md, run, record);
        return md.ToString();
    }

    private const string NoAgreement = "The world seeded no agreement and the run made none.";

    private static bool HasAgreements(RunResult run) => run.Final.Agreements.Length > 0;

    /// <summary>The report's opening sentences: the scenario's own words, then what ran.</summary>
    private static string Summary(RunResult run, string world)
    {
        var about = Sentence(run.Scenario.About);
        return (about.Length > 0 ? about + " " : "")
            + $"{world}, seed {run.Scenario.Seed}, {Counted.Of(run.Timeline.Length, "event")}; expectations: {Passed(run)} passed, {run.Failures} failed.";
    }

    private static void Agreements(HtmlPage page, RunResult run)
    {
        page.Heading("Agreements");
        page.Chart(AgreementTimelineChart.Render(run), "Each bar is one agreement, from the step that made it (the start for the summit's own) to the end of the run, coloured by its status at each step.");
        page.Table(["agreement", "terms", "parties", "status", "cause"], AgreementRows(run));
    }

    /// <summary>Each expectation with its result and its step's reason (<see cref="RunExpectations"/>); nothing for a scenario with none.</summary>
    private static void Expectations(HtmlPage page, RunResult run)
    {
        if (RunExpectations.Any(run))
            page.Heading("Expectations").Table(RunExpectations.Header(run), RunExpectations.Rows(run));
    }

    /// <summary>The standard negotiation figure for every agreement the run made and every open table, with a table of the reference points.</summary>
    private static void Bargaining(HtmlPage page, RunResult run, (string, string)? pair)
    {
        var cases = BargainingChart.Cases(run);
        if (cases.Count == 0)
            return;
        page.Heading("Bargaining, in the parties' utilities");
        page.Paragraph("For each agreement the run made and each topic still open at the end: every offer of the run on its topics, placed by what it is worth to the two parties at their final positions, with the Pareto frontier (the outcomes no other outcome betters for one party without worsening the other), the Nash bargaining point (the largest product of gains over no deal), the Kalai–Smorodinsky point (equal shares of each party's ideal gain) and the BATNA point (what each party's best alternative to a negotiated agreement, no deal, is worth to it). docs/model.md gives the equations.");
        foreach (var c in cases)
        {
            if (BargainingChart.Pair(run, c, pair) is not { } shown)
                continue;
            var a = c.Analysis;
            var distance = c.Agreement is { } g ? Figures.Shown(a.DistanceToFrontier(g.Terms)) : double.NaN;
            var caption = $"{(c.Agreement is null ? "Open table" : "Agreement")} {c.Id} over {string.Join(" + ", a.Topics)} among {Listed.And(a.Parties.Select(p => p.Actor))}; plotted for {shown.X} and {shown.Y}. "
                + (a.NashTie is { } nashTie ? $"The Nash point is not unique: every outcome between the two drawn shares the largest product ({BargainingAnalysis.RangeText(nashTie)})."
                    : a.Nash.Length switch { 0 => "No Nash point: no outcome leaves every party better off than no deal.", 1 => "", _ => $"The Nash point is not unique: {a.Nash.Length} outcomes share the largest product." })
                + (a.KalaiSmorodinskyTie is { } ksTie ? $" The Kalai–Smorodinsky point is not unique either way: the one drawn is the middle of a tie over {BargainingAnalysis.RangeText(ksTie)}." : "")
                + (double.IsNaN(distance) ? "" : distance > 0 ? $" The agreement lies {Number(distance)} utility inside the frontier." : " The agreement lies on the frontier.");
            page.Chart(BargainingChart.Render(run, c, shown), caption.Trim());
        }
    }

    /// <summary>One row per point of every trajectory: the actor's value on the topic after the event.</summary>
    public static string TrajectoriesCsv(RunResult run)
    {
        var text = new StringBuilder("topic,actor,event,value\n");
        foreach (var topic in TrajectoryChart.Topics(run))
        {
            foreach (var (actor, points) in TrajectoryChart.Series(run, topic))
            {
                foreach (var (seq, value) in points.DistinctBy(p => p.Seq))
                    text.Append(topic).Append(',').Append(actor).Append(',').Append(seq.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(CsvNumber.Of(value)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static IEnumerable<IReadOnlyList<string>> AgreementRows(RunResult run) =>
        run.Final.Agreements.Select(a => (IReadOnlyList<string>)[a.Id, string.Join(", ", a.Terms.Select(t => $"{t.Key} = {Number(t.Value)}")),
            string.Join("+", a.Parties), KebabCase.Of(a.Status), AgreementOrigin.Of(a)]);

    private static string Moves(RunResult run, string topic)
    {
        var series = TrajectoryChart.Series(run, topic);
        return $"{topic}: " + string.Join("; ", series.Select(s => Number(s.Points[0].Value) == Number(s.Points[^1].Value)
            ? $"{s.Actor} stayed at {Number(s.Points[0].Value)}"
            : $"{s.Actor} {Number(s.Points[0].Value)} → {Number(s.Points[^1].Value)} ({SignedChange(s.Points[0].Value, s.Points[^1].Value)})")) + ".";
    }

    private static int Passed(RunResult run) => run.Timeline.Count(e => e.Kind == EventKind.ExpectationPassed);
}
