using Summits.Reports.Runs;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>A run report on the seeded world sets the run against what happened after the summit.</summary>
public sealed class RecordReportTests
{
    [Fact]
    public async Task The_report_of_a_run_on_the_summit_compares_each_fact_with_how_the_run_ended()
    {
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "trade-for-defense-package.yaml"));
        var run = await ScenarioRun.LocallyAsync(loaded);
        var records = RecordFile.For(loaded.WorldPath);

        var md = RunReportFiles.Markdown(run, records);
        var html = RunReportFiles.Html(run, null, records);

        var section = md[md.IndexOf("## What happened next", StringComparison.Ordinal)..];
        var rows = section.Split('\n').Where(l => l.StartsWith("| 20", StringComparison.Ordinal)).ToList();
        // The US's package (procurement 75, trade 50) moves JP on defense-procurement by the influence rule,
        // 0.1 × 0.8/1.25 × (1 + 0.9)/2 × (1 − 0.65) × (75 − 60) = 0.02128 × 15 = 0.3192: 60 -> 60.3192, shown to four
        // decimals as every figure of the comparison is (not 60.32), and less than the 1 point a move needs. The run
        // leaves tpp-11 (JP 85) and north-korea (US 95) alone, and makes its package agreement on defense-procurement
        // and trade-imbalance only, none on bilateral-fta: all four facts disagree.
        Assert.Equal(4, rows.Count);
        Assert.Equal("| 2018-12-18 | f-35-purchase | defense-procurement | JP moves toward the high end (Large and expanding purchases of US equipment) | JP at 60.3192 (from 60) | no: The run left JP at 60.3192 on defense-procurement, less than 1 point from where it started; the record has it move toward the high end (Large and expanding purchases of US equipment). |", rows[2]);
        Assert.StartsWith("| 2019-10-07 | us-japan-trade-agreements | bilateral-fta |", rows[3], StringComparison.Ordinal);
        Assert.Contains("| no agreement (JP at 20 and US at 80) | no: The run made no agreement of JP and US on bilateral-fta", rows[3]);
        Assert.Contains("(4 facts, 0 agreeing with this run)", section);
        Assert.Contains("<h2>What happened next</h2>", html);
        Assert.Contains("us-japan-trade-agreements", html);
        // Without a record, as for a world no record follows, the section is not there.
        Assert.DoesNotContain("What happened next", RunReportFiles.Markdown(run));
    }
}
