using Summits.Scenarios;

namespace Summits.Reports.Tests;

public sealed class ComparisonTests
{
    [Fact]
    public async Task A_position_only_one_run_holds_still_counts_as_moved_and_a_change_lost_to_rounding_does_not()
    {
        var path = Repository.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var a = StateDocument.Of(await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#press-fta", null, null, p => p)));
        // B holds one position A does not, and one that differs from A's by 0.006, more than the 0.005
        // a move needs, yet both show as 1.01 (1.0051 and 1.0111): a reader would see no move.
        var first = a.Positions[0];
        a = a with { Positions = [first with { Value = 1.0051 }, .. a.Positions.Skip(1)] };
        var b = a with
        {
            Positions = [first with { Value = 1.0111 }, .. a.Positions.Skip(1), new StateDocument.FinalPosition("XX", first.Topic, 50, 50, 0.5)],
        };
        var comparison = Comparison.Of("a", a, "b", b);
        var moved = Assert.Single(comparison.Positions);
        Assert.Equal("XX", moved.Actor);
        Assert.Null(moved.A);
        Assert.Equal(7UL, comparison.SeedA);
    }
}
