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
        // Four decimals, as every line of words shows a figure: 22.37514 shows as 22.3751 and 21.13486 as 21.1349
        // (half away from zero), so a reader subtracts 21.1349 − 22.3751 = −1.2402, although the unrounded
        // difference, −1.24028, would round to −1.2403.
        Assert.Equal("22.3751", Shown.Number(22.37514));
        Assert.Equal("21.1349", Shown.Number(21.13486));
        Assert.Equal(-1.2402, Shown.Change(22.37514, 21.13486));
        Assert.Equal("-1.2402", Shown.SignedChange(22.37514, 21.13486));
        // 80.00004 → 55.12346 shows 80 → 55.1235 and −24.8765, not the unrounded −24.87658 rounded to −24.8766;
        // 1.00004 → 1.00006 shows 1 → 1.0001, +0.0001.
        Assert.Equal("-24.8765", Shown.SignedChange(80.00004, 55.12346));
        Assert.Equal("+0.0001", Shown.SignedChange(1.00004, 1.00006));
        // The figure a run's record line quotes reads alike in a report: 60.31923 is 60.3192, not 60.32.
        Assert.Equal("60.3192", Shown.Number(60.31923));
    }

    [Fact]
    public void No_number_reads_minus_zero()
    {
        Assert.Equal("0", Shown.Number(-0.00001));
        Assert.Equal("0", Shown.Number(-0.0));
        Assert.Equal("0", Shown.Signed(-0.00004));
        Assert.Equal("0%", Shown.Percent(-0.0001));
    }

    [Fact]
    public void The_compare_report_prints_changes_consistent_with_the_printed_values_and_both_seeds()
    {
        var positions = ImmutableArray.Create(new Comparison.PositionDiff("JP", "bilateral-fta", 22.37514, 21.13486), new Comparison.PositionDiff("US", "tpp-11", null, 40));
        var comparison = new Comparison("a.json", "b.json", [], positions, 3, "press", 7, "package", 8);
        var rows = CompareReport.PositionRows(comparison).ToList();
        // As above: 22.3751 → 21.1349, a change of −1.2402 between the values as shown.
        Assert.Equal(["bilateral-fta", "JP", "22.3751", "21.1349", "-1.2402"], rows[0]);
        Assert.Equal(["tpp-11", "US", "none", "40", "new in B"], rows[1]);
        var markdown = CompareReport.Markdown(comparison);
        Assert.Contains("scenario press, seed 7", markdown);
        Assert.Contains("scenario package, seed 8", markdown);
    }
}
