using System.Globalization;
using Summits.Model;

namespace Summits.Scenarios.Tests.Spatial;

/// <summary>
/// The spatial model against KTAB's own figures: the expected values are not worked out here but
/// measured with KTAB's smpc (reference/forecasts.csv) and printed by smpc for dummyData_3Dim.csv
/// (reference/20170530_ref-dummyData_3Dim.txt). Every table runs with the same parameters.
/// </summary>
public sealed class SmpReferenceTests
{
    private static string Reference(string file) => Path.Combine(WorldsRepository.KtabFolder, "reference", file);

    private static SmpRun RunTable(string file) =>
        SpatialModel.Run(SmpTable.From(KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab(file))]).World));

    public static TheoryData<string, int, double, int> Forecasts()
    {
        var data = new TheoryData<string, int, double, int>();
        var tables = File.ReadLines(Reference("forecasts.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var row in tables)
        {
            var dimension = tables.Where(r => r[0] == row[0]).ToList().IndexOf(row);
            data.Add(row[0], dimension, double.Parse(row[2], CultureInfo.InvariantCulture), int.Parse(row[5], CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Forecasts))]
    public void The_forecast_is_within_a_tenth_of_a_point_of_ktabs_on_every_dimension(string table, int dimension, double ktab, int ktabTurns)
    {
        var run = RunTable(table);

        // The issue asks for 2 points; the docs claim 0.1, so the test holds 0.1. forecasts.csv prints KTAB's
        // forecasts to one decimal, so KTAB's own value lies within 0.05 of the printed one.
        Assert.InRange(run.Forecast[dimension], ktab - 0.1, ktab + 0.1);
        Assert.True(run.Converged);
        Assert.Equal(ktabTurns, run.TurnCount);
    }

    [Fact]
    public void The_forecast_list_covers_six_dimensions_of_four_tables()
    {
        var rows = Forecasts().Select(r => (string)r[0]).ToList();

        Assert.Equal(6, rows.Count);
        Assert.Equal(4, rows.Distinct().Count());
    }

    /// <summary>"SActor-00, Pstn1:  75.8  79.5 …" rows of smpc's position history, and "SActor-00, prob : …" rows of its winning probabilities.</summary>
    private static Dictionary<string, double[]> History(string heading, string next)
    {
        var lines = File.ReadAllLines(Reference("20170530_ref-dummyData_3Dim.txt"));
        var from = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal)) + 1;
        return lines.Skip(from).TakeWhile(l => !l.StartsWith(next, StringComparison.Ordinal))
            .Select(l => l.Split(':'))
            .ToDictionary(p => p[0].Trim(), p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray());
    }

    [Fact]
    public void Every_position_of_the_three_dimension_table_matches_ktabs_printed_history_at_every_turn()
    {
        var ktab = History("History of actor positions over time", "History of actors' winning probabilities");
        var run = RunTable("dummyData_3Dim.csv");
        var headers = new[] { "Pstn1", "Pstn2", "Pstn3" };

        Assert.Equal(21, ktab.Count);
        Assert.Equal(11, run.Turns.Length);
        foreach (var (key, turns) in ktab)
        {
            var parts = key.Split(", ");
            var actor = run.Table.Actors.IndexOf(parts[0]);
            var dimension = Array.IndexOf(headers, parts[1]);
            Assert.Equal(turns.Length, run.Turns.Length);
            // KTAB prints each position to one decimal, so a position that matches KTAB's lies within 0.05 of
            // the printed one; 0.06 leaves room for the last binary digit of a value that prints as x.x5.
            for (var t = 0; t < turns.Length; t++)
                Assert.True(Math.Abs(run.Turns[t].Positions[actor][dimension] - turns[t]) <= 0.06,
                    $"{key} turn {t}: {run.Turns[t].Positions[actor][dimension]:F2} against KTAB's {turns[t]}");
        }
    }

    [Fact]
    public void The_winning_probabilities_of_the_three_dimension_table_match_ktabs_to_its_four_decimals()
    {
        var ktab = History("History of actors' winning probabilities", "SMPModel: Closing database");
        var run = RunTable("dummyData_3Dim.csv");

        Assert.Equal(7, ktab.Count);
        foreach (var (key, turns) in ktab)
        {
            var actor = run.Table.Actors.IndexOf(key.Split(", ")[0]);
            for (var t = 0; t < turns.Length; t++)
                Assert.InRange(run.Turns[t].WinProbabilities[actor], turns[t] - 0.00051, turns[t] + 0.00051);
        }
    }

    [Fact]
    public void The_first_turns_risk_attitudes_and_bargains_are_ktabs()
    {
        // smpc's turn-0 log: "Inferred risk attitudes: -0.500 -0.459 -0.499 -0.274 +1.000 -0.232 -0.430",
        // and "Bargain [1006, 0:6] … 0 proposes 0 adopt: 75.610 24.780 71.950" from "prob 0.7643 that [ 0> 6]".
        var run = RunTable("dummyData_3Dim.csv");

        Assert.Equal([-0.500, -0.459, -0.499, -0.274, 1.000, -0.232, -0.430], run.Turns[0].RiskAttitudes.Select(r => Math.Round(r, 3)));
        var bargain = run.Turns[1].Bargains.Single(b => b.Initiator == 0);
        Assert.Equal(6, bargain.Receiver);
        Assert.Equal(0.7643, Math.Round(bargain.Probability, 4));
        Assert.Equal([75.61, 24.78, 71.95], bargain.InitiatorPosition.Select(x => Math.Round(x, 3)));
    }

    [Fact]
    public void The_same_table_gives_the_same_run_bit_for_bit()
    {
        var a = RunTable("dummyData-a040.csv");
        var b = RunTable("dummyData-a040.csv");

        Assert.Equal(a.Turns.Length, b.Turns.Length);
        for (var t = 0; t < a.Turns.Length; t++)
        {
            Assert.Equal(a.Turns[t].Positions.SelectMany(p => p), b.Turns[t].Positions.SelectMany(p => p));
            var diffs = a.Turns[t].WinProbabilities.Zip(b.Turns[t].WinProbabilities).Select((z, i) => (z, i)).Where(q => q.z.First != q.z.Second).Select(q => $"{q.i}:{q.z.First:R}/{q.z.Second:R}").ToList();
            Assert.True(diffs.Count == 0, $"turn {t}: {string.Join(" ", diffs)}");
        }
    }
}
