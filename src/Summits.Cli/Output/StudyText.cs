using System.Globalization;
using Summits.Scenarios;

using Summits.Model;
using Summits.Reports.Studies;

namespace Summits.Cli.Output;

/// <summary>Prints a study's results for people: agreement chances with their intervals, final positions, and the strongest sensitivities.</summary>
public static class StudyText
{
    public const int Strongest = 15;

    /// <summary>
    /// The most rows the agreements table and the final positions table each show at the normal level: a wide world's
    /// study (600 topics, 6,000 positions) is read at a terminal in a page or two, while every row is one
    /// <c>-v detailed</c> or <c>-o DIR</c> away. Fifty keeps every row of a study of the seeded summit (16 topics,
    /// 32 positions) and of a scenario's world of up to 25 topics for two actors.
    /// </summary>
    public const int MostRows = 50;

    /// <summary>
    /// Writes the results fitted to <paramref name="width"/>; <paramref name="every"/> (<c>-v detailed</c>)
    /// lists every sampled input, every agreement and final position and every sensitivity pair. Without it (the normal
    /// level) the first sampled inputs, at most <see cref="MostRows"/> agreements (those most often in force, then
    /// most often made) and <see cref="MostRows"/> final positions (those that varied most over the runs, by their
    /// standard deviation), each kept in the study's order, with a line saying how many more there are and where they
    /// are, and the strongest sensitivities. A study that sampled no input says so instead of an empty list and table.
    /// </summary>
    public static void Write(TextWriter output, StudyResult study, int width, bool every = false)
    {
        void Line(string text)
        {
            foreach (var line in TerminalWidth.Wrap(text, width))
                output.WriteLine(line);
        }
        const int FirstInputs = 6;
        Line($"What-if {study.Scenario} on world {study.World}: {Counted.PartOf(study.Finished, study.Runs, "run")}, seed {study.Seed}, engine {KebabCase.Of(study.Engine)}");
        if (study.About.Length > 0)
            Line(study.About);
        var inputs = every ? study.Inputs.Length : FirstInputs;
        if (study.Inputs.IsEmpty)
            Line("No input is sampled: the world gives no ranges and the scenario varies nothing, so the runs differ only by their random draws.");
        else
            Line($"{Counted.Of(study.Inputs.Length, "sampled input")}: " + string.Join(", ", study.Inputs.Take(inputs).Select(i => i.Name))
                + (study.Inputs.Length > inputs ? $" and {study.Inputs.Length - inputs} more (-v detailed lists them)" : ""));
        output.WriteLine();
        Line("Agreements at the end of a run (share of runs, 95% Wilson interval)");
        var agreements = Bounded(study.Agreements, every, a => (a.InForce.P, a.Made.P));
        FittedTable.WriteLeftOut(output, FittedTable.Write(output,
            [new("topic"), new("in force"), new("made during the run", Drop: 1)],
            agreements.Select(a => (IReadOnlyList<string>)[a.Topic, Share(a.InForce), Share(a.Made)]), width, "  "), width, "  ");
        if (study.Agreements.Length > agreements.Count)
            Line($"  and {More(study.Agreements.Length - agreements.Count, "topic")} less often in force or made (-v detailed lists every one; -o DIR writes them all to agreements.csv)");
        if (study.Expectations is { } e)
        {
            output.WriteLine();
            Line($"Every expectation held in {Share(e)} of runs");
            // With more than one, which held how often: the line above does not say which failed.
            if (study.EachExpectation is { Length: > 1 } each)
                FittedTable.WriteLeftOut(output, FittedTable.Write(output,
                    [new("expectation"), new("step"), new("line"), new("held in")],
                    each.Select(x => (IReadOnlyList<string>)[x.What, x.Step, x.Line.ToString(CultureInfo.InvariantCulture), Share(x.Held)]), width, "  "), width, "  ");
            foreach (var reason in Reasons(study))
                Line(reason);
        }

        output.WriteLine();
        var positions = Bounded(study.Positions, every, p => (p.Sd, 0));
        Line(positions.Count < study.Positions.Length
            ? $"Final positions over the runs: the {positions.Count} that varied most (sd) of {study.Positions.Length.ToString("N0", CultureInfo.InvariantCulture)}"
            : "Final positions over the runs");
        FittedTable.WriteLeftOut(output, FittedTable.Write(output,
            [new("topic"), new("actor"), new("start", Right: true), new("mean", Right: true), new("sd", Right: true, Drop: 3),
             new("p5", Right: true, Drop: 2), new("p50", Right: true, Drop: 4), new("p95", Right: true, Drop: 1)],
            positions.Select(p => (IReadOnlyList<string>)[p.Topic, p.Actor, N(p.Start), N(p.Mean), N(p.Sd), N(p.P5), N(p.P50), N(p.P95)]), width, "  "), width, "  ");
        if (study.Positions.Length > positions.Count)
            Line($"  and {More(study.Positions.Length - positions.Count, "position")} that varied less (-v detailed lists every one; -o DIR writes them all to positions.csv)");

        output.WriteLine();
        if (study.Sensitivity.IsEmpty)
        {
            Line(study.Inputs.IsEmpty ? "Sensitivity: nothing to rank, since no input is sampled"
                : study.SensitivityTest is { Ranked: false } test
                    ? "Sensitivity: not ranked, " + SensitivityWords.NotRanked(study, test)
                    : "Sensitivity: no sampled input varied together with an outcome");
        }
        else
        {
            var shown = every ? study.Sensitivity.Length : Math.Min(Strongest, study.Sensitivity.Length);
            Line(every
                ? $"Sensitivity: all {Counted.Of(study.Sensitivity.Length, "input–outcome correlation")} (Spearman's ρ), strongest first"
                : shown == study.Sensitivity.Length
                    ? $"Sensitivity: {(shown == 1 ? "the one input–outcome correlation" : $"all {shown} input–outcome correlations")} (Spearman's ρ), strongest first"
                    : $"Sensitivity: the {shown} strongest of {study.Sensitivity.Length} input–outcome correlations (Spearman's ρ)");
            FittedColumn[] columns = [new("ρ", Right: true), new("", Flag: "significant"), new("p"), new("input", Wraps: true), new("outcome", Wraps: true)];
            List<IReadOnlyList<string>> rows = [.. study.Sensitivity.Take(shown).Select(s => (IReadOnlyList<string>)[Reports.Pages.Shown.Signed(s.Rho), s.Significant ? "*" : "", P(s.P), s.Input, s.Outcome])];
            foreach (var line in SensitivityLines(study, FittedTable.StandsAsBlocks(columns, rows, width, "  ")))
                foreach (var wrapped in TerminalWidth.Wrap(line, width))
                    output.WriteLine(wrapped);
            FittedTable.Write(output, columns, rows, width, "  ");
        }
        if (study.Stopped)
        {
            output.WriteLine();
            Line($"Stopped after {Counted.PartOf(study.Finished, study.Runs, "run")}; these results cover the finished runs only.");
        }
    }

    /// <summary>
    /// Why the scenario's author expected what the study counted: a line per <c>expect</c> step that gives a
    /// <c>because:</c>, in the file's order, under the expectations it explains, "  step-6 (line 50) because: the
    /// parties' reservation values … never meet". A step's expectations share its reason, so a step of several gives
    /// it once, on one line as the scenario reader gives it (<c>MappingReader.OptionalProse</c>), any control character
    /// shown escaped (<see cref="Printable"/>). None for a scenario whose steps give no reason.
    /// </summary>
    private static IEnumerable<string> Reasons(StudyResult study) =>
        (study.EachExpectation ?? []).Select(x => (x.Step, x.Line, x.Because))
            .Where(x => x.Because.Length > 0).Distinct()
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"  {x.Step} (line {x.Line}) because: {Printable.Of(x.Because)}"));

    /// <summary>How many more rows there are, with thousands separated as the table's counts are: "1 more topic", "5,950 more positions".</summary>
    private static string More(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} more {noun}{(count == 1 ? "" : "s")}");

    /// <summary>
    /// Every row when <paramref name="every"/>, else the <see cref="MostRows"/> rows highest by <paramref name="rank"/>
    /// (ties kept in the study's order), in the study's order.
    /// </summary>
    private static List<T> Bounded<T>(IReadOnlyList<T> rows, bool every, Func<T, (double First, double Then)> rank)
    {
        if (every || rows.Count <= MostRows)
            return [.. rows];
        var kept = rows.Select((row, i) => (row, i)).OrderByDescending(r => rank(r.row).First).ThenByDescending(r => rank(r.row).Then).ThenBy(r => r.i)
            .Take(MostRows).Select(r => r.i).ToHashSet();
        return [.. rows.Where((_, i) => kept.Contains(i))];
    }

    /// <summary>
    /// The study in one line, what <c>-v minimal</c> prints: the scenario, the runs, on how many topics an agreement
    /// was in force at the end of most runs (more than half), and the share of runs in which every expectation held.
    /// </summary>
    public static string Summary(StudyResult study)
    {
        var held = study.Agreements.Count(a => a.InForce.P > 0.5);
        var text = $"What-if {study.Scenario}: {Counted.PartOf(study.Finished, study.Runs, "run")}, seed {study.Seed}; "
            + $"an agreement in force at the end of most runs on {held} of {Counted.Of(study.Agreements.Length, "topic")}";
        if (study.Expectations is { } e)
            text += string.Create(CultureInfo.InvariantCulture, $"; every expectation held in {100 * e.P:0.0}% of runs");
        return study.Stopped ? text + "; stopped before every run finished" : text;
    }

    /// <summary>
    /// What the ranking's test means for this study: the pairs flagged and which pairs were tested, the noise band (or that
    /// no single pair can be told from noise, over 4 runs), the outcomes left out and why, a warning for a small sample
    /// with how many pairs would reach the band by chance alone (<see cref="SensitivityWords.ByChance"/>) and the runs to
    /// ask for. Nothing for a study without a test or whose test ranked nothing (<see cref="SensitivityTest.Ranked"/>).
    /// The first line names the mark as the table shows it: <c>*</c> in its column, or <c>significant: yes</c> when
    /// <paramref name="blocks"/> (the table standing as a block per pair, <see cref="FittedTable.WriteBlocks"/>).
    /// </summary>
    public static IEnumerable<string> SensitivityLines(StudyResult study, bool blocks = false)
    {
        if (study.SensitivityTest is not { Ranked: true } test)
            yield break;
        var runs = Counted.Of(test.Runs, "run");
        yield return $"  {(blocks ? "significant: yes" : "*")} = significant at a {test.FalseDiscoveryRate:0%} false discovery rate over the {(test.Pairs == 1 ? "1 pair" : $"{test.Pairs} pairs")} tested ({(test.Exact ? "exact permutation test" : "t approximation")}, Benjamini–Hochberg): {test.Significant} flagged; "
            + SensitivityWords.SinglePair(test) + ".";
        yield return $"  The pairs: {SensitivityWords.WhichPairs}.";
        if (test.UnmovedOutcomes > 0)
            yield return "  " + SensitivityWords.Unmoved(test.UnmovedOutcomes);
        if (test.IsSmall)
            yield return $"  Warning: {runs} is a small sample (under {SensitivityTest.SmallSample}); "
                + (SensitivityWords.ByChance(test) is { } chance
                    ? $"only strong correlations can be told from noise, and {chance}, so {(SensitivityWords.NoneCanReach(test) ? "none" : "few if any")} can be flagged; "
                    : "the order of the pairs means little; ")
                + SensitivityWords.MoreRuns + ".";
    }

    private static string P(double p) => Reports.Pages.Shown.P(p);

    public static string Share(Proportion p) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * p.P:0.0}% [{100 * p.Low:0.0}, {100 * p.High:0.0}]");

    private static string N(double value) => Figures.Text(value);
}
