namespace Summits.Cli.Tests;

/// <summary>The comparison behind the documentation test: what it lets through and what it refuses.</summary>
public sealed class QuotedOutputTests
{
    private static readonly string[] Printed = ["Scenario x", "", "a 1", "b 2", "c 3", "11 events, seed 11."];

    [Fact]
    public void The_same_lines_match() => Assert.Null(QuotedOutput.Mismatch(Printed, Printed));

    [Fact]
    public void A_gap_stands_for_any_lines_and_a_trailing_ellipsis_for_the_rest_of_a_line() =>
        Assert.Null(QuotedOutput.Mismatch(["Scenario x", "…", "c 3", "11 events…"], Printed));

    [Fact]
    public void A_changed_figure_fails_with_both_lines_in_the_diff()
    {
        // "b 2" printed, "b 3" quoted: the report shows the quoted line with - and the printed one with +.
        var mismatch = QuotedOutput.Mismatch(["Scenario x", "", "a 1", "b 3", "c 3", "11 events, seed 11."], Printed);
        Assert.NotNull(mismatch);
        Assert.Contains("- b 3", mismatch);
        Assert.Contains("+ b 2", mismatch);
        Assert.Contains("  a 1", mismatch);
    }

    [Fact]
    public void Without_gaps_the_quote_must_cover_the_first_and_the_last_line()
    {
        Assert.NotNull(QuotedOutput.Mismatch(["a 1", "b 2", "c 3", "11 events, seed 11."], Printed));
        Assert.NotNull(QuotedOutput.Mismatch(["Scenario x", "", "a 1", "b 2"], Printed));
        Assert.Null(QuotedOutput.Mismatch(["…", "a 1", "b 2", "…"], Printed));
    }

    [Fact]
    public void Lines_out_of_order_fail() =>
        Assert.NotNull(QuotedOutput.Mismatch(["…", "c 3", "…", "a 1", "…"], Printed));
}
