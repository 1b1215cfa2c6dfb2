namespace Summits.Scenarios.Tests;

public sealed class KtabExportTests
{
    public static TheoryData<string> Tables => [.. KtabImportTests.Tables.Select(row => (string)row[0])];

    /// <summary>
    /// Import, export, import again as a user would (no --id, another file name), export again: the two
    /// exports are the same bytes, the second world has the first one's actors, names, capabilities,
    /// positions, saliences, topic titles and KTAB headers, and the export keeps the table's own scenario
    /// line and header, field for field.
    /// </summary>
    [Theory]
    [MemberData(nameof(Tables))]
    public void An_exported_table_round_trips_through_import_unchanged(string file)
    {
        var table = KtabTable.Load(WorldsRepository.Ktab(file));
        var world = KtabImport.ToWorld([table]).World;

        var (csv, note) = KtabExport.Write(world);
        var exported = KtabTable.Parse("exported.csv", csv);
        var again = KtabImport.ToWorld([exported]).World;
        var (csvAgain, _) = KtabExport.Write(again);

        Assert.Null(note);
        Assert.Equal(csv, csvAgain);
        Assert.Equal((table.Name, table.Description, table.PowerHeader), (exported.Name, exported.Description, exported.PowerHeader));
        Assert.Equal(table.Dimensions, exported.Dimensions);
        Assert.Equal(world.Topics.Select(t => (t.Title, t.Ktab)), again.Topics.Select(t => (t.Title, t.Ktab)));
        Assert.Equal((world.Title, world.Salience, world.Ktab), (again.Title, again.Salience, again.Ktab));
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

        // The table's own scenario line (name, description, 7 actors, 3 dimensions) and header, as dummyData_3Dim.csv
        // writes them; SActor-00's row as in the table, power over the largest.
        Assert.Equal("DummyData_3Dim,Dummy scenario to test reading format,7,3,", lines[0]);
        Assert.Equal("Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,Pstn3,Sal3", lines[1]);
        Assert.StartsWith("SActor-00,Random Spatial Actor,0.79096441767006", lines[2]);
        Assert.EndsWith(",75.79,49.53,6.37,5.91,70.45,28.15", lines[2]);
    }

    [Fact]
    public void A_world_whose_saliences_sum_above_100_is_written_as_shares_and_says_so()
    {
        var table = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("SOE-Pol-Comp.csv"))]).World;
        var loud = table with { Positions = [.. table.Positions.Select(p => p with { Salience = new Model.Salience(0.9) })] };

        var (csv, note) = KtabExport.Write(loud);

        // Two topics at 0.9 each sum to 180 for each of the 13 actors; as shares each becomes 50. One note
        // for them all, the first three named with their sums written as the import writes numbers (180,
        // not 180.0 or 180.00).
        Assert.Equal($"the saliences of 13 of 13 actors sum above 100 ({string.Join(", ", loud.Actors.Take(3).Select(a => $"{a.Id} 180"))}, …): each such actor's are written scaled to shares summing to at most 100, as KTAB requires", note);
        Assert.DoesNotContain(",90", csv);
        Assert.All(KtabTable.Parse("shares.csv", csv).Rows, r => Assert.Equal([50m, 50m], r.Saliences));
    }

    [Fact]
    public void A_world_that_was_never_a_table_round_trips_from_its_first_export()
    {
        // A generated world: no KTAB words of its own, saliences not yet shares (some actors' sum above 1).
        var world = WorldGenerator.Generate(6, 3, seed: 12, "generated-6x3");

        var (first, _) = KtabExport.Write(world);
        var imported = KtabImport.ToWorld([KtabTable.Parse("generated-6x3.csv", first)]).World;
        var (second, note) = KtabExport.Write(imported);

        Assert.Equal(first, second);
        Assert.Null(note);
        // The first line names the world: its title, then its id where a table has its description.
        // KTAB splits at every comma, so the title's commas are written as semicolons.
        Assert.Equal($"{world.Title.Replace(',', ';')},generated-6x3,6,3,", first.Split('\n')[0]);
        Assert.Equal("generated-6x3", imported.Ktab!.Description);
    }
}
