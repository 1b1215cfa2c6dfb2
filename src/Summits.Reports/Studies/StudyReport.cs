using System.Collections.Immutable;
using System.Globalization;
using Summits.Model;
using Summits.Reports.Pages;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Studies;

/// <summary>The report of a what-if study: agreement chances with their intervals, histograms of the final positions the runs moved, the sensitivity ranking with its test, each expectation's share of runs, and the study's agreements, positions and sensitivity as CSV (<see cref="StudyFiles.ReportTables"/>).</summary>
public static class StudyReport
{
    /// <summary>Every file a study's report may hold.</summary>
    public static readonly IReadOnlyList<string> Names = ["report.html", "report.md", "agreements.csv", "positions.csv", "sensitivity.csv"];

    /// <summary>A study's report, as <c>summits whatif --report</c> writes it.</summary>
    public static readonly OutputKind Kind = new("whatif-report", "summits whatif --report", Names);

    /// <summary>Writes the report into <paramref name="directory"/> as one set (<see cref="OutputSet"/>).</summary>
    /// <exception cref="OutputException">The set could not be written; the folder's previous set is unchanged.</exception>
    /// <param name="cancellation">Checked as the set is written; a cancelled write leaves the previous set unchanged.</param>
    public static void WriteAll(StudyResult study, string directory, CancellationToken cancellation = default) =>
        OutputSet.Write(directory, Kind, Files(study), cancellation);

    private static IEnumerable<(string Name, string Text)> Files(StudyResult study)
    {
        yield return ("report.html", Html(study));
        yield return ("report.md", Markdown(study));
        foreach (var csv in StudyFiles.ReportTables(study))
            yield return csv;
    }

    public static string Html(StudyResult study)
    {
        var page = new HtmlPage($"What-if study of {study.Scenario}");
        page.Paragraph(Summary(study));
        page.Heading("Agreements");
        var odds = AgreementOddsChart.Rows(study);
        if (odds.Count > 0)
            page.Chart(AgreementOddsChart.Render(study), "Blue: the share of runs that ended with an agreement in force on the topic (the summit's own or a new one). Orange: the share in which a new agreement was made during the run. Whiskers: 95% Wilson score intervals. Hover a bar for the counts.");
        if (odds.Count < study.Agreements.Length)
            page.Paragraph($"{study.Agreements.Length - odds.Count} of {Counted.Of(study.Agreements.Length, "topic")} had no agreement in force in any run and are left out of the chart.", "note");
        page.Table(["topic", "in force at the end", "made during the run"], OddsRows(study));
        if (study.EachExpectation is { IsEmpty: false } each)
        {
            page.Heading("Expectations");
            page.Table(ExpectationHeader(each), ExpectationRows(each));
        }
        page.Heading("Final positions");
        var topics = PositionHistogramChart.Topics(study);
        foreach (var topic in topics)
            page.Chart(PositionHistogramChart.Render(study, topic), $"How far each actor's final position on {topic} spread over the runs: each bin's bars stand side by side, one per actor; a dashed line of the actor's colour is its seeded value.");
        var unmoved = PositionHistogramChart.Unmoved(study);
        if (unmoved.Count > 0)
            page.Paragraph($"{unmoved.Count} of {Counted.Of(topics.Count + unmoved.Count, "topic")} {(unmoved.Count == 1 ? "is" : "are")} not charted: no run moved a position on them ({Listed.And(unmoved)}); their final positions are the sampled or seeded ones, listed in the table.", "note");
        page.Table(PositionHeader, PositionRows(study));
        page.Heading("Sensitivity");
        foreach (var (text, warning) in SensitivityNotes(study))
            page.Paragraph(text, warning ? "warning" : "note");
        if (!study.Sensitivity.IsEmpty)
        {
            page.Chart(SensitivityChart.Render(study), "Spearman's rank correlation over the runs between each sampled input and each outcome (an agreement being in force, or a final position some run moved), strongest first. Blue bars are significant after the Benjamini–Hochberg adjustment; grey bars are not; "
                + BandCaption(study.SensitivityTest) + ".");
            page.Table(SensitivityHeader, SensitivityRows(study));
            if (TableCut(study) is { } cut)
                page.Paragraph(cut, "note");
        }
        page.Heading("Sampled inputs");
        page.Table(["input", "drawn from"], InputRows(study));
        return page.Render();
    }

    public static string Markdown(StudyResult study)
    {
        var md = new MarkdownText().Heading($"What-if study of {study.Scenario}", 1).Paragraph(Summary(study) + " The charts are in report.html.");
        md.Heading("Agreements at the end of a run");
        md.Table(["topic", "in force at the end", "made during the run"], OddsRows(study));
        if (study.EachExpectation is { IsEmpty: false } each)
        {
            md.Heading("Expectations");
            md.Table(ExpectationHeader(each), ExpectationRows(each));
        }
        md.Heading("Final positions");
        md.Table(PositionHeader, PositionRows(study));
        md.Heading("Sensitivity (strongest first)");
        foreach (var (text, warning) in SensitivityNotes(study))
            md.Paragraph(text, strong: warning);
        if (!study.Sensitivity.IsEmpty)
        {
            md.Table(SensitivityHeader, SensitivityRows(study));
            if (TableCut(study) is { } cut)
                md.Paragraph(cut);
        }
        md.Heading("Sampled inputs");
        md.Table(["input", "drawn from"], InputRows(study));
        return md.ToString();
    }

    /// <summary>
    /// What the sensitivity test means for this study, each with whether it is a warning: why nothing is ranked (no
    /// input sampled, too few runs, nothing varied), what a small sample can tell, the test used (exact or the t
    /// approximation), the pairs flagged and the outcomes left out.
    /// </summary>
    public static IEnumerable<(string Text, bool Warning)> SensitivityNotes(StudyResult study)
    {
        if (study.Inputs.IsEmpty)
        {
            yield return ("Nothing to rank: no input is sampled.", false);
            yield break;
        }
        if (study.SensitivityTest is { Ranked: false } small)
        {
            yield return ("Not ranked, " + SensitivityWords.NotRanked(study, small) + ".", true);
            yield break;
        }
        if (study.Sensitivity.IsEmpty)
            yield return ("No sampled input varied together with an outcome.", false);
        if (study.SensitivityTest is not { } test)
            yield break;
        if (test.IsSmall)
            yield return ($"Only {Counted.Of(test.Runs, "run")}" + test.NoiseBand switch
            {
                null => $": over so few no correlation can be told from noise, not even a perfect one (|ρ| = 1 has p = {P(SensitivityRanking.PValue(1, test.Runs))}), so the ranking only orders the pairs",
                >= 1 => $", fewer than {SensitivityTest.SmallSample}: one pair on its own can be told from noise only at |ρ| = 1 (untied ranks; a tied outcome, such as an agreement in force, may not reach p < 0.05 at all), and over many pairs even that may not be flagged; the ranking of the weaker pairs means little",
                { } band => $", fewer than {SensitivityTest.SmallSample}: one pair on its own needs |ρ| of {Number(band)} or more to be told from noise{SensitivityWords.TiedCaveat(test)}, and over many pairs even that may not be flagged; the ranking of the weaker pairs means little",
            } + $"; {SensitivityWords.MoreRuns} before reading it.", true);
        var method = test.Exact
            ? $"exact permutation test: p is the share of the {Factorial(test.Runs)} equally likely pairings of the two sides' ranks, ties as observed, whose |ρ| is at least as large"
            : $"t approximation, {Counted.Of(test.Runs - 2, "degree")} of freedom";
        var chance = SensitivityWords.ByChance(test) is not { } expected ? ""
            : SensitivityWords.NoneCanReach(test) ? $" {char.ToUpperInvariant(expected[0])}{expected[1..]}."
            : $" Had no input anything to do with any outcome, {expected}.";
        yield return ($"Each ρ is tested against no association ({method}). The pairs are {SensitivityWords.WhichPairs}. Over {Counted.Of(test.Pairs, "pair")}, {test.Significant} {(test.Significant == 1 ? "is" : "are")} significant at a {Percent(test.FalseDiscoveryRate)} false discovery rate (Benjamini–Hochberg): on average at most {Percent(test.FalseDiscoveryRate)} of the flagged pairs are noise.{chance}", false);
        if (test.UnmovedOutcomes > 0)
            yield return (SensitivityWords.Unmoved(test.UnmovedOutcomes), false);
    }

    /// <summary>
    /// What the sensitivity chart's shaded band shows: where one pair would be within noise even on its own; that it covers
    /// the axis but |ρ| = 1 when the band is 1 (5 runs); that none is drawn when there is no band (4 runs).
    /// </summary>
    private static string BandCaption(SensitivityTest? test) => test switch
    {
        null => "the shaded band is where a pair would be within noise even on its own",
        { NoiseBand: null } => "no band is drawn: " + SensitivityWords.SinglePair(test),
        { NoiseBand: >= 1 } => "the shaded band covers the whole axis but its ends: " + SensitivityWords.SinglePair(test),
        { NoiseBand: { } band } => $"inside the shaded band (|ρ| < {Number(band)}) a pair would be within noise even on its own"
            + (test.Exact || test.IsSmall ? " (untied ranks)" : ""),
    };

    /// <summary>
    /// What the sensitivity table leaves out, when it shows fewer than every pair (<see cref="SensitivityChart.Rows"/>:
    /// the <see cref="SensitivityChart.Strongest"/> strongest and every flagged one, strongest first, at most
    /// <see cref="SensitivityChart.MostShown"/>), as a sentence: "The table shows the 15 strongest of the 457 pairs;
    /// sensitivity.csv lists every pair." with none flagged; "…, 8 of them flagged" when every flagged pair is among
    /// them; "The table shows 16 of the 457 pairs: the 15 strongest and the 1 flagged pair beyond them (3 flagged in
    /// all); …" when some are not; and, when those are more than the table holds, the first 40 of them. Null when it
    /// shows them all.
    /// </summary>
    private static string? TableCut(StudyResult study)
    {
        var shown = SensitivityChart.Rows(study).Count;
        if (shown == study.Sensitivity.Length)
            return null;
        var flagged = study.Sensitivity.Count(s => s.Significant);
        var beyond = study.Sensitivity.Skip(SensitivityChart.Strongest).Count(s => s.Significant);
        var chosen = study.Sensitivity.Where((s, i) => i < SensitivityChart.Strongest || s.Significant).Count();
        var which = flagged == 0 ? $"the {shown} strongest of the {study.Sensitivity.Length} pairs"
            : beyond == 0 ? $"the {shown} strongest of the {study.Sensitivity.Length} pairs, {flagged} of them flagged"
            : chosen <= SensitivityChart.MostShown ? $"{shown} of the {study.Sensitivity.Length} pairs: the {SensitivityChart.Strongest} strongest and {(beyond == 1 ? "the 1 flagged pair" : $"the {beyond} flagged pairs")} beyond them ({flagged} flagged in all)"
            : $"{shown} of the {study.Sensitivity.Length} pairs: the first {shown}, strongest first, of the {chosen} that are among the {SensitivityChart.Strongest} strongest or flagged ({flagged} flagged)";
        return $"The table shows {which}; sensitivity.csv lists every pair.";
    }

    /// <summary>n! written out with its value, "6! = 720".</summary>
    private static string Factorial(int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{n}! = {Enumerable.Range(1, n).Aggregate(1L, (f, k) => f * k):N0}");

    private static string Summary(StudyResult study) =>
        (Sentence(study.About) is { Length: > 0 } about ? about + " " : "")
        + $"{Counted.PartOf(study.Finished, study.Runs, "run")} on world {study.World}, seed {study.Seed}, engine {KebabCase.Of(study.Engine)}; {Counted.Of(study.Inputs.Length, "sampled input")}."
        + (study.Expectations is { } e ? $" Every expectation held in {Share(e)} of runs." : "")
        + (study.Stopped ? $" Stopped after {Counted.PartOf(study.Finished, study.Runs, "run")}." : "");

    private static readonly string[] PositionHeader = ["topic", "actor", "start", "mean", "sd", "p5", "p50", "p95", "runs that moved it"];

    private static readonly string[] SensitivityHeader = ["ρ", "p", "q (adjusted)", "significant", "input", "outcome"];

    /// <summary>The Expectations table's columns: a <c>because</c> column beside the share when any step gives a reason.</summary>
    private static string[] ExpectationHeader(ImmutableArray<ExpectationOdds> each) =>
        each.Any(x => x.Because.Length > 0) ? ["expectation", "step", "line", "held in", "because"] : ["expectation", "step", "line", "held in"];

    /// <summary>
    /// Each expectation of the scenario, in the file's order, with the share of runs in which it held and, when any step
    /// gives one (<see cref="ExpectationHeader"/>), its step's reason (empty for a step without one).
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> ExpectationRows(ImmutableArray<ExpectationOdds> each)
    {
        var reasons = each.Any(x => x.Because.Length > 0);
        return each.Select(x => (IReadOnlyList<string>)(reasons
            ? [x.What, x.Step, x.Line.ToString(CultureInfo.InvariantCulture), Share(x.Held), x.Because]
            : [x.What, x.Step, x.Line.ToString(CultureInfo.InvariantCulture), Share(x.Held)]));
    }

    private static IEnumerable<IReadOnlyList<string>> OddsRows(StudyResult study) =>
        study.Agreements.Select(a => (IReadOnlyList<string>)[a.Topic, Share(a.InForce), Share(a.Made)]);

    private static IEnumerable<IReadOnlyList<string>> PositionRows(StudyResult study) =>
        study.Positions.Select(p => (IReadOnlyList<string>)[p.Topic, p.Actor, Number(p.Start), Number(p.Mean), Number(p.Sd), Number(p.P5), Number(p.P50), Number(p.P95),
            p.Moved.ToString(CultureInfo.InvariantCulture)]);

    private static IEnumerable<IReadOnlyList<string>> SensitivityRows(StudyResult study) =>
        SensitivityChart.Rows(study).Select(s => (IReadOnlyList<string>)[Signed(s.Rho), P(s.P), P(s.Q), s.Significant ? "yes" : "no", s.Input, s.Outcome]);

    private static IEnumerable<IReadOnlyList<string>> InputRows(StudyResult study) =>
        study.Inputs.Select(i => (IReadOnlyList<string>)[i.Name, i.Choices is { } c ? string.Join(", ", c) : $"[{Number(i.Low)}, {Number(i.High)}]"]);

    /// <summary>A share with its 95% interval, in percent: "45.5% [38.7, 52.4]".</summary>
    public static string Share(Proportion p) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * p.P:0.0}% [{100 * p.Low:0.0}, {100 * p.High:0.0}]");
}
