using System.Collections.Immutable;
using Summits.Model;
using Summits.Reports.Comparisons;
using Summits.Scenarios;

namespace Summits.Reports.Tests;

/// <summary><c>compare</c>'s CSV files write every number in plain decimals, as every CSV Summits writes does.</summary>
public sealed class CompareCsvNumberTests
{
    [Fact]
    public void A_tiny_value_and_change_are_written_out_without_an_exponent()
    {
        // By hand: 1E-05 is 0.00001 and 4E-07 is 0.0000004; JP's position moved from 0 to 0.00001, a change of
        // 0.00001 − 0 = 0.00001 exactly; US's 2E+21 (no position holds one, but a double "R" writes with an exponent)
        // is 2 followed by 21 zeros, and its change from 2E+21 to 2E+21 is 0.
        var big = 2e21;
        var comparison = new Comparison("a.json", "b.json",
            [new Comparison.AgreementDiff("changed", "deal", "t", 4e-7, 1e-5, AgreementStatus.Holding, AgreementStatus.Holding)],
            [new Comparison.PositionDiff("JP", "t", 0, 1e-5), new Comparison.PositionDiff("US", "t", big, big)], 0);

        var agreements = CompareReport.AgreementsCsv(comparison).Split('\n');
        var positions = CompareReport.PositionsCsv(comparison).Split('\n');

        Assert.Equal("changed,deal,t,0.0000004,0.00001,holding,holding", agreements[1]);
        Assert.Equal("t,JP,0,0.00001,0.00001", positions[1]);
        Assert.Equal($"t,US,2{new string('0', 21)},2{new string('0', 21)},0", positions[2]);
    }
}
