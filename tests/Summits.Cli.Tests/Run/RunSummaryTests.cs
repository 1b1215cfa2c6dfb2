using System.Collections.Immutable;
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
            // Recomputed from the printed text alone, every figure at four decimals at most:
            // "25.532 → 26.0527 (+0.5207)" needs 26.0527 − 25.532 = 0.5207.
            var (from, to, change) = (Parse(line.Groups[1].Value), Parse(line.Groups[2].Value), Parse(line.Groups[3].Value));
            Assert.True(Math.Round(to - from, 4) == change, $"{file}: '{line.Value.Trim()}' prints a change of {change}, but {to} − {from} = {Math.Round(to - from, 4)}");
            Assert.NotEqual(0, change);
        }
    }

    // A at 50, B at 30, C at 10 on one topic t (salience 0.5 each, so windows of 5 + 45·0.5 = 27.5 and
    // no-deal worth 0.5·(1 − 0.275) = 0.3625; no influence). A proposes 50 to B and C under 2-of-n, judged
    // at the deadline: B accepts (20 from 30, inside 27.5), C rejects (40 from 10): A and B agree at 50.
    // Among A and B, the gains are 0.5·(0.275 − (50 − y)/100) and 0.5·(0.275 − (y − 30)/100): their product
    // is largest where they are equal, 50 − y = y − 30, y = 40, and by the same symmetry each gets the same
    // share of its ideal gain there too: Nash 40 and Kalai–Smorodinsky 40, both among the agreement's parties,
    // and 50 (between the two positions) is on their Pareto frontier. C's 10 would pull a three-party Nash
    // point below 40, so a summary mixing the two sets of parties would not print 40 for both.
    [Fact]
    public async Task An_agreements_nash_and_kalai_smorodinsky_points_are_both_among_its_own_parties()
    {
        var folder = Directory.CreateTempSubdirectory("summits-summary-");
        try
        {
            OneTopicWorld.Write(Path.Combine(folder.FullName, "w.yaml"), "w", "W", new("A", 0.5, 50), new("B", 0.5, 30), new("C", 0.5, 10));
            var scenario = Path.Combine(folder.FullName, "s.yaml");
            File.WriteAllText(scenario, """
                format: 2
                scenario: s
                about: A and B agree without C.
                world: w.yaml
                model: { influence-rate: 0 }
                steps:
                  - id: offer
                    propose: { from: A, to: [B, C], terms: { t: 50 }, rule: 2-of-n }
                """);
            var run = await ScenarioRun.LocallyAsync(BranchChoice.Load(scenario, null, null, p => p));
            var text = new StringWriter();
            RunReport.WriteSummary(text, run, width: 200);
            var summary = text.ToString();
            Assert.Contains("      t = 50   mean ", summary);
            Assert.Contains("      among A+B: Nash t 40; Kalai–Smorodinsky t 40; on the Pareto frontier", summary);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A at 40 (salience 0.1: window 5 + 45·0.9 = 45.5) and B at 60 (salience 1: window 5) on t, bound by au at
    // 57; both at 50 on u (salience 0.5), bound by steady at 50. B drifts to 64: 7 from 57, beyond its 5 but
    // not beyond 2 × 5 = 10, so au is strained. B comes back to 58: 1 from 57, and A is 17 from it, inside its
    // 45.5, so au holds again. au ends as it began (holding) but it moved twice: it is not "unchanged", and
    // the summary says it came back and how. steady saw no event: it is the one unchanged since the start.
    [Fact]
    public async Task An_agreement_strained_and_restored_is_said_to_be_back_where_it_started_not_unchanged()
    {
        var folder = Directory.CreateTempSubdirectory("summits-summary-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "w.yaml"), """
                format: 2
                world: w
                title: W
                actors:
                  - { id: A, name: A, capability: 0.5 }
                  - { id: B, name: B, capability: 0.5 }
                topics:
                  - { id: t, title: T, scale: { low: l, middle: m, high: h } }
                  - { id: u, title: U, scale: { low: l, middle: m, high: h } }
                positions:
                  - { actor: A, topic: t, value: 40, salience: 0.1, kind: synthetic, why: test }
                  - { actor: B, topic: t, value: 60, salience: 1, kind: synthetic, why: test }
                  - { actor: A, topic: u, value: 50, salience: 0.5, kind: synthetic, why: test }
                  - { actor: B, topic: u, value: 50, salience: 0.5, kind: synthetic, why: test }
                agreements:
                  - { id: au, topic: t, parties: [A, B], value: 57, rule: unanimity }
                  - { id: steady, topic: u, parties: [A, B], value: 50, rule: unanimity }
                """);
            var scenario = Path.Combine(folder.FullName, "s.yaml");
            File.WriteAllText(scenario, """
                format: 2
                scenario: s
                about: B drifts away from au and comes back.
                world: w.yaml
                steps:
                  - id: out
                    shock: { reason: drift, changes: [ { position: B, topic: t, to: 64 } ] }
                  - id: back
                    shock: { reason: return, changes: [ { position: B, topic: t, to: 58 } ] }
                """);
            var run = await ScenarioRun.LocallyAsync(BranchChoice.Load(scenario, null, null, p => p));
            var text = new StringWriter();
            RunReport.WriteSummary(text, run, width: 200);
            var summary = text.ToString();
            Assert.Contains("  unchanged since the start: steady\n", summary.ReplaceLineEndings("\n"));
            Assert.Contains("  back where it started: au (holding; strained by out, restored by back)\n", summary.ReplaceLineEndings("\n"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // The tie of BargainingProblemTests (A at 30, B at 70 on x and y, salience 0.5 each, no deal 0.3625 a
    // topic): every outcome with x + y = 100 between (30, 70) and (70, 30) gives both 0.8, the largest Nash
    // product and equal shares of the ideal gains (0.875 each). The line says both points are not unique,
    // with the range, and gives the Kalai–Smorodinsky point as the middle, x 50, y 50, not a corner. An
    // agreement at x 50, y 50 is on that segment, on the frontier.
    [Fact]
    public void A_tie_over_a_segment_is_said_for_both_points_with_its_range()
    {
        var analysis = new Model.BargainingProblem(["x", "y"],
        [
            new("A", 1, new Dictionary<string, Model.Stake> { ["x"] = new(30, 0.5, 0.3625), ["y"] = new(30, 0.5, 0.3625) }.ToImmutableSortedDictionary(StringComparer.Ordinal)),
            new("B", 1, new Dictionary<string, Model.Stake> { ["x"] = new(70, 0.5, 0.3625), ["y"] = new(70, 0.5, 0.3625) }.ToImmutableSortedDictionary(StringComparer.Ordinal)),
        ]).Solve();
        var agreement = new Model.Agreement("deal", new Dictionary<string, double> { ["x"] = 50, ["y"] = 50 }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            ["A", "B"], Model.AgreementRule.Unanimity, Model.AgreementStatus.Holding, "seed", null, "test");
        Assert.Equal("Nash not unique: every outcome from x 30, y 70 to x 70, y 30 ties (x 30–70, y 30–70); "
            + "Kalai–Smorodinsky not unique: x 50, y 50 among ties over x 30–70, y 30–70; on the Pareto frontier",
            RunReport.JointText(new BargainingCase(BargainingCase.AgreementSubject, "deal", agreement, analysis, [])));
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s+\S+\s+\S+\s+(-?[\d.]+) → (-?[\d.]+)\s+\(([+-]?[\d.]+)\)", RegexOptions.Multiline)]
    private static partial Regex MovedLine();
}
