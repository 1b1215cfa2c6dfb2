using System.Globalization;
using System.Text.RegularExpressions;
using Summits.Cli.Output;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

public sealed partial class RunSummaryTests
{
    public static TheoryData<string> Scenarios => new(["trade-for-defense-package.yaml", "okinawa-realignment-friction.yaml", "us-presses-bilateral-fta.yaml",
        "baseline.yaml", "china-role-shift.yaml", "north-korea-offers-talks.yaml", "us-fta-press-or-package.yaml#press-fta", "us-fta-press-or-package.yaml#offer-package"]);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_printed_change_is_the_difference_of_the_printed_values(string file)
    {
        var run = await ScenarioRun.LocallyAsync(BranchChoice.Load(SeedFiles.File("scenarios", "what-if", file), null, null, p => p));
        var text = new StringWriter();
        RunReport.WriteSummary(text, run);
        var lines = MovedLine().Matches(text.ToString());
        Assert.NotEmpty(lines);
        foreach (Match line in lines)
        {
            // Recomputed from the printed text alone: "25.53 → 26.05 (+0.52)" needs 26.05 − 25.53 = 0.52.
            var (from, to, change) = (Parse(line.Groups[1].Value), Parse(line.Groups[2].Value), Parse(line.Groups[3].Value));
            Assert.True(Math.Round(to - from, 2) == change, $"{file}: '{line.Value.Trim()}' prints a change of {change}, but {to} − {from} = {Math.Round(to - from, 2)}");
            Assert.NotEqual(0, change);
        }
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s+\S+\s+\S+\s+(-?[\d.]+) → (-?[\d.]+)\s+\(([+-]?[\d.]+)\)", RegexOptions.Multiline)]
    private static partial Regex MovedLine();
}
