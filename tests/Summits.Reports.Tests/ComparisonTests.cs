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
