namespace Summits.Scenarios.Tests;

public sealed class KtabExportTests
{
    public static TheoryData<string> Tables => [.. KtabImportTests.Tables.Select(row => (string)row[0])];

    /// <summary>
    /// Import, export, import again: the second world has the first one's actors, names, capabilities,
    /// positions and saliences, and exporting it gives the same table byte for byte.
    /// </summary>
    [Theory]
    [MemberData(nameof(Tables))]
    public void An_exported_table_round_trips_through_import_unchanged(string file)
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab(file))]).World;

        var (csv, notes) = KtabExport.Write(world);
        var again = KtabImport.ToWorld([KtabTable.Parse("exported.csv", csv)], world.Id).World;
        var (csvAgain, _) = KtabExport.Write(again);

        Assert.Empty(notes);
        Assert.Equal(csv, csvAgain);
        Assert.Equal(world.Actors.Select(a => (a.Id, a.Name, a.Capability)), again.Actors.Select(a => (a.Id, a.Name, a.Capability)));
        Assert.Equal(world.Topics.Select(t => t.Id), again.Topics.Select(t => t.Id));
        Assert.Equal(world.Positions.Select(p => (p.Actor, p.Topic, p.Value.Value, p.Salience.Value)),
            again.Positions.Select(p => (p.Actor, p.Topic, p.Value.Value, p.Salience.Value)));
    }

    [Fact]
    public void The_exported_three_dimension_table_reads_as_ktab_writes_it()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("dummyData_3Dim.csv"))]).World;

        var lines = KtabExport.Write(world).Csv.Split('\n');

        // Scenario line: title, world id, 7 actors, 3 dimensions; SActor-00's row as in the table, power over the largest.
        Assert.Equal("DummyData_3Dim,dummydata_3dim,7,3,", lines[0]);
        Assert.Equal("Actor,Description,Power,dimension-1 Position,dimension-1 Salience,dimension-2 Position,dimension-2 Salience,dimension-3 Position,dimension-3 Salience", lines[1]);
        Assert.StartsWith("SActor-00,Random Spatial Actor,0.79096441767006", lines[2]);
        Assert.EndsWith(",75.79,49.53,6.37,5.91,70.45,28.15", lines[2]);
    }

    [Fact]
    public void A_world_whose_saliences_sum_above_100_is_written_as_shares_and_says_so()
    {
        var table = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("SOE-Pol-Comp.csv"))]).World;
        var loud = table with { Positions = [.. table.Positions.Select(p => p with { Salience = new Model.Salience(0.9) })] };

        var (csv, notes) = KtabExport.Write(loud);

        // Two topics at 0.9 each sum to 180; as shares each becomes 50.
        Assert.NotEmpty(notes);
        Assert.Contains("saliences summed to 180", notes[0]);
        Assert.DoesNotContain(",90", csv);
        Assert.All(KtabTable.Parse("shares.csv", csv).Rows, r => Assert.Equal([50m, 50m], r.Saliences));
    }
}
