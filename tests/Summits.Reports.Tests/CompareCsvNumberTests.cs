using System.Collections.Immutable;
using Summits.Model;
using Summits.Reports.Comparisons;
using Summits.Scenarios;

namespace Summits.Reports.Tests;

/// <summary>
/// <c>compare</c>'s CSV files write every number in plain decimals, as every CSV Summits writes does, and carry what
/// its table shows: the forecasts of KTAB's spatial model beside the agreements and the positions.
/// </summary>
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

    [Fact]
    public void The_forecasts_csv_has_a_row_a_topic_with_a_b_and_b_minus_a_whole_and_empty_cells_where_a_side_has_none()
    {
        // Two spatial-model runs of worlds that share some topics. By hand, topics in ordinal order ("a,b" before "t1"):
        //   "a,b"  10 → 10            delta 10 − 10 = 0; the topic holds a comma, so its cell is quoted
        //   t1     60.25 → 59.75      delta 59.75 − 60.25 = −0.5 (B − A: a fall is negative)
        //   t2     40 → 42.125        delta 42.125 − 40 = 2.125, with no "+", as positions.csv writes a delta
        //   t3     B alone, 12.34567  written whole, where the table shows 12.3457; A's cell and the delta empty
        //   t4     A alone, 70        B's cell and the delta empty
        // Each value is exact in binary, so each difference is exact too.
        var a = Forecasting(new Dictionary<string, double> { ["t2"] = 40, ["t1"] = 60.25, ["t4"] = 70, ["a,b"] = 10 });
        var b = Forecasting(new Dictionary<string, double> { ["t1"] = 59.75, ["t3"] = 12.34567, ["a,b"] = 10, ["t2"] = 42.125 });
        var comparison = Comparison.Of("a/state.json", a, "b/state.json", b);

        Assert.Equal("topic,a,b,delta\n\"a,b\",10,10,0\nt1,60.25,59.75,-0.5\nt2,40,42.125,2.125\nt3,,12.34567,\nt4,70,,\n", CompareReport.ForecastsCsv(comparison));
        // The table's change runs the same way, B − A, on the values as shown.
        Assert.Equal(["0", "-0.5", "+2.125", "", ""], CompareReport.ForecastRows(comparison).Select(r => r[3]));
    }

    [Fact]
    public void The_forecasts_csv_of_runs_without_the_spatial_model_is_its_header_alone()
    {
        // Neither side holds a forecast (two bargaining runs): no topic to list.
        var comparison = new Comparison("a.json", "b.json", [], [], 0);

        Assert.Empty(comparison.Forecasts);
        Assert.Equal("topic,a,b,delta\n", CompareReport.ForecastsCsv(comparison));
    }

    [Fact]
    public void A_report_holds_forecasts_csv_only_when_a_side_ran_the_spatial_model_and_drops_the_previous_one_otherwise()
    {
        var folder = Directory.CreateTempSubdirectory("summits-compare-forecasts-");
        try
        {
            var report = Path.Combine(folder.FullName, "report");
            // A forecast on A alone: t1, 55.5 in A and none in B, so B's cell and the delta are empty.
            var spatial = Comparison.Of("a", Forecasting(new Dictionary<string, double> { ["t1"] = 55.5 }), "b", Forecasting(null));
            CompareReport.WriteAll(spatial, report);
            Assert.Equal(["agreements.csv", "forecasts.csv", "positions.csv", "report.html", "report.md"], Files(report));
            Assert.Equal("topic,a,b,delta\nt1,55.5,,\n", File.ReadAllText(Path.Combine(report, "forecasts.csv")));

            // The same folder after two bargaining runs: the set holds no forecasts.csv, and the previous one leaves with it.
            CompareReport.WriteAll(Comparison.Of("a", Forecasting(null), "b", Forecasting(null)), report);
            Assert.Equal(["agreements.csv", "positions.csv", "report.html", "report.md"], Files(report));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        static IEnumerable<string> Files(string folder) =>
            Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n != OutputSet.ManifestName).Order(StringComparer.Ordinal)!;
    }

    /// <summary>A state that holds <paramref name="forecast"/> (null: a run of the bargaining model) and nothing else.</summary>
    private static StateDocument Forecasting(IReadOnlyDictionary<string, double>? forecast) =>
        new("0.1.0", "s", "", "w", 0, ModelParameters.Default, 0, 0, [], [], [], [], forecast);
}
