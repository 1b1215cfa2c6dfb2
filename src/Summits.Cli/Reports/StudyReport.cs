using Summits.Scenarios;
using static Summits.Cli.Reports.SvgChart;

namespace Summits.Cli.Reports;

/// <summary>The report of a what-if study: agreement chances with their intervals, histograms of final positions, the sensitivity ranking, and the study's CSVs.</summary>
public static class StudyReport
{
    public static void WriteAll(StudyResult study, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "report.html"), Html(study));
        File.WriteAllText(Path.Combine(directory, "report.md"), Markdown(study));
        StudyFiles.WriteCsvs(study, directory);
    }

    public static string Html(StudyResult study)
    {
        var page = new HtmlPage($"What-if study of {study.Scenario}");
        page.Paragraph(Summary(study));
        page.Heading("Agreements");
        page.Figure(AgreementOddsChart.Render(study), "Blue: the share of runs that ended with an agreement in force on the topic (the summit's own or a new one). Orange: the share in which a new agreement was made during the run. Whiskers: 95% Wilson score intervals.");
        page.Heading("Final positions");
        foreach (var topic in PositionHistogramChart.Topics(study))
            page.Figure(PositionHistogramChart.Render(study, topic), $"How far each actor's final position on {topic} spread over the runs; the dashed line is its seeded value.");
        page.Table(["topic", "actor", "start", "mean", "sd", "p5", "p50", "p95"], PositionRows(study));
        page.Heading("Sensitivity");
        if (study.Sensitivity.IsEmpty)
            page.Paragraph("No sampled input varied together with an outcome.");
        else
            page.Figure(SensitivityChart.Render(study), "Spearman's rank correlation over the runs between each sampled input and each outcome (an agreement being in force, or a final position), strongest first. An input is not ranked against its own final value.");
        page.Heading("Sampled inputs");
        page.Table(["input", "drawn from"], InputRows(study));
        return page.Render();
    }

    public static string Markdown(StudyResult study)
    {
        var md = new MarkdownText().Heading($"What-if study of {study.Scenario}", 1).Paragraph(Summary(study) + " The charts are in report.html.");
        md.Heading("Agreements at the end of a run");
        md.Table(["topic", "in force", "made during the run"], study.Agreements.Select(a => (IReadOnlyList<string>)[a.Topic, Output.StudyText.Share(a.InForce), Output.StudyText.Share(a.Made)]));
        md.Heading("Final positions");
        md.Table(["topic", "actor", "start", "mean", "sd", "p5", "p50", "p95"], PositionRows(study));
        md.Heading("Sensitivity (strongest first)");
        md.Table(["ρ", "input", "outcome"], study.Sensitivity.Take(30).Select(s => (IReadOnlyList<string>)[s.Rho.ToString("+0.000;-0.000", System.Globalization.CultureInfo.InvariantCulture), s.Input, s.Outcome]));
        md.Heading("Sampled inputs");
        md.Table(["input", "drawn from"], InputRows(study));
        return md.ToString();
    }

    private static string Summary(StudyResult study) =>
        $"{study.About} {study.Finished} of {study.Runs} runs on world {study.World}, seed {study.Seed}, engine {KebabCase.Of(study.Engine)}; {study.Inputs.Length} sampled inputs."
        + (study.Expectations is { } e ? $" Every expectation held in {Output.StudyText.Share(e)} of runs." : "")
        + (study.Stopped ? $" Stopped after {study.Finished} of {study.Runs} runs." : "");

    private static IEnumerable<IReadOnlyList<string>> PositionRows(StudyResult study) =>
        study.Positions.Select(p => (IReadOnlyList<string>)[p.Topic, p.Actor, Number(p.Start), Number(p.Mean), Number(p.Sd), Number(p.P5), Number(p.P50), Number(p.P95)]);

    private static IEnumerable<IReadOnlyList<string>> InputRows(StudyResult study) =>
        study.Inputs.Select(i => (IReadOnlyList<string>)[i.Name, i.Choices is { } c ? string.Join(", ", c) : $"[{Number(i.Low)}, {Number(i.High)}]"]);
}
