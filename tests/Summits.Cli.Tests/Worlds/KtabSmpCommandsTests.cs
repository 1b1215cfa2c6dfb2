using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>The spatial model and the KTAB export from the command line, as a user runs them.</summary>
public sealed class KtabSmpCommandsTests
{
    [Fact]
    public async Task Run_world_with_the_spatial_model_prints_ktabs_forecast_and_writes_its_tables()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"summits-smp-{Guid.NewGuid():N}");
        try
        {
            // No --engine: the spatial model runs in this process, without a silo.
            var report = folder + "-report";
            var (code, output, error) = await WorldCommandRunner.RunAsync("run", "--world", "scenarios/worlds/dummy-3dim.yaml", "--model", "smp", "-q", "--out", folder, "--report", report);

            Assert.True(code == 0, error);
            Assert.Contains("Scenario forecast-dummy-3dim on world dummy-3dim, seed 0, engine local", output);
            Assert.Contains($"wrote timeline.jsonl, state.json, agreements.csv, smp-positions.csv and smp-probabilities.csv to {folder}", error);
            // KTAB's forecast for dummyData_3Dim.csv is 78.3, 34.4, 72.8 (reference/forecasts.csv).
            Assert.Contains("Forecast of KTAB's spatial model", output);
            Assert.Matches(@"dimension-1\s+78\.2", output);
            Assert.Contains("\"forecast\"", File.ReadAllText(Path.Combine(folder, "state.json")));
            Assert.Equal(22, File.ReadAllLines(Path.Combine(folder, "smp-positions.csv")).Length);
            Assert.Equal(8, File.ReadAllLines(Path.Combine(folder, "smp-probabilities.csv")).Length);
            // The report carries the same two tables, byte for byte, and none of the bargaining model's files (but
            // the folder's manifest, which names them).
            Assert.Equal([OutputSet.ManifestName, "report.html", "report.md", "smp-positions.csv", "smp-probabilities.csv"], Directory.GetFiles(report).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var csv in new[] { "smp-positions.csv", "smp-probabilities.csv" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(folder, csv)), File.ReadAllBytes(Path.Combine(report, csv)));
            // The model makes no agreements and the world holds none: no empty agreements block.
            Assert.DoesNotContain("Agreements made or changed", output);
            Assert.Matches(@"Converged early: forecast stopped after turn \d+ of 100", output);
            Assert.DoesNotContain("Not converged", output);
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            if (Directory.Exists(folder + "-report"))
                Directory.Delete(folder + "-report", recursive: true);
        }
    }

    [Fact]
    public async Task A_forecast_cut_short_by_rounds_says_it_did_not_converge_and_keeps_the_tables_topic_order()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"summits-smp-order-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var world = Path.Combine(folder, "pol-comp.yaml");
            var (imported, _, importError) = await WorldCommandRunner.RunAsync("import", "ktab", "scenarios/worlds/ktab/SOE-Pol-Comp.csv", "-o", world);
            Assert.True(imported == 0, importError);
            var (code, output, error) = await WorldCommandRunner.RunAsync("run", "--world", world, "--model", "smp", "--rounds", "3", "-q", "--out", Path.Combine(folder, "run"));
            Assert.True(code == 0, error);

            // SOE-Pol-Comp.csv's header puts Policy Position before Competitive Position: the table's order,
            // not the alphabet's (competitive < policy), in the summary and in state.json.
            var summary = output[output.IndexOf("Forecast of KTAB's spatial model", StringComparison.Ordinal)..];
            Assert.True(summary.IndexOf("  policy ", StringComparison.Ordinal) < summary.IndexOf("  competitive ", StringComparison.Ordinal), summary);
            var state = File.ReadAllText(Path.Combine(folder, "run", "state.json"));
            var forecast = state[state.IndexOf("\"forecast\"", StringComparison.Ordinal)..];
            Assert.True(forecast.IndexOf("\"policy\"", StringComparison.Ordinal) < forecast.IndexOf("\"competitive\"", StringComparison.Ordinal), forecast);
            // Three turns are far too few for KTAB's stopping rule (the full run settles only at turn 27).
            Assert.Matches(@"Not converged: forecast stopped at its last turn, 3 of 3, before the spatial model's stopping rule\s+was met", output);
            Assert.DoesNotContain("Converged", output);
            Assert.DoesNotContain("Agreements made or changed", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Export_ktab_writes_a_table_that_imports_back_to_the_same_numbers()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"summits-export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var table = Path.Combine(folder, "table.csv");
            var (code, written, error) = await WorldCommandRunner.RunAsync("export", "ktab", "scenarios/worlds/dummy-40.yaml", "--out", table);
            Assert.True(code == 0, error);
            // dummyData-a040.csv has one dimension: the summary says "1 dimension", not "1 dimensions".
            // Said on standard error, where every command names the files it wrote; standard output is empty.
            Assert.Equal("", written);
            Assert.Equal($"wrote {table}: 40 actors, 1 dimension", error.Trim());
            var (again, world, error2) = await WorldCommandRunner.RunAsync("import", "ktab", table, "--id", "dummy-40");
            Assert.True(again == 0, error2);

            // dummyData-a040.csv's own scenario line and header: "XYZ,  XYZ Issue,  40,  1," and "Actor,  Description,  Influence,  XYZ Position,  XYZ Salience".
            Assert.Equal(["XYZ,XYZ Issue,40,1,", "Actor,Description,Influence,XYZ Position,XYZ Salience"], File.ReadLines(table).Take(2));
            // Act-1040's row of dummyData-a040.csv, "Act-1040,  Desc-1040,  0.79,  58.32,  61.41": the table's own
            // influence 0.79, not the capability 0.79 / 1.73 = 0.4566….
            Assert.Contains("Act-1040,Desc-1040,0.79,58.32,61.41\n", File.ReadAllText(table));
            Assert.Contains("value: 58.32", world);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_pair_for_a_spatial_model_report_is_refused_in_one_line_and_nothing_is_written()
    {
        // --pair chooses the two parties of the bargaining report's figures; the spatial model's report has no
        // such figure, so the option cannot apply. Before, it was accepted and silently did nothing.
        var report = Path.Combine(Path.GetTempPath(), $"summits-smp-pair-{Guid.NewGuid():N}");

        var (code, output, error) = await WorldCommandRunner.RunAsync("run", "--world", "scenarios/worlds/dummy-3dim.yaml", "--model", "smp", "-q",
            "--report", report, "--pair", "SActor-00,SActor-01");

        Assert.Equal(2, code);
        Assert.Equal("summits run: error: --pair chooses the parties of the bargaining model's figures, and the spatial model's report has none; leave --pair out (see 'summits run --help')", error.Trim());
        Assert.Equal("", output);
        Assert.False(Directory.Exists(report));
    }

    [Fact]
    public async Task A_KTAB_table_given_as_the_world_points_to_the_importer()
    {
        // The table a KTAB user has, given where a world file goes: one line naming the importer's command, with the
        // table's folder as typed (the command runs from where this one ran) and the world beside the table.
        var (code, output, error) = await WorldCommandRunner.RunAsync("run", "--world", "scenarios/worlds/ktab/dummyData_3Dim.csv", "--model", "smp");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("scenarios/worlds/ktab/dummyData_3Dim.csv:1:1: this is a KTAB table, not a world file; make a world of it first: "
            + "summits import ktab scenarios/worlds/ktab/dummyData_3Dim.csv -o scenarios/worlds/ktab/dummyData_3Dim.yaml", error.Trim());
    }

    [Fact]
    public async Task A_table_with_a_power_out_of_range_is_refused_in_one_line_and_nothing_is_written()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"summits-bad-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var table = Path.Combine(folder, "bad.csv");
            File.WriteAllText(table, "T,Test,3,1,\nActor,Description,Clout,P Position,P Salience\nA,a,1e308,10,10\nB,b,2,20,20\nC,c,3,30,30\n");
            var target = Path.Combine(folder, "world.yaml");

            var (code, _, error) = await WorldCommandRunner.RunAsync("import", "ktab", table, "--out", target);

            Assert.Equal(2, code);
            Assert.Equal($"{table}:3:5: the clout 1e308 is out of range; expected a number from 0 to 100000000", error.Trim());
            Assert.False(File.Exists(target));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_help_names_the_spatial_model_for_world_runs_and_scenario_files()
    {
        var (code, output, _) = await WorldCommandRunner.RunAsync("run", "--help");

        Assert.Equal(0, code);
        Assert.Contains("smp, KTAB's spatial model of politics", output);
        Assert.Contains("'model: smp'", output);
    }

    [Fact]
    public async Task Importing_tables_whose_saliences_sum_above_100_together_says_so_in_one_line()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"summits-soe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var target = Path.Combine(folder, "soe.yaml");
            var (code, _, error) = await WorldCommandRunner.RunAsync("import", "ktab", "scenarios/worlds/ktab/SOE-Policy.csv", "scenarios/worlds/ktab/SOE-Competitive.csv",
                "--shared-actors", "--out", target);

            Assert.True(code == 0, error);
            // 12 of the 18 shared actors put more than 100 in all (LK: 65 policy + 60 competitive); the spatial model will
            // divide them, so it is a warning, as export's and run's are.
            Assert.Single(error.Split('\n'), l => l.StartsWith("summits import ktab: warning: the saliences of 12 of 18 actors sum above 100 over the tables (LK 125,", StringComparison.Ordinal));
            Assert.True(File.Exists(target));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    // The seeded world: CN (listed at line 35, "  - id: CN", its id at column 9) holds no positions, and
    // north-korea is the first topic. JP and US, listed before it, hold one on every topic. The error points
    // at CN's entry, not at line 1 of the file.
    [InlineData("export", "a KTAB table needs every actor's position on every topic")]
    [InlineData("smp", "the spatial model (--model smp) needs every actor's position on every topic")]
    public async Task A_world_with_an_actor_missing_a_position_is_refused_at_that_actors_entry(string command, string need)
    {
        const string world = "scenarios/summits/2017-11-06-abe-trump.yaml";
        var (code, output, error) = command == "export"
            ? await WorldCommandRunner.RunAsync("export", "ktab", world)
            : await WorldCommandRunner.RunAsync("run", "--world", world, "--model", "smp");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"{world}:35:9: CN holds no position on north-korea; {need}\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Exporting_a_world_whose_saliences_sum_above_100_says_so_in_one_line_as_the_import_does()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"summits-soe-export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            // The combined SOE world: 12 of its 18 actors' saliences sum above 100 (the import's note names
            // LK 125 = 65 + 60, ZG 130, LH 145 first). The export scales each to shares and says so once, in
            // the import's number format, not a line per actor with "125.00" beside "130.0".
            var (code, world, error) = await WorldCommandRunner.RunAsync("import", "ktab", "scenarios/worlds/ktab/SOE-Policy.csv", "scenarios/worlds/ktab/SOE-Competitive.csv", "--shared-actors");
            Assert.True(code == 0, error);
            var soe = Path.Combine(folder, "soe.yaml");
            File.WriteAllText(soe, world);

            var (exported, _, note) = await WorldCommandRunner.RunAsync("export", "ktab", soe, "-o", Path.Combine(folder, "soe.csv"));

            Assert.True(exported == 0, note);
            // A warning, said as one: the table written is not the world's saliences as they stand.
            const string warning = "summits export ktab: warning: the saliences of 12 of 18 actors sum above 100 (LK 125, ZG 130, LH 145 and 9 more): each such actor's are written scaled to shares summing to at most 100, as KTAB requires";
            Assert.Equal(warning, Assert.Single(note.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("summits export ktab:", StringComparison.Ordinal)));

            // -q (minimal) keeps the warning, then "wrote FILE" after it on standard error; -v quiet is errors only, and the warning is not one.
            var (minimal, _, minimalError) = await WorldCommandRunner.RunAsync("export", "ktab", soe, "-o", Path.Combine(folder, "soe.csv"), "-q");
            Assert.True(minimal == 0, minimalError);
            Assert.Equal($"{warning}\nwrote {Path.Combine(folder, "soe.csv")}\n", minimalError.ReplaceLineEndings("\n"));
            var (quiet, quietOutput, quietError) = await WorldCommandRunner.RunAsync("export", "ktab", soe, "-o", Path.Combine(folder, "soe.csv"), "-v", "quiet");
            Assert.True(quiet == 0, quietError);
            Assert.Equal("", quietError);
            Assert.Equal("", quietOutput);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
