using System.Collections.Immutable;
using Summits.Reports.Comparisons;
using Summits.Reports.Pages;
using Summits.Scenarios;

namespace Summits.Reports.Tests;

public sealed class ShownTests
{
    [Fact]
    public void A_change_is_the_difference_of_the_values_as_shown()
    {
        // 22.3751 shows as 22.38 and 21.1349 as 21.13: a reader subtracts 21.13 − 22.38 = −1.25,
        // although the unrounded difference, −1.2402, would round to −1.24.
        Assert.Equal("22.38", Shown.Number(22.3751));
        Assert.Equal("21.13", Shown.Number(21.1349));
        Assert.Equal(-1.25, Shown.Change(22.3751, 21.1349));
        Assert.Equal("-1.25", Shown.SignedChange(22.3751, 21.1349));
        // 80 → 55.125 shows 55.13 and −24.87 (not −24.875 rounded).
        Assert.Equal("-24.87", Shown.SignedChange(80, 55.125));
        Assert.Equal("+0.01", Shown.SignedChange(1.004, 1.006));
    }

    [Fact]
    public void No_number_reads_minus_zero()
    {
        Assert.Equal("0", Shown.Number(-0.001));
        Assert.Equal("0", Shown.Number(-0.0));
        Assert.Equal("0", Shown.Signed(-0.004));
        Assert.Equal("0%", Shown.Percent(-0.0001));
    }

    [Fact]
    public void The_compare_report_prints_changes_consistent_with_the_printed_values_and_both_seeds()
    {
        var positions = ImmutableArray.Create(new Comparison.PositionDiff("JP", "bilateral-fta", 22.3751, 21.1349), new Comparison.PositionDiff("US", "tpp-11", null, 40));
        var comparison = new Comparison("a.json", "b.json", [], positions, 3, "press", 7, "package", 8);
        var rows = CompareReport.PositionRows(comparison).ToList();
        Assert.Equal(["bilateral-fta", "JP", "22.38", "21.13", "-1.25"], rows[0]);
        Assert.Equal(["tpp-11", "US", "none", "40", "new in B"], rows[1]);
        var markdown = CompareReport.Markdown(comparison);
        Assert.Contains("scenario press, seed 7", markdown);
        Assert.Contains("scenario package, seed 8", markdown);
    }
}
