using System.Text;
using Summits.Reports.Pages;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Comparisons;

/// <summary>The report of a comparison: agreements gained, lost or changed from A to B, and the positions that moved.</summary>
public static class CompareReport
{
    /// <summary>Every file a comparison's report may hold: <c>forecasts.csv</c> only when a side ran the spatial model.</summary>
    public static readonly IReadOnlyList<string> Names = ["report.html", "report.md", "agreements.csv", "positions.csv", ForecastsFile];

    /// <summary>The file of KTAB's forecasts in A and in B (<see cref="ForecastsCsv"/>), in the report and in <c>compare -o</c>'s set.</summary>
    public const string ForecastsFile = "forecasts.csv";

    /// <summary>
    /// The files a comparison's report holds for certain: all of <see cref="Names"/> when a side is known to run or to
    /// hold spatial-model turns (<paramref name="spatial"/>), else all but <c>forecasts.csv</c>.
    /// </summary>
    public static IReadOnlyList<string> Written(bool spatial) => spatial ? Names : [.. Names.Where(n => n != ForecastsFile)];

    /// <summary>A comparison's report, as <c>summits compare --report</c> writes it.</summary>
    public static readonly OutputKind Kind = new("compare-report", "summits compare --report", Names);

    /// <summary>Writes the report into <paramref name="directory"/> as one set (<see cref="OutputSet"/>).</summary>
    /// <exception cref="OutputException">The set could not be written; the folder's previous set is unchanged.</exception>
    /// <param name="cancellation">Checked as the set is written; a cancelled write leaves the previous set unchanged.</param>
    public static void WriteAll(Comparison comparison, string directory, CancellationToken cancellation = default) =>
        OutputSet.Write(directory, Kind, Files(comparison), cancellation);

    private static IEnumerable<(string Name, string Text)> Files(Comparison comparison)
    {
        yield return ("report.html", Html(comparison));
        yield return ("report.md", Markdown(comparison));
        yield return ("agreements.csv", AgreementsCsv(comparison));
        yield return ("positions.csv", PositionsCsv(comparison));
        if (!comparison.Forecasts.IsEmpty)
            yield return (ForecastsFile, ForecastsCsv(comparison));
    }

    public static string Html(Comparison comparison)
    {
        var page = new HtmlPage($"Compare {comparison.A} → {comparison.B}");
        page.Paragraph($"{Sides(comparison)} {Counts(comparison)}");
        // With nothing to list, the page says so in the words of the text output rather than showing a header-only table.
        page.Heading("Agreements gained, lost or changed");
        if (comparison.Agreements.IsEmpty)
            page.Paragraph(NoAgreementDifference);
        else
            page.Table(AgreementHeader, AgreementRows(comparison));
        if (!comparison.Forecasts.IsEmpty)
            page.Heading("Forecast of KTAB's spatial model").Table(ForecastHeader, ForecastRows(comparison));
        page.Heading("Positions that moved");
        if (comparison.Positions.IsEmpty)
        {
            page.Paragraph(NoPositionMoved);
            return page.Render();
        }
        page.Chart(ShiftChart.Render(comparison), "Each row is one actor's final position on a topic: hollow where it ended in A, filled where it ended in B; a position only B holds is a filled mark alone. The change beside each row is the difference of the two values as shown.");
        page.Table(PositionHeader, PositionRows(comparison));
        return page.Render();
    }

    public static string Markdown(Comparison comparison)
    {
        var md = new MarkdownText().Heading($"Compare {comparison.A} → {comparison.B}", 1)
            .Paragraph($"{Sides(comparison)} {Counts(comparison)}{(comparison.Positions.IsEmpty ? "" : " The chart is in report.html.")}")
            .Heading("Agreements gained, lost or changed");
        md = comparison.Agreements.IsEmpty ? md.Paragraph(NoAgreementDifference) : md.Table(AgreementHeader, AgreementRows(comparison));
        md = md.Forecasts(comparison).Heading("Positions that moved");
        md = comparison.Positions.IsEmpty ? md.Paragraph(NoPositionMoved) : md.Table(PositionHeader, PositionRows(comparison));
        return md.ToString();
    }

    /// <summary>What the report and the text output say where no agreement differs.</summary>
    public const string NoAgreementDifference = "(no difference)";

    /// <summary>What the report and the text output say where no position moved.</summary>
    public const string NoPositionMoved = "(none)";

    public static string AgreementsCsv(Comparison comparison)
    {
        var text = new StringBuilder("change,agreement,topic,value_a,value_b,status_a,status_b\n");
        foreach (var a in comparison.Agreements)
            text.Append(a.Change).Append(',').Append(a.Id).Append(',').Append(a.Topic).Append(',').Append(R(a.ValueA)).Append(',').Append(R(a.ValueB)).Append(',')
                .Append(a.StatusA is { } sa ? KebabCase.Of(sa) : "").Append(',').Append(a.StatusB is { } sb ? KebabCase.Of(sb) : "").Append('\n');
        return text.ToString();
    }

    public static string PositionsCsv(Comparison comparison)
    {
        var text = new StringBuilder("topic,actor,a,b,delta\n");
        foreach (var p in comparison.Positions)
            text.Append(p.Topic).Append(',').Append(p.Actor).Append(',').Append(R(p.A)).Append(',').Append(R(p.B)).Append(',').Append(R(p.Delta)).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// <c>forecasts.csv</c>: a row per topic either side forecast (<see cref="Comparison.Forecasts"/>, by topic), under
    /// the header <c>topic,a,b,delta</c>, as <c>positions.csv</c> writes a position: KTAB's forecast in A and in B
    /// (0 to 100) and <c>b</c> − <c>a</c>, each written whole (<see cref="CsvNumber"/>), where the table's change is the
    /// difference of the values as shown. A side without a forecast has an empty cell, and so has <c>delta</c> unless
    /// both sides have one. The header alone when neither side ran the spatial model (a set then holds no such file).
    /// </summary>
    public static string ForecastsCsv(Comparison comparison)
    {
        var text = new StringBuilder("topic,a,b,delta\n");
        foreach (var f in comparison.Forecasts)
            text.Append(CsvLine.Cell(f.Topic)).Append(',').Append(R(f.A)).Append(',').Append(R(f.B)).Append(',').Append(R(f.Delta)).Append('\n');
        return text.ToString();
    }

    public static readonly string[] AgreementHeader = ["change", "agreement", "topic", "A", "B"];
    public static readonly string[] ForecastHeader = ["topic", "A", "B", "change"];

    /// <summary>One row per forecast topic: its forecast in A and in B and the change; "none" on a side without one.</summary>
    public static IEnumerable<IReadOnlyList<string>> ForecastRows(Comparison comparison) =>
        comparison.Forecasts.Select(f => (IReadOnlyList<string>)[f.Topic, f.A is { } a ? Number(a) : "none", f.B is { } b ? Number(b) : "none",
            f.A is { } x && f.B is { } y ? SignedChange(x, y) : ""]);

    private static MarkdownText Forecasts(this MarkdownText md, Comparison comparison) =>
        comparison.Forecasts.IsEmpty ? md : md.Heading("Forecast of KTAB's spatial model").Table(ForecastHeader, ForecastRows(comparison));

    public static readonly string[] PositionHeader = ["topic", "actor", "A", "B", "change"];

    public static IEnumerable<IReadOnlyList<string>> AgreementRows(Comparison comparison) =>
        comparison.Agreements.Select(a => (IReadOnlyList<string>)[a.Change, a.Id, a.Topic, Side(a.ValueA, a.StatusA), Side(a.ValueB, a.StatusB)]);

    public static IEnumerable<IReadOnlyList<string>> PositionRows(Comparison comparison) =>
        comparison.Positions.Select(p => (IReadOnlyList<string>)[p.Topic, p.Actor, p.A is { } a ? Number(a) : "none", p.B is { } b ? Number(b) : "none",
            p.A is { } x && p.B is { } y ? SignedChange(x, y) : p.A is null ? "new in B" : "only in A"]);

    /// <summary>Which runs A and B are: their names, scenarios, seeds and models.</summary>
    public static string Sides(Comparison c) => $"A is {c.A} ({SideA(c)}); B is {c.B} ({SideB(c)}).";

    /// <summary>What ran side A: <c>scenario S, seed N, model M</c>, the model as <c>--model</c> names it.</summary>
    public static string SideA(Comparison c) => $"scenario {c.ScenarioA}, seed {c.SeedA}, model {c.ModelA}";

    /// <summary>What ran side B, as <see cref="SideA"/>.</summary>
    public static string SideB(Comparison c) => $"scenario {c.ScenarioB}, seed {c.SeedB}, model {c.ModelB}";

    /// <summary>
    /// The counts line: agreements, each counted once (a package over two topics is one agreement, and the
    /// topics it covers are said beside it when they are more), then the positions that moved.
    /// </summary>
    public static string Counts(Comparison c)
    {
        string Count(string change)
        {
            var (agreements, topics) = (c.AgreementsWith(change), c.TopicsWith(change));
            return topics > agreements ? $"{agreements} {change} (on {topics} topics)" : $"{agreements} {change}";
        }
        var noun = c.AgreementsWith("gained") == 1 ? "agreement" : "agreements";
        var gained = Count("gained");
        return $"{gained.Insert(gained.IndexOf(' ', StringComparison.Ordinal), " " + noun)}, {Count("lost")}, {Count("changed")}, {c.Unchanged} the same; {Counted.Of(c.Positions.Length, "position")} moved.";
    }

    private static string Side(double? value, Model.AgreementStatus? status) =>
        value is { } v ? $"{Number(v)} ({KebabCase.Of(status!.Value)})" : "none";

    private static string R(double? value) => value is { } v ? CsvNumber.Of(v) : "";
}
