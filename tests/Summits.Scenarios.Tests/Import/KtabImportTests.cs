namespace Summits.Scenarios.Tests;

public sealed class KtabImportTests
{
    public static TheoryData<string, int, int> Tables => new()
    {
        { "SOE-Policy.csv", 26, 1 },
        { "SOE-Competitive.csv", 34, 1 },
        { "dummyData-a040.csv", 40, 1 },
        { "dummyData_3Dim.csv", 7, 3 },
        { "dummyData_3Dim-no-final-comma.csv", 7, 3 },
        { "dummyData_6Dim.csv", 27, 6 },
        { "SOE-Pol-Comp.csv", 13, 2 },
    };

    [Fact]
    public void The_table_list_covers_every_csv_in_the_ktab_folder()
    {
        var listed = Tables.Select(row => (string)row[0]).Order();

        Assert.Equal(Directory.GetFiles(WorldsRepository.KtabFolder, "*.csv").Select(Path.GetFileName).Order(), listed);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_ktab_table_imports_with_its_actors_and_topics_and_loads_back(string file, int actors, int topics)
    {
        var table = KtabTable.Load(WorldsRepository.Ktab(file));

        var world = KtabImport.ToWorld([table]).World;
        var again = WorldFile.Parse(file + ".yaml", WorldWriter.Write(world));

        Assert.Equal(actors, world.Actors.Length);
        Assert.Equal(topics, world.Topics.Length);
        Assert.Equal(actors * topics, world.Positions.Length);
        Assert.Equal(1.0, world.Actors.Max(a => a.Capability));
        Assert.All(world.Positions, p => Assert.StartsWith($"imported from {file}, row ", p.Provenance.Why));
        Assert.Equal(WorldsRepository.Json(world), WorldsRepository.Json(again));
    }

    [Fact]
    public void The_three_dimension_table_keeps_each_number()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("dummyData_3Dim.csv"))]).World;

        Assert.Equal(["dimension-1", "dimension-2", "dimension-3"], world.Topics.Select(t => t.Id));
        var actor = world.Actor("SActor-02");
        Assert.Equal(1.0, actor.Capability);
        // Full precision, not rounded: 102.543 / 129.643 = 0.790964417670063…
        Assert.Equal(0.790964417670063, world.Actor("SActor-00").Capability, 14);
        Assert.Contains("power 102.543 of at most 129.643", world.Actor("SActor-00").Why);
        var position = world.Positions.Single(p => p.Actor == "SActor-02" && p.Topic == "dimension-3");
        Assert.Equal(0.07, position.Value.Value);
        Assert.Equal(0.3462, position.Salience.Value);
        Assert.Equal("imported from dummyData_3Dim.csv, row 3 (line 5): position 0.07 under 'Pstn3', salience 34.62 of 100 under 'Sal3'", position.Provenance.Why);
        Assert.Equal(Model.PositionKind.Imported, position.Provenance.Kind);
        Assert.Empty(position.Provenance.Quotes);
        Assert.Contains("dummyData_3Dim.csv", world.Topics[0].Scale.Low);
    }

    [Fact]
    public void The_imported_words_name_the_parameters_as_the_file_does()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("dummyData_3Dim.csv"))]).World;
        var yaml = WorldWriter.Write(world);

        // The file writes each actor's utility exponent under the format-2 key 'curvature' (format 1 called
        // it 'risk'); the about and every actor's why name the same key, and 'risk' is nowhere in the file.
        Assert.Contains("curvature:", yaml);
        Assert.Contains("strategy, curvature and affinity are defaults, not data.", world.About);
        Assert.All(world.Actors, a => Assert.EndsWith(" Strategy, curvature and affinity are defaults.", a.Why));
        Assert.DoesNotMatch(@"\brisk\b", yaml);
    }

    [Fact]
    public void The_forty_actor_table_reads_its_padded_columns()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("dummyData-a040.csv"))]).World;

        var position = world.Positions.Single(p => p.Actor == "Act-1040");
        Assert.Equal("xyz", position.Topic);
        Assert.Equal(58.32, position.Value.Value);
        Assert.Equal(0.6141, position.Salience.Value);
        Assert.Equal("Desc-1040", world.Actor("Act-1040").Name);
        // 0.79 / 1.73 = 0.456647398843930…, kept whole rather than rounded to 0.4566.
        Assert.Equal(0.45664739884393, world.Actor("Act-1040").Capability, 14);
    }

    [Fact]
    public void Tables_naming_different_actors_are_refused_with_the_differences()
    {
        var tables = new[] { KtabTable.Load(WorldsRepository.Ktab("SOE-Policy.csv")), KtabTable.Load(WorldsRepository.Ktab("SOE-Competitive.csv")) };

        var error = Assert.Throws<InputException>(() => KtabImport.ToWorld(tables));

        Assert.StartsWith($"{WorldsRepository.Ktab("SOE-Competitive.csv")}:5:1: the tables do not name the same actors", error.Message);
        Assert.Contains("only in SOE-Policy.csv: PC, COG, USA", error.Message);
        Assert.Contains("only in SOE-Competitive.csv: WQ, Price", error.Message);
        Assert.Contains("--shared-actors to keep the 18 actors", error.Message);
    }

    [Fact]
    public void The_two_soe_tables_combine_into_one_world_over_their_shared_actors()
    {
        var tables = new[] { KtabTable.Load(WorldsRepository.Ktab("SOE-Policy.csv")), KtabTable.Load(WorldsRepository.Ktab("SOE-Competitive.csv")) };

        var imported = KtabImport.ToWorld(tables, "soe", sharedActorsOnly: true);

        var world = imported.World;
        Assert.Equal(18, world.Actors.Length);
        Assert.Equal(["policy", "competitive"], world.Topics.Select(t => t.Id));
        Assert.Equal(36, world.Positions.Length);
        Assert.Equal(0.6, world.Actor("LK").Capability);
        Assert.Equal(45, world.Positions.Single(p => p.Actor == "LK" && p.Topic == "policy").Value.Value);
        Assert.Equal(65, world.Positions.Single(p => p.Actor == "LK" && p.Topic == "competitive").Value.Value);
        Assert.DoesNotContain(world.Actors, a => a.Id == "WQ" || a.Id == "USA");
        Assert.Equal(2, imported.LeftOut.Count);
    }

    [Fact]
    public void Combined_tables_whose_saliences_sum_above_100_are_said_in_one_line()
    {
        var tables = new[] { KtabTable.Load(WorldsRepository.Ktab("SOE-Policy.csv")), KtabTable.Load(WorldsRepository.Ktab("SOE-Competitive.csv")) };

        var imported = KtabImport.ToWorld(tables, "soe", sharedActorsOnly: true);

        // Summed from the two CSVs by hand (policy + competitive salience of each of the 18 shared actors):
        // 12 exceed 100, the first in table order LK 65 + 60 = 125, then ZG 130 and LH 145.
        Assert.Equal(12, imported.OverFull.Count);
        Assert.Equal(["LK 125", "ZG 130", "LH 145"], imported.OverFull.Take(3));
        var note = imported.OverFullNote!;
        Assert.DoesNotContain('\n', note);
        Assert.StartsWith("the saliences of 12 of 18 actors sum above 100 over the tables (LK 125, ZG 130, LH 145 and 9 more)", note);
        // One table refuses such rows itself, so it has nothing to say.
        Assert.Null(KtabImport.ToWorld([tables[0]]).OverFullNote);
    }

    [Theory]
    [InlineData("soe-18-actors.yaml", "soe-18-actors", true, new[] { "SOE-Policy.csv", "SOE-Competitive.csv" })]
    [InlineData("dummy-40.yaml", "dummy-40", false, new[] { "dummyData-a040.csv" })]
    [InlineData("dummy-3dim.yaml", "dummy-3dim", false, new[] { "dummyData_3Dim.csv" })]
    public void The_shipped_imported_worlds_are_what_the_importer_makes_and_load(string world, string id, bool shared, string[] files)
    {
        var imported = KtabImport.ToWorld([.. files.Select(f => KtabTable.Load(WorldsRepository.Ktab(f)))], id, shared).World;
        var path = Path.Combine(WorldsRepository.WorldsFolder, world);

        Assert.Equal(WorldWriter.Write(imported), File.ReadAllText(path));
        Assert.Equal(id, WorldFile.Load(path).Id);
    }

    [Fact]
    public void The_ktab_copies_keep_their_mit_licence_beside_them()
    {
        var licence = File.ReadAllText(Path.Combine(WorldsRepository.KtabFolder, "LICENSE"));

        Assert.Contains("The MIT License", licence);
        Assert.Contains("Copyright (c) 2015 KAPSARC", licence);
    }

    [Fact]
    public void Actor_names_become_unique_valid_ids()
    {
        const string text = "S,desc,3,1,\nActor,Description,Power,P Position,P Salience\nmy actor!,a,1,10,10\nmy-actor,b,2,20,20\n_x,c,3,30,30\n";

        var world = KtabImport.ToWorld([KtabTable.Parse("ids.csv", text)]).World;

        Assert.Equal(["my-actor", "my-actor-2", "x"], world.Actors.Select(a => a.Id));
        Assert.Equal("p", world.Topics.Single().Id);
    }

    [Fact]
    public void One_table_declares_its_saliences_shares_and_keeps_its_own_words()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("dummyData_3Dim.csv"))]).World;

        // dummyData_3Dim.csv: "DummyData_3Dim ,"Dummy scenario to test reading format",7,3," then
        // "Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,Pstn3,Sal3,".
        Assert.Equal(Model.SalienceMeaning.Shares, world.Salience);
        Assert.Equal(new Model.KtabScenarioLine("Dummy scenario to test reading format", "Power"), world.Ktab);
        Assert.Equal([new("Pstn1", "Sal1"), new("Pstn2", "Sal2"), new("Pstn3", "Sal3")], world.Topics.Select(t => t.Ktab!));
        var text = WorldWriter.Write(world);
        Assert.Contains("\nsalience: shares\nktab:\n  description: Dummy scenario to test reading format\n  power: Power\n", text);
        Assert.Contains("    ktab:\n      position: Pstn1\n      salience: Sal1\n", text);
    }

    [Fact]
    public void Combined_tables_keep_their_saliences_per_topic()
    {
        var tables = new[] { KtabTable.Load(WorldsRepository.Ktab("SOE-Policy.csv")), KtabTable.Load(WorldsRepository.Ktab("SOE-Competitive.csv")) };

        var world = KtabImport.ToWorld(tables, "soe", sharedActorsOnly: true).World;

        Assert.Equal(Model.SalienceMeaning.PerTopic, world.Salience);
        Assert.Null(world.Ktab);
        Assert.Equal(["Policy Position", "Competitive Position"], world.Topics.Select(t => t.Ktab!.Position));
        Assert.DoesNotContain("salience: shares", WorldWriter.Write(world));
    }

    [Fact]
    public void A_run_of_a_world_of_shares_tells_the_bargaining_model_over_how_many_topics()
    {
        var threeDim = Path.Combine(WorldsRepository.WorldsFolder, "dummy-3dim.yaml");
        var forty = Path.Combine(WorldsRepository.WorldsFolder, "dummy-40.yaml");
        var soe = Path.Combine(WorldsRepository.WorldsFolder, "soe-18-actors.yaml");

        Assert.Equal(3, Forecast.Of(threeDim, 10, 0).Scenario.Parameters.SalienceShares);
        Assert.Equal(1, Forecast.Of(forty, 10, 0).Scenario.Parameters.SalienceShares);
        Assert.Null(Forecast.Of(soe, 10, 0).Scenario.Parameters.SalienceShares);
        Assert.Equal(3, Forecast.Of(threeDim, 10, 0, Model.ForecastModel.Smp).Scenario.Parameters.SalienceShares);
    }

    [Fact]
    public void A_world_of_shares_refuses_an_actor_whose_saliences_sum_above_1_at_the_salience_that_tips_it()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("dummyData_3Dim.csv"))]).World;
        // SActor-00 holds 0.4953, 0.0591 and 0.2815; 0.5 on dimension-2 makes 0.4953 + 0.5 = 0.9953, still
        // within 1, and dimension-3's 0.2815 then brings it to 1.2768.
        var text = WorldWriter.Write(world).Replace("    salience: 0.0591\n", "    salience: 0.5\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var tipping = Array.FindIndex(lines, l => l == "    salience: 0.2815") + 1;

        var error = Assert.Throws<InputException>(() => WorldFile.Parse("shares.yaml", text));

        Assert.Equal($"shares.yaml:{tipping}:15: SActor-00's saliences sum to 1.2768 with this one; with 'salience: shares' they are shares of the actor's attention and may sum to at most 1", error.Message);
        // The same numbers read topic by topic load.
        Assert.Equal(0.5, WorldFile.Parse("per-topic.yaml", text.Replace("salience: shares\n", "", StringComparison.Ordinal)).Positions[1].Salience.Value);
    }
}
