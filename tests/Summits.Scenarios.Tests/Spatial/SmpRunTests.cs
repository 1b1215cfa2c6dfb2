using Summits.Model;

namespace Summits.Scenarios.Tests.Spatial;

/// <summary>The spatial model run as every run is: through the runner, with its timeline, state.json and CSVs.</summary>
public sealed class SmpRunTests
{
    private static string ThreeDim => Path.Combine(WorldsRepository.WorldsFolder, "dummy-3dim.yaml");

    private const string Scenario = "scenario: smp\nworld: dummy-3dim.yaml\nmodel: smp\nsteps:\n  - id: converge\n    rounds: 100\n";

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
        Assert.Equal("actor,topic,turn-0,turn-1,turn-2,turn-3,turn-4,turn-5,turn-6,turn-7,turn-8,turn-9,turn-10", lines[0]);
        Assert.Equal(22, lines.Length);
        // KTAB's history: "SActor-00, Pstn1:  75.8  79.5  80.6  80.6  78.5 …"
        Assert.StartsWith("SActor-00,dimension-1,75.79,79.54,80.56,80.59,78.54,", lines[1]);
    }

    [Fact]
    public async Task The_same_table_and_seed_give_the_same_bytes_and_the_seed_changes_nothing_but_itself()
    {
        var a = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 7, ForecastModel.Smp));
        var b = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 7, ForecastModel.Smp));
        var c = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 8, ForecastModel.Smp));

        Assert.Equal(RunFiles.Timeline(a), RunFiles.Timeline(b));
        Assert.Equal(RunFiles.State(a), RunFiles.State(b));
        Assert.Equal(SmpHistory.Of(a)!.ProbabilitiesCsv(), SmpHistory.Of(b)!.ProbabilitiesCsv());
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

        Assert.Contains("smp.yaml:3:8: 'model' is 'spm'; expected smp", error.Message);
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
    public void A_world_whose_saliences_sum_above_1_runs_the_spatial_model_with_a_one_line_note()
    {
        var soe = Path.Combine(WorldsRepository.WorldsFolder, "soe-18-actors.yaml");
        var notes = new List<string>();

        using (FormatNotes.To(notes.Add))
            Forecast.Of(soe, 100, 0, ForecastModel.Smp);

        // The SOE policy and competitive saliences of 12 of the 18 actors add up to more than 100 (LK: 0.65 + 0.6 = 1.25).
        var note = Assert.Single(notes);
        Assert.StartsWith($"note: {soe}: the saliences of 12 of 18 actors sum above 1 (LK 1.25, ZG 1.3, LH 1.45, …);", note);
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
            Assert.Equal(written.Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
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
