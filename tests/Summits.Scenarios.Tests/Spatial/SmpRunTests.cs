using Summits.Model;

namespace Summits.Scenarios.Tests.Spatial;

/// <summary>The spatial model run as every run is: through the runner, with its timeline, state.json and CSVs.</summary>
public sealed class SmpRunTests
{
    private static string ThreeDim => Path.Combine(WorldsRepository.WorldsFolder, "dummy-3dim.yaml");

    private const string Scenario = "scenario: smp\nworld: dummy-3dim.yaml\nmodel: smp\nsteps:\n  - id: converge\n    rounds: 100\n";

    [Fact]
    public void A_KTAB_table_named_as_a_world_points_to_the_importer_at_its_first_line()
    {
        // What a KTAB user tries first: the table itself as --world (or a scenario's 'world:'). Before, the YAML
        // reader said "expected a mapping of keys to values" at 1:1, which tells a KTAB user nothing.
        // The command it names keeps the table's folder, so it runs as written from where the table was named.
        var folder = Directory.CreateTempSubdirectory("summits-table-").FullName;
        try
        {
            var table = Path.Combine(folder, "dummyData_3Dim.csv");
            File.Copy(Summits.Tests.SeedFiles.File("scenarios", "worlds", "ktab", "dummyData_3Dim.csv"), table);

            var error = Assert.Throws<InputException>(() => WorldFile.Load(table));

            Assert.Equal(new FilePosition(table, 1, 1), error.Position);
            Assert.Equal($"this is a KTAB table, not a world file; make a world of it first: summits import ktab {table} -o {folder}/dummyData_3Dim.yaml", error.Problem);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_world_run_with_the_spatial_model_gives_the_engines_forecast_in_state_json()
    {
        // The expected forecast is the engine's own run of the same table, without the runner or grains,
        // which SmpReferenceTests holds within 0.1 of KTAB's 78.3, 34.4, 72.8.
        var expected = SpatialModel.Run(SmpTable.From(WorldFile.Load(ThreeDim)));

        var run = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp));
        var state = StateDocument.Of(run);

        Assert.NotNull(state.Forecast);
        Assert.Equal(expected.Forecast.ToArray(), new[] { "dimension-1", "dimension-2", "dimension-3" }.Select(t => state.Forecast![t]).ToArray());
        Assert.Equal(expected.TurnCount, run.Timeline.Count(e => e.Kind == EventKind.Round));
        Assert.Equal(EventKind.Converged, run.Timeline[^1].Kind);
        var history = SmpHistory.Of(run)!;
        Assert.Equal(expected.Turns.Length, history.Turns.Length);
        for (var t = 0; t < expected.Turns.Length; t++)
            Assert.Equal(expected.Turns[t].WinProbabilities.ToArray(), history.Turns[t].WinProbabilities.ToArray());
    }

    [Fact]
    public async Task The_positions_csv_has_a_row_per_actor_and_topic_and_a_column_per_turn()
    {
        var run = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp));

        var lines = SmpHistory.Of(run)!.PositionsCsv().TrimEnd('\n').Split('\n');

        // 7 actors × 3 topics, and turns 0 to 10 (KTAB's reference takes 10 turns on this table).
        Assert.Equal("actor,dimension,turn-0,turn-1,turn-2,turn-3,turn-4,turn-5,turn-6,turn-7,turn-8,turn-9,turn-10", lines[0]);
        Assert.Equal(22, lines.Length);
        // KTAB's history: "SActor-00, Pstn1:  75.8  79.5  80.6  80.6  78.5 …"; dummy-3dim.yaml was imported
        // from dummyData_3Dim.csv, whose header reads Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,Pstn3,Sal3.
        Assert.StartsWith("SActor-00,Pstn1,75.79,79.54,80.56,80.59,78.54,", lines[1]);
        Assert.StartsWith("SActor-00,Pstn2,6.37,", lines[2]);
        Assert.StartsWith("SActor-00,Pstn3,70.45,", lines[3]);
    }

    [Fact]
    public async Task The_csvs_write_a_tiny_winning_probability_in_plain_decimals_that_read_back_as_the_same_number()
    {
        // The 18-actor SOE world's weakest actors have winning probabilities under 0.0001 after a few turns (in a run of
        // it, LH's at turn 1 is 8.6E-05 as .NET's round-trip format writes it): each cell must be such a number written
        // out in decimals (0.000086…), never with an exponent, and read back as the history's double bit for bit.
        var path = Path.Combine(WorldsRepository.WorldsFolder, "soe-18-actors.yaml");
        var run = await ScenarioRun.LocallyAsync(Forecast.Of(path, 100, 0, ForecastModel.Smp));
        var history = SmpHistory.Of(run)!;

        var rows = history.ProbabilitiesCsv().TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToArray();
        var positions = history.PositionsCsv().TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToArray();

        Assert.Contains(history.Turns, t => t.WinProbabilities.Any(p => p is > 0 and < 1e-4));
        Assert.Equal(history.Start.Actors.Length, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            for (var t = 0; t < history.Turns.Length; t++)
            {
                var cell = rows[i][t + 1];
                Assert.DoesNotContain("E", cell, StringComparison.OrdinalIgnoreCase);
                Assert.Equal(history.Turns[t].WinProbabilities[i], double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        Assert.All(positions.SelectMany(p => p.Skip(2)), cell => Assert.DoesNotContain("E", cell, StringComparison.OrdinalIgnoreCase));
        // The cell scenarios.md quotes: LH's probability after the first turn, which "R" writes 8.589857806919071E-05
        // (the digits 8589857806919071, the point five places to the left), written out 0.00008589857806919071.
        var lh = history.Start.Actors.IndexOf("LH");
        Assert.Equal("8.589857806919071E-05", history.Turns[1].WinProbabilities[lh].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.00008589857806919071", rows[lh][2]);
    }

    [Fact]
    public async Task The_positions_csv_names_each_dimension_by_the_ktab_tables_own_position_header()
    {
        // SOE-Pol-Comp.csv's header line, read by hand:
        //   Actor,Description,Influence,Policy Position,Policy Salience,Competitive Position,Competitive Salience,
        // so its two dimensions are "Policy Position" then "Competitive Position"; its first row is
        //   XJ,Xi Jinping, 100.0,30,24.0,20,48.0   (Xi's policy position 30, competitive position 20).
        var path = WorldsRepository.Ktab("SOE-Pol-Comp.csv");
        var world = KtabImport.ToWorld([KtabTable.Load(path)]).World;
        var run = await ScenarioRun.LocallyAsync(SmpOf(path, world, 3));

        var lines = SmpHistory.Of(run)!.PositionsCsv().Split('\n');

        Assert.Equal("actor,dimension,turn-0,turn-1,turn-2,turn-3", lines[0]);
        Assert.StartsWith("XJ,Policy Position,30,", lines[1]);
        Assert.StartsWith("XJ,Competitive Position,20,", lines[2]);
        // The topics keep their own ids (policy, competitive) everywhere else.
        Assert.Equal(["policy", "competitive"], world.Topics.Select(t => t.Id));
        Assert.DoesNotContain(",policy,", SmpHistory.Of(run)!.PositionsCsv());
    }

    [Fact]
    public async Task A_world_not_imported_from_ktab_names_the_dimensions_by_topic_id()
    {
        // The same table without the headers the import kept: the topic ids remain.
        var world = WorldFile.Load(ThreeDim);
        var plain = world with { Topics = [.. world.Topics.Select(t => t with { Ktab = null })] };
        var run = await ScenarioRun.LocallyAsync(SmpOf(ThreeDim, plain, 2));

        var lines = SmpHistory.Of(run)!.PositionsCsv().Split('\n');

        Assert.StartsWith("SActor-00,dimension-1,75.79,", lines[1]);
        Assert.StartsWith("SActor-00,dimension-2,6.37,", lines[2]);
    }

    [Fact]
    public void Headers_two_topics_share_give_way_to_the_topic_ids()
    {
        // Two tables may both head a column "Position": named by it, the rows of the two could not be told apart.
        var world = WorldFile.Load(ThreeDim);
        var same = world with { Topics = [.. world.Topics.Select(t => t with { Ktab = new KtabColumns("Position", "Salience") })] };
        var one = world with { Topics = [.. world.Topics.Select((t, k) => k == 0 ? t with { Ktab = null } : t)] };

        Assert.Equal(["dimension-1", "dimension-2", "dimension-3"], SmpHistory.ColumnsOf(same, [.. world.Topics.Select(t => t.Id)]).ToArray());
        Assert.Equal(["dimension-1", "dimension-2", "dimension-3"], SmpHistory.ColumnsOf(one, [.. world.Topics.Select(t => t.Id)]).ToArray());
        Assert.Equal(["Pstn1", "Pstn2", "Pstn3"], SmpHistory.ColumnsOf(world, [.. world.Topics.Select(t => t.Id)]).ToArray());
    }

    [Fact]
    public async Task The_weighted_mean_of_each_turn_is_weighted_by_capability_and_salience()
    {
        var run = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp));
        var history = SmpHistory.Of(run)!;

        // From dummyData_3Dim.csv by hand: Σ power·salience·position / Σ power·salience over the 7 rows
        // (every actor's saliences sum below 100, so the shares are the table's own; the power's scale
        // cancels): Pstn1 78.784, Pstn2 47.600, Pstn3 52.323.
        Assert.Equal(78.784, history.WeightedMean(0, 0), 0.001);
        Assert.Equal(47.600, history.WeightedMean(0, 1), 0.001);
        Assert.Equal(52.323, history.WeightedMean(0, 2), 0.001);
        // SActor-02 (power 129.643, the largest) never moves from 0.1 on Pstn3 while the others gather near
        // 74, which keeps the mean on Pstn3 well below the forecast.
        Assert.True(history.WeightedMean(history.TurnCount, 2) < history.Turns[^1].Forecast[2] - 10);
    }

    private static LoadedScenario SmpOf(string path, World world, int turns) =>
        new(path, path, new Scenario("smp", "", 0, world.ParametersFor(ModelParameters.Default), [new SmpTurnsStep(Forecast.StepId, 0, turns)]), world);

    [Fact]
    public async Task The_same_table_and_seed_give_the_same_bytes_and_the_seed_changes_nothing_but_itself()
    {
        var a = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 7, ForecastModel.Smp));
        var b = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 7, ForecastModel.Smp));
        var c = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 8, ForecastModel.Smp));

        Assert.Equal(RunFiles.Timeline(a), RunFiles.Timeline(b));
        Assert.Equal(RunFiles.State(a), RunFiles.State(b));
        Assert.Equal(SmpHistory.Of(a)!.ProbabilitiesCsv(), SmpHistory.Of(b)!.ProbabilitiesCsv());
        Assert.Equal(SmpHistory.Of(a)!.PositionsCsv(), SmpHistory.Of(b)!.PositionsCsv());
        // The spatial model draws no random number: another seed gives the same timeline.
        Assert.Equal(RunFiles.Timeline(a), RunFiles.Timeline(c));
    }

    [Fact]
    public async Task A_scenario_that_says_model_smp_runs_its_rounds_as_spatial_model_turns()
    {
        var loaded = ScenarioFile.Parse(Path.Combine(WorldsRepository.WorldsFolder, "smp.yaml"), Scenario);
        var run = await ScenarioRun.LocallyAsync(loaded);

        var step = Assert.IsType<SmpTurnsStep>(Assert.Single(loaded.Scenario.Steps));
        Assert.Equal(100, step.Count);
        Assert.Equal(78.3, Math.Round(StateDocument.Of(run).Forecast!["dimension-1"], 1), 0.15);
    }

    [Fact]
    public void An_unknown_model_name_is_refused_with_the_choices()
    {
        var error = Assert.Throws<InputException>(() =>
            ScenarioFile.Parse(Path.Combine(WorldsRepository.WorldsFolder, "smp.yaml"), Scenario.Replace("model: smp", "model: spm", StringComparison.Ordinal)));

        Assert.Contains("smp.yaml:3:8: 'model' must be smp (KTAB's spatial model of politics), bargaining or a mapping of the bargaining model's parameters, not 'spm' (did you mean 'smp'?)", error.Message);
    }

    [Fact]
    public void A_world_where_an_actor_holds_no_position_on_a_topic_cannot_run_the_spatial_model()
    {
        var error = Assert.Throws<InputException>(() => Forecast.Of(RepoFiles.SeedWorld, 100, 0, ForecastModel.Smp));

        // CN, listed at line 35 of the seeded world ("  - id: CN", its id at column 9), holds no position,
        // and north-korea is the first topic: the error points at CN's entry, not at line 1.
        Assert.Equal($"{RepoFiles.SeedWorld}:35:9: CN holds no position on north-korea; the spatial model (--model smp) needs every actor's position on every topic", error.Message);
    }

    [Fact]
    public void A_world_whose_saliences_sum_above_1_runs_the_spatial_model_with_a_one_line_warning()
    {
        var soe = Path.Combine(WorldsRepository.WorldsFolder, "soe-18-actors.yaml");
        var notes = new List<string>();

        using (FormatNotes.To(notes.Add))
            Forecast.Of(soe, 100, 0, ForecastModel.Smp);

        // The SOE policy and competitive saliences of 12 of the 18 actors add up to more than 100 (LK: 0.65 + 0.6 = 1.25).
        var note = Assert.Single(notes);
        // A warning, not a note: the model runs on other numbers than the world's.
        Assert.StartsWith($"warning: {soe}: the saliences of 12 of 18 actors sum above 1 (LK 1.25, ZG 1.3, LH 1.45 and 9 more);", note);
        Assert.DoesNotContain('\n', note);
        notes.Clear();
        using (FormatNotes.To(notes.Add))
            Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp);
        Assert.Empty(notes);
    }

    [Fact]
    public async Task Each_file_a_spatial_model_run_writes_is_named()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"summits-smp-files-{Guid.NewGuid():N}");
        try
        {
            var written = RunFiles.WriteAll(await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp)), folder);

            Assert.Equal(["timeline.jsonl", "state.json", "agreements.csv", "smp-positions.csv", "smp-probabilities.csv"], written);
            // Beside them, the folder's manifest, which names them.
            Assert.Equal(written.Append(OutputSet.ManifestName).Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_bargaining_model_still_runs_the_same_tables()
    {
        var run = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 20, 0));

        Assert.Null(StateDocument.Of(run).Forecast);
        Assert.Null(SmpHistory.Of(run));
        Assert.Contains(run.Timeline, e => e.Kind == EventKind.Round);
    }
}
