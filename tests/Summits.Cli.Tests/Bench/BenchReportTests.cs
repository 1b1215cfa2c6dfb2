using System.Text.Json;
using Summits.Cli.Bench;

namespace Summits.Cli.Tests;

/// <summary>
/// A full bench run judges each figure against its target in the met column; a quick run, whose tiny sizes only
/// check that every measurement runs, judges none, and says so once.
/// </summary>
public sealed class BenchReportTests
{
    private static readonly BenchReport.Machine Machine = new(2, "Linux", ".NET 10.0", 7.8, ReadyToRun: false);

    /// <summary>
    /// Three rows as the figures make them: one that met its target, one that missed it, and a raw number beside a
    /// ratio, which has no target.
    /// </summary>
    private static readonly BenchResult[] Results =
    [
        new("2", "proposals per second", 250_000, "1/s", ">= 100000", Met: true),
        new("5", "soe-18-actors to convergence", 80.0, "ms", "< 50 ms", Met: false),
        new("5", "pure model", 40.0, "ms"),
    ];

    private static string[] Table(bool quick)
    {
        var output = new StringWriter();
        BenchReport.WriteTable(output, new BenchReport.Document(Machine, quick, 1.5, Results), width: 200, details: false);
        return output.ToString().ReplaceLineEndings("\n").Split('\n');
    }

    /// <summary>The met column of the table's row whose measurement is <paramref name="name"/>: its last cell.</summary>
    private static string MetOf(string[] table, string name)
    {
        var row = Assert.Single(table, l => l.Contains(name, StringComparison.Ordinal));
        var cells = row.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return cells[^1];
    }

    [Fact]
    public void A_full_run_says_yes_or_NO_against_each_target()
    {
        var table = Table(quick: false);

        // By hand: 250,000 >= 100,000 was met; 80 ms < 50 ms was not; the pure model's row has no target, so its last
        // cell is its unit, "ms", and the met column is empty.
        Assert.Equal("yes", MetOf(table, "proposals per second"));
        Assert.Equal("NO", MetOf(table, "soe-18-actors"));
        Assert.Equal("ms", MetOf(table, "pure model"));
        Assert.DoesNotContain(table, l => l.Contains("judged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quick_run_judges_no_figure_and_says_so_once()
    {
        var table = Table(quick: true);

        // By hand: both rows with a target show "—", the one the full run said NO of too; the row without a target
        // stays empty (its last cell its unit).
        Assert.Equal("—", MetOf(table, "proposals per second"));
        Assert.Equal("—", MetOf(table, "soe-18-actors"));
        Assert.Equal("ms", MetOf(table, "pure model"));
        Assert.DoesNotContain(table, l => l.Contains("NO", StringComparison.Ordinal) || l.EndsWith("yes", StringComparison.Ordinal));
        // Said once, under the machine line.
        Assert.Equal(BenchReport.QuickNote, table[1]);
        Assert.Single(table, l => l.Contains("judged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quick_runs_csv_and_json_judge_no_figure_either()
    {
        var quick = new BenchReport.Document(Machine, Quick: true, 1.5, Results);

        // CSV: the met column (the sixth) says "not judged" where there is a target, nothing where there is none.
        var rows = BenchReport.Csv(quick).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["not judged", "not judged", ""], rows.Select(r => r[5]));
        // JSON: every met is null; the full run's document keeps true and false.
        var json = new StringWriter();
        BenchReport.WriteJson(json, quick);
        using var document = JsonDocument.Parse(json.ToString());
        Assert.All(document.RootElement.GetProperty("results").EnumerateArray(),
            r => Assert.True(!r.TryGetProperty("met", out var met) || met.ValueKind == JsonValueKind.Null, r.ToString()));
        Assert.Equal(new bool?[] { true, false, null }, new BenchReport.Document(Machine, Quick: false, 1.5, Results).Results.Select(r => r.Met));
    }
}
