using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Reports.Pages;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// The classroom's debrief: the tables side by side, one column each, every row a thing to compare them on, each
/// cell in the words of the exercise's debrief (<see cref="TableDebrief"/>): each topic's agreement in force, each of
/// the record's facts on the topics against how the table's play ended, what the simulation did for each prediction
/// question, each team's answer with its points, and each country's total, and the shocks played. The facilitator's page shows it; the
/// facilitator exports it as CSV and as one web page that opens offline.
/// </summary>
public static class ClassroomDebrief
{
    /// <summary>The rows, in the order the cells of <see cref="Cells"/> follow.</summary>
    public static IReadOnlyList<DebriefRow> Rows(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var rows = new List<DebriefRow>();
        rows.AddRange(exercise.Topics.Select(t => new DebriefRow(AgreementSection, t)));
        rows.AddRange(Facts(exercise).Select(f => new DebriefRow(RecordSection,
            $"{RecordFact.Day(f.Date)} {f.Id} on {f.Topic}: {f.Implies.Describe(exercise.World.Topic(f.Topic))}")));
        rows.AddRange(exercise.Predictions.Select(q => new DebriefRow(SimulationSection, $"{q.Id}: {q.Ask}")));
        rows.AddRange(exercise.Roles.SelectMany(r => exercise.Predictions.Select(q => new DebriefRow(PredictionSection, $"{r.Actor} {q.Id}"))));
        rows.AddRange(exercise.Roles.Select(r => new DebriefRow(ScoreSection, r.Actor)));
        rows.Add(new DebriefRow(ShocksSection, ShocksItem));
        return rows;
    }

    /// <summary>
    /// The column of one table, a cell for each of <see cref="Rows"/>: an agreement as <c>nk-maximum-pressure at 93,
    /// strained</c> or <c>none</c>; a fact <c>agrees (US at 75 (from 95))</c> or the difference in the debrief's words;
    /// the simulation's answer in the debrief's words; a team's answer with its points, <c>yes: 5 of 5</c>, or
    /// <c>not answered</c>; a country's total score; the shocks played, in order, each as
    /// <c>inject-1, round 1: {reason}.</c> (<c>before round 1</c> when played before it; a new one's step id followed
    /// by <see cref="NewShock.Written"/>), a sentence each, joined by a space, or <c>none</c>.
    /// </summary>
    public static IReadOnlyList<string> Cells(Exercise exercise, TableView view)
    {
        var debriefs = TableDebrief.Of(exercise, view);
        var cells = new List<string>();
        cells.AddRange(exercise.Topics.Select(t => TableDebrief.InForce(exercise, view, t)));
        // Both countries' debriefs set the same play against the record; the first's comparison serves.
        cells.AddRange(debriefs[0].Record.Select(c => c.Agrees ? $"agrees ({c.Ended})" : c.Difference));
        cells.AddRange(TableDebrief.Simulation(exercise, view).Select(p => p.Simulation));
        foreach (var debrief in debriefs)
        {
            var answered = TableDebrief.Answered(exercise, debrief);
            cells.AddRange(exercise.Predictions.Select((q, k) => answered
                ? $"{debrief.Predictions[k].Answer}: {Debrief.Text(debrief.Predictions[k].Points)} of {Debrief.Text(q.Points)}"
                : NotAnswered));
        }
        cells.AddRange(debriefs.Select(d => Debrief.Text(d.Total)));
        cells.Add(view.Shocks.IsEmpty ? NoShock : Played(view.Shocks));
        return cells;
    }

    /// <summary>
    /// The shocks played, each a sentence as the play gives its reason (<see cref="Sentence.Of"/>: a full stop unless it
    /// ends with one, or with <c>!</c> or <c>?</c>), joined by a space.
    /// </summary>
    private static string Played(IEnumerable<string> shocks) => string.Join(" ", shocks.Select(Sentence.Of));

    /// <summary>
    /// The debrief as one CSV table (RFC 4180, a line feed after each line): the header <c>section,item,table 1,…</c>,
    /// then one line for each of <see cref="Rows"/>, its cells from each table of <paramref name="tables"/> in turn.
    /// </summary>
    public static string Csv(Exercise exercise, IReadOnlyList<TableView> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var text = new StringBuilder(CsvLine.Of(Header(tables))).Append('\n');
        foreach (var row in Grid(exercise, tables))
            text.Append(CsvLine.Of(row)).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The debrief as one web page that opens offline: the tables side by side (the CSV's rows), each table's chart of
    /// positions after each change, drawn by the charting library inlined in the page, and each country's score and
    /// predictions line by line with their working.
    /// </summary>
    public static string Html(Exercise exercise, IReadOnlyList<TableView> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var page = new HtmlPage($"{exercise.Title}: the classroom's debrief");
        if (exercise.About.Length > 0)
            page.Paragraph(exercise.About);
        page.Heading("The tables side by side").Table(Header(tables), Grid(exercise, tables));
        page.Heading("Positions at each table");
        foreach (var view in tables)
            page.Chart(Positions(exercise, view), $"Both countries' positions on each topic on the table at table {view.Table}, at the start and after each change.");
        var scores = new List<IReadOnlyList<string>>();
        var predictions = new List<IReadOnlyList<string>>();
        foreach (var view in tables)
        {
            foreach (var debrief in TableDebrief.Of(exercise, view))
            {
                var (table, actor) = (view.Table.ToString(CultureInfo.InvariantCulture), debrief.Answers.Role);
                scores.AddRange(debrief.Scores.Select(s => (IReadOnlyList<string>)[table, actor, Debrief.Text(s.Points), $"{s.Kind} {s.Item}: {s.Working}"]));
                scores.Add([table, actor, Debrief.Text(debrief.Total), "total"]);
                predictions.AddRange(TableDebrief.Answered(exercise, debrief)
                    ? debrief.Predictions.Select(p => (IReadOnlyList<string>)[table, actor, p.Question.Id, p.Answer, p.Simulation, p.Record, p.Working])
                    : [[table, actor, "", NotAnswered, "", "", ""]]);
            }
        }
        page.Heading("Scores, line by line").Table(["table", "country", "points", "line"], scores);
        page.Heading("Predictions: each team's answer, the simulation's and the record's").Table(["table", "country", "question", "answer", "the simulation", "the record", "points"], predictions);
        return page.Render();
    }

    /// <summary>What a team that has not answered the prediction questions is shown as.</summary>
    public const string NotAnswered = "not answered";

    /// <summary>The sections of the rows.</summary>
    public const string AgreementSection = "agreement in force", RecordSection = "what happened next", SimulationSection = "the simulation",
        PredictionSection = "prediction", ScoreSection = "score", ShocksSection = "shocks";

    /// <summary>The item of the shocks' row, and what a table where none was played shows in it.</summary>
    public const string ShocksItem = "played, in order", NoShock = "none";

    private static IEnumerable<RecordFact> Facts(Exercise exercise) =>
        exercise.Record is { } record ? record.Facts.Where(f => exercise.Topics.Contains(f.Topic)) : [];

    private static List<string> Header(IReadOnlyList<TableView> tables) =>
        ["section", "item", .. tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"table {t.Table}"))];

    private static IEnumerable<IReadOnlyList<string>> Grid(Exercise exercise, IReadOnlyList<TableView> tables)
    {
        var columns = tables.Select(t => Cells(exercise, t)).ToList();
        return Rows(exercise).Select((row, k) => (IReadOnlyList<string>)[row.Section, row.Item, .. columns.Select(c => c[k])]);
    }

    private static ChartFigure Positions(Exercise exercise, TableView view)
    {
        var sight = TablePages.Sight(exercise, view, null, new TableTeams([], [])).Chart;
        var chart = new Chart(string.Create(CultureInfo.InvariantCulture, $"table-{view.Table}"), string.Create(CultureInfo.InvariantCulture, $"Table {view.Table}"))
        {
            XAxis = Chart.CategoryAxis("after", sight.After),
            YAxis = Chart.ValueAxis("position (0–100)", 0, 100, vertical: true),
            TooltipByAxis = true,
            Height = 320,
        };
        foreach (var series in sight.Series)
            chart.Add(new JsonObject { ["name"] = series.Name, ["type"] = "line", ["data"] = Chart.Values([.. series.Values.Select(v => (double?)v)]) });
        return chart.Build();
    }
}

/// <summary>A row of the classroom's debrief: its section (<see cref="ClassroomDebrief.AgreementSection"/> and the others) and what it is about.</summary>
public sealed record DebriefRow(string Section, string Item);

/// <summary>The debrief exported as a file for the facilitator's browser to save.</summary>
/// <param name="Name">The file's name: <c>{exercise}-debrief.csv</c> or <c>.html</c>.</param>
/// <param name="Type">Its media type.</param>
/// <param name="Content">Its text.</param>
public sealed record DebriefFile(string Name, string Type, string Content);
