using System.Globalization;
using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// <c>samples.csv</c> and <c>expectations.csv</c> of a study small enough to work out by hand: A (capability drawn from
/// [0.2, 0.9]) offers B 50 on t; B's position on t is drawn from [0, 100] at salience 0.5, A's on u from [20, 40], and
/// B's strategy from boulware and linear.
/// </summary>
public sealed class SamplesCsvTests
{
    private const string World = """
        world: tiny
        title: Two countries and two topics
        actors:
          - { id: A, name: Alpha, capability: 0.5, strategy: linear }
          - { id: B, name: Beta, capability: 0.5, strategy: linear }
        topics:
          - id: t
            title: The topic
            scale: { low: none, middle: some, high: all }
          - id: u
            title: Another topic
            scale: { low: none, middle: some, high: all }
        positions:
          - { actor: A, topic: t, value: 50, salience: 0.5 }
          - { actor: B, topic: t, value: 50, range: [0, 100], salience: 0.5 }
          - { actor: A, topic: u, value: 30, range: [20, 40], salience: 0.3 }
        """;

    // The two expectations are the steps of lines 10 and 12.
    private const string Scenario = """
        scenario: constructed
        world: world.yaml
        seed: 5
        vary:
          - { capability: A, range: [0.2, 0.9] }
          - { strategy: B, choices: [boulware, linear] }
        steps:
          - id: ask
            propose: { from: A, to: [B], terms: { t: 50 } }
          - expect:
              agreement: { topic: t }
          - expect:
              position: { actor: A, topic: u, range: [20, 30] }
        """;

    /// <summary>
    /// Each run's seed and draws, made by a separate implementation of the documented sampling (a few lines of Python
    /// written for this test: xoshiro256** seeded through SplitMix64, run seed SplitMix64(5 xor i·0x9E3779B97F4A7C15)),
    /// not by <see cref="WorldSampler"/>: the draws in order are B's position on t (Between 0 and 100), A's position
    /// on u (20 to 40), A's capability (0.2 to 0.9), and B's strategy (index 0 or 1 of boulware, linear). Each
    /// number is written as Python's repr writes a double, which is .NET's shortest round-trip text too.
    /// </summary>
    private static readonly (string Seed, string B, string Au, string Capability, string Strategy)[] Drawn =
    [
        ("7134611160154358618", "80.49341875865964", "33.039519422637525", "0.24847640949196045", "boulware"),
        ("10284945619046896904", "26.2399098544301", "32.603178787912135", "0.44279410182060197", "linear"),
        ("4292726422858613063", "36.9437217693965", "23.595368859603802", "0.5768047193379267", "linear"),
        ("15631774881688914435", "6.308184396776751", "26.53017886725978", "0.23486807555137335", "linear"),
        ("2742686685723344479", "13.759023628063883", "37.93986833604337", "0.6313717899076923", "boulware"),
        ("11736230232210755335", "8.926834591973398", "31.643448403602967", "0.763679540019147", "boulware"),
    ];

    private static Task<StudyResult> Study(string path, int parallel = 4) =>
        WhatIfStudy.RunAsync(ScenarioFile.Load(path), new StudyOptions(6, 5, parallel, Engine.Local), SampleRuns.Local);

    private static string Samples(StudyResult study)
    {
        using var text = new StringWriter();
        StudyFiles.WriteSamples(study, text);
        return text.ToString();
    }

    private static string[][] Rows(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => CsvField.Split(line).Select(f => f.Text).ToArray())];

    [Fact]
    public async Task Samples_csv_has_a_row_per_run_in_run_order_with_its_draws_outcomes_and_expectations()
    {
        var study = await Study(TempScenario.Write(World, Scenario));
        var csv = Samples(study);
        var rows = Rows(csv);

        // The words of the range expectation hold a comma, so that column's name is quoted.
        Assert.StartsWith("run,seed,position B t,position A u,capability A,strategy B,agreement t,agreement u,agreement made t,agreement made u,"
            + "final position A t,final position B t,final position A u,agreement on t,\"position A u in [20, 30]\"\n", csv, StringComparison.Ordinal);
        Assert.Equal(7, rows.Length);

        // By hand, run by run. B's window at salience 0.5 is 5 + 45 · (1 − 0.5) = 27.5 points (docs/model.md), so the
        // offer of 50, judged at the deadline, beats no deal for B only when B stands within 27.5 of it, in
        // [22.5, 77.5]: runs 2 (26.24) and 3 (36.94) agree; 1 (80.49), 4 (6.31), 5 (13.76) and 6 (8.93) do not. The
        // agreement is made in the run, so "made" is the same; nothing is ever agreed on u.
        // Whatever B answers, the offer moves B once: Δ = 0.1 · cA / (0.5 + cA) · (1 + 0) / 2 · (1 − 0.5) · (50 − x)
        // (influence rate 0.1, affinity 0): run 1, 0.1 · 0.2485/0.7485 · 0.25 · (50 − 80.4934) = −0.2531, to 80.2403;
        // run 2, +0.2790 to 26.5189; run 3, +0.1749 to 37.1186; run 4, +0.3491 to 6.6573; run 5, +0.5056 to 14.2646;
        // run 6, +0.6205 to 9.5474. A makes the offer and is not moved (50), and no step touches u, so A's final
        // position there is its draw. "position A u in [20, 30]" holds where that draw is at most 30: runs 3 (23.60)
        // and 4 (26.53).
        bool[] agreed = [false, true, true, false, false, false];
        bool[] inRange = [false, false, true, true, false, false];
        for (var run = 1; run <= 6; run++)
        {
            var row = rows[run];
            var (seed, b, au, capability, strategy) = Drawn[run - 1];
            Assert.Equal(15, row.Length);
            Assert.Equal([run.ToString(CultureInfo.InvariantCulture), seed, b, au, capability, strategy], row[..6]);
            var yes = agreed[run - 1] ? "true" : "false";
            Assert.Equal([yes, "false", yes, "false"], row[6..10]);
            Assert.Equal("50", row[10]);
            var x = double.Parse(b, CultureInfo.InvariantCulture);
            var c = double.Parse(capability, CultureInfo.InvariantCulture);
            Assert.Equal(x + 0.1 * c / (0.5 + c) * 0.5 * 0.5 * (50 - x), double.Parse(row[11], CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(au, row[12]);
            Assert.Equal([yes, inRange[run - 1] ? "true" : "false"], row[13..]);
        }

        // Each expectation column counts the runs the results document gives it.
        var each = study.EachExpectation!.Value;
        Assert.Equal([2, 2], each.Select(e => e.Held.Count));
        for (var k = 0; k < each.Length; k++)
            Assert.Equal(each[k].Held.Count, rows.Skip(1).Count(r => r[13 + k] == "true"));
    }

    [Fact]
    public async Task Expectations_csv_has_a_row_per_expectation_with_its_step_line_words_share_and_reason()
    {
        // The second expect step gains a reason, on a line of its own after the step's other lines (so no step moves),
        // holding commas and quotes; the first gives none.
        const string because = "A's position on u, drawn from [20, 40], is \"half\" the time in [20, 30].";
        var study = await Study(TempScenario.Write(World, Scenario.TrimEnd('\n') + "\n      because: " + because + "\n"));
        var csv = StudyFiles.ExpectationsCsv(study);
        var rows = Rows(csv);

        Assert.Equal(["step", "line", "what", "held", "runs", "share", "low", "high", "because"], rows[0]);
        // The first row's reason is empty: its line ends in the comma before it (Rows, like a spreadsheet's reader, drops
        // empty fields at the end of a line, so the row has the 8 fields before it).
        Assert.EndsWith(",", csv.Split('\n')[1], StringComparison.Ordinal);
        Assert.Equal(8, rows[1].Length);
        Assert.Equal(because, rows[2][8]);
        // RFC 4180 by hand: the field is quoted for its commas and quotes, each quote doubled.
        Assert.EndsWith(",\"A's position on u, drawn from [20, 40], is \"\"half\"\" the time in [20, 30].\"\n", csv, StringComparison.Ordinal);
        // Each held in 2 of the 6 runs (above). Share 2/6 = 0.3333; its Wilson interval with z = 1.96: z²/n = 0.6403,
        // centre (1/3 + 0.3201) / 1.6403 = 0.3984, half-width 1.96 / 1.6403 · √(2/9/6 + 3.8415/144) = 1.1949 · 0.2524
        // = 0.3016, so [0.0968, 0.7000].
        Assert.Equal(["step-2", "10", "agreement on t", "2", "6"], rows[1][..5]);
        Assert.Equal(["step-3", "12", "position A u in [20, 30]", "2", "6"], rows[2][..5]);
        foreach (var row in rows[1..])
        {
            Assert.Equal(1 / 3.0, double.Parse(row[5], CultureInfo.InvariantCulture), 1e-12);
            Assert.Equal(0.0968, double.Parse(row[6], CultureInfo.InvariantCulture), 1e-4);
            Assert.Equal(0.7000, double.Parse(row[7], CultureInfo.InvariantCulture), 1e-4);
        }
        Assert.Equal(3, rows.Length);
        Assert.Contains("\"position A u in [20, 30]\"", StudyFiles.ExpectationsCsv(study), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_samples_however_many_runs_are_in_flight()
    {
        var path = TempScenario.Write(World, Scenario);
        var one = Samples(await Study(path, parallel: 1));
        Assert.Equal(one, Samples(await Study(path, parallel: 6)));
        Assert.Equal(one, Samples(await Study(path, parallel: 6)));
    }

    [Fact]
    public async Task Expectations_with_the_same_words_are_told_apart_by_step_and_line()
    {
        // Lines 10 and 12 both expect the agreement on t.
        var path = TempScenario.Write(World, Scenario.Replace("position: { actor: A, topic: u, range: [20, 30] }", "agreement: { topic: t }", StringComparison.Ordinal));
        var header = Rows(Samples(await Study(path)))[0];
        Assert.Equal(["agreement on t (step-2, line 10)", "agreement on t (step-3, line 12)"], header[^2..]);
    }

    [Fact]
    public void Two_expectations_of_one_step_with_the_same_words_get_columns_of_their_own()
    {
        // step-2 (line 10) holds two expectations worded "agreement on t", step-3 (line 12) a third and a position. The
        // first two share step and line, so each adds its place in step-2 (1 and 2); the third adds step and line only;
        // the position's words are no other's, so its column is its words.
        var held = new Proportion(1, 1, 1, 0.2065, 1);
        var study = new StudyResult("0.0.0", "s", "", "w", 5, Engine.Local, 1, 1, false, [], [], held, [], [],
            EachExpectation: [new("step-2", 10, "agreement on t", held), new("step-2", 10, "agreement on t", held),
                new("step-3", 12, "agreement on t", held), new("step-3", 12, "position A u in [20, 30]", held)]);
        var header = StudyFiles.SamplesHeader(study);
        Assert.Equal(["run", "seed", "agreement on t (step-2, line 10, expectation 1)", "agreement on t (step-2, line 10, expectation 2)",
            "agreement on t (step-3, line 12)", "position A u in [20, 30]"], header);
        Assert.Equal(header.Count, header.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void An_expectation_column_named_as_another_column_is_numbered_from_2()
    {
        // The words "agreement on t (step-2, line 10)" of one expectation are the name the other two, worded
        // "agreement on t" in steps 2 and 3, give the first of them: the later one, the shared expectation's, becomes
        // "agreement on t (step-2, line 10) (2)".
        var held = new Proportion(1, 1, 1, 0.2065, 1);
        var study = new StudyResult("0.0.0", "s", "", "w", 5, Engine.Local, 1, 1, false, [], [], held, [], [],
            EachExpectation: [new("step-1", 8, "agreement on t (step-2, line 10)", held), new("step-2", 10, "agreement on t", held),
                new("step-3", 12, "agreement on t", held)]);
        Assert.Equal(["run", "seed", "agreement on t (step-2, line 10)", "agreement on t (step-2, line 10) (2)", "agreement on t (step-3, line 12)"],
            StudyFiles.SamplesHeader(study));
    }

    [Fact]
    public async Task A_scenario_without_expectations_has_no_expectation_columns_and_an_expectations_csv_of_its_header()
    {
        var path = TempScenario.Write(World, Scenario[..Scenario.IndexOf("  - expect:", StringComparison.Ordinal)]);
        var study = await Study(path);
        Assert.Equal("final position A u", Rows(Samples(study))[0][^1]);
        Assert.Equal("step,line,what,held,runs,share,low,high,because\n", StudyFiles.ExpectationsCsv(study));
    }
}
