using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

public sealed class ComparisonTests
{
    [Fact]
    public async Task A_position_only_one_run_holds_still_counts_as_moved_and_a_change_lost_to_rounding_does_not()
    {
        var path = SeedFiles.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var a = StateDocument.Of(await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#press-fta", null, null, p => p)));
        // B holds one position A does not, and one that differs from A's by 0.00008, more than the 0.00005
        // a move needs (half the last of four decimals), yet both show as 1.0005 (1.00046 and 1.00054, each
        // rounded to four decimals): a reader would see no move.
        var first = a.Positions[0];
        a = a with { Positions = [first with { Value = 1.00046 }, .. a.Positions.Skip(1)] };
        var b = a with
        {
            Positions = [first with { Value = 1.00054 }, .. a.Positions.Skip(1), new StateDocument.FinalPosition("XX", first.Topic, 50, 50, 0.5)],
        };
        var comparison = Comparison.Of("a", a, "b", b);
        var moved = Assert.Single(comparison.Positions);
        Assert.Equal("XX", moved.Actor);
        Assert.Null(moved.A);
        Assert.Equal(7UL, comparison.SeedA);
    }

    [Fact]
    public async Task A_comparison_of_a_run_with_itself_says_no_difference_and_none_moved_as_the_text_does()
    {
        // press-fta against itself: the same agreements and positions, so nothing to list. The text output
        // says "(no difference)" and "(none)"; the report says the same instead of two header-only tables.
        var path = SeedFiles.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var a = StateDocument.Of(await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#press-fta", null, null, p => p)));
        var comparison = Comparison.Of("a", a, "b", a);

        var html = Comparisons.CompareReport.Html(comparison);
        var md = Comparisons.CompareReport.Markdown(comparison);

        Assert.Empty(comparison.Agreements);
        Assert.Empty(comparison.Positions);
        Assert.DoesNotContain("<table><thead>", html);
        Assert.Contains("<p>(no difference)</p>", html);
        Assert.Contains("<p>(none)</p>", html);
        Assert.DoesNotContain("| change |", md);
        Assert.DoesNotContain("| topic |", md);
        Assert.Contains("\n(no difference)\n", md);
        Assert.Contains("\n(none)\n", md);
        // There is no chart, so the Markdown does not send the reader to one.
        Assert.DoesNotContain("The chart is in report.html", md);
    }

    [Fact]
    public void A_topic_only_one_side_forecast_has_no_forecast_on_the_other_not_a_forecast_of_0()
    {
        // Two spatial-model runs of different worlds: A forecast t1 and t2, B t1 and t3. By hand, t1 is on both sides
        // (60.25 → 59.75, b − a = −0.5); t2 is A's alone and t3 B's alone, so the other side's value and the delta are
        // null (the table says "none", comparison.json leaves them out), where a lookup that fell back to 0 would give
        // a forecast of 0 and a delta of −40 and +12.5.
        var a = Forecasting(new Dictionary<string, double> { ["t1"] = 60.25, ["t2"] = 40 });
        var b = Forecasting(new Dictionary<string, double> { ["t1"] = 59.75, ["t3"] = 12.5 });

        var forecasts = Comparison.Of("a", a, "b", b).Forecasts;

        Comparison.ForecastDiff[] expected = [new("t1", 60.25, 59.75), new("t2", 40, null), new("t3", null, 12.5)];
        Assert.Equal(expected, forecasts);
        Assert.Equal(new double?[] { -0.5, null, null }, forecasts.Select(f => f.Delta));
        Assert.Equal(["none", ""], Comparisons.CompareReport.ForecastRows(Comparison.Of("a", a, "b", b)).ElementAt(1).Skip(2));
    }

    /// <summary>A state that holds <paramref name="forecast"/> and nothing else: no positions, no agreements.</summary>
    private static StateDocument Forecasting(IReadOnlyDictionary<string, double> forecast) =>
        new("0.1.0", "s", "", "w", 0, Model.ModelParameters.Default, 0, 0, [], [], [], [], forecast);

    [Fact]
    public async Task Each_side_names_the_model_that_ran_it()
    {
        // The same imported world run by each model: the spatial model's state holds a forecast, the
        // bargaining model's none. The sides name them as --model does: bargaining and smp.
        var world = SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml");
        var bargaining = StateDocument.Of(await ScenarioRun.LocallyAsync(Forecast.Of(world, 2, 0, Model.ForecastModel.Bargaining)));
        var smp = StateDocument.Of(await ScenarioRun.LocallyAsync(Forecast.Of(world, 2, 0, Model.ForecastModel.Smp)));

        var comparison = Comparison.Of("bg3/state.json", bargaining, "smp3/state.json", smp);

        Assert.Equal(("bargaining", "smp"), (comparison.ModelA, comparison.ModelB));
        Assert.Equal("A is bg3/state.json (scenario forecast-dummy-3dim, seed 0, model bargaining); B is smp3/state.json (scenario forecast-dummy-3dim, seed 0, model smp).",
            Comparisons.CompareReport.Sides(comparison));
    }
}
