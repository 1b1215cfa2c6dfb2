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

        Assert.Empty(note);
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
        // writes them; SActor-00's and SActor-01's rows as in the table (line 3 and 4 of dummyData_3Dim.csv), the
        // power as written (102.543, not 102.543 / 129.643 = 0.79096…) and 73.50 and 64.00 with their zeros.
        Assert.Equal("DummyData_3Dim,Dummy scenario to test reading format,7,3,", lines[0]);
        Assert.Equal("Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,Pstn3,Sal3", lines[1]);
        Assert.Equal("SActor-00,Random Spatial Actor,102.543,75.79,49.53,6.37,5.91,70.45,28.15", lines[2]);
        Assert.Equal("SActor-01,Random Spatial Actor,53.393,82.72,30.33,73.50,21.22,64.00,24.79", lines[3]);
    }

    [Fact]
    public void Numbers_in_exponent_or_other_long_forms_are_written_back_as_the_table_wrote_them()
    {
        // Powers 1e2 (100), 50 and 2.5E1 (25); A's position 1e1 (10) and salience 5.0e1 (50), C's position
        // 075 (75) and salience +50 (50). KTAB's csvRead reads each with atof, so each is a number as written.
        const string table = """
            Exponents,Numbers in exponent notation,3,1,
            Actor,Description,Power,Pos,Sal,
            A,a,1e2,1e1,5.0e1,
            B,b,50,20,50,
            C,c,2.5E1,075,+50,
            """;
        var world = KtabImport.ToWorld([KtabTable.Parse("exponents.csv", table)]).World;

        var lines = KtabExport.Write(world).Csv.Split('\n');

        // The capabilities are the powers over the largest, 100: 1, 0.5 and 0.25.
        Assert.Equal([1, 0.5, 0.25], world.Actors.Select(a => a.Capability));
        Assert.Equal(["1e2", "50", "2.5E1"], world.Actors.Select(a => a.KtabPower));
        Assert.Contains("power 1e2 of at most 1e2 in exponents.csv", world.Actors[0].Why, StringComparison.Ordinal);
        Assert.Equal(["A,a,1e2,1e1,5.0e1", "B,b,50,20,50", "C,c,2.5E1,075,+50"], lines[2..5]);
    }

    /// <summary>
    /// What a KTAB user does: import a table, export the world under the table's own file name elsewhere,
    /// import that: the two worlds are the same file, byte for byte (every actor's power and every position's
    /// why as the table wrote them).
    /// </summary>
    [Theory]
    // KTAB's kmodel.h sets minNumActor = 3 and maxNumActor = 250, and its csvRead refuses a table outside them.
    [InlineData(251, "KTAB's smpc reads tables of 3 to 250 actors, and this one has 251: smpc will refuse it, while summits runs it")]
    [InlineData(250, null)]
    [InlineData(3, null)]
    [InlineData(2, "KTAB's smpc reads tables of 3 to 250 actors, and this one has 2: smpc will refuse it, while summits runs it")]
    public void A_table_of_more_actors_than_KTAB_reads_or_fewer_is_written_with_a_note_saying_so(int actors, string? note)
    {
        var world = Summits.Scenarios.WorldGenerator.Generate(actors, 1, seed: 1);

        var (_, notes) = KtabExport.Write(world);

        if (note is null)
            Assert.DoesNotContain(notes, n => n.StartsWith("KTAB's smpc reads", StringComparison.Ordinal));
        else
            Assert.Contains(note, notes);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_table_imported_exported_and_imported_again_gives_the_same_world_file(string file)
    {
        var first = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab(file))], id: "round-trip").World;
        var (csv, notes) = KtabExport.Write(first);
        var second = KtabImport.ToWorld([KtabTable.Parse(Path.Combine("exported", file), csv)], id: "round-trip").World;

        Assert.Empty(notes);
        Assert.Equal(WorldWriter.Write(first), WorldWriter.Write(second));
    }

    [Fact]
    public void The_powers_are_the_tables_own_and_survive_the_world_file()
    {
        var world = WorldFile.Parse("soe-policy.yaml", WorldWriter.Write(KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("SOE-Policy.csv"))]).World));
        var (csv, _) = KtabExport.Write(world);
        var lines = csv.Split('\n');

        // SOE-Policy.csv lines 3 and 4: "XJ,Xi Jinping,100,30,30" and "LK,Li Keqiang,65,45,65"; the world
        // holds capabilities 100/100 = 1 and 65/100 = 0.65, and the export writes the influences 100 and 65.
        Assert.Equal("XJ,Xi Jinping,100,30,30", lines[2]);
        Assert.Equal("LK,Li Keqiang,65,45,65", lines[3]);
    }

    [Fact]
    public void An_edited_capability_is_written_over_the_tables_largest_power()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("SOE-Policy.csv"))]).World;
        var edited = world with { Actors = [.. world.Actors.Select(a => a.Id == "LK" ? a with { Capability = 0.5 } : a)] };

        var lines = KtabExport.Write(edited).Csv.Split('\n');

        // LK's capability edited from 0.65 to 0.5; the largest influence is XJ's 100, so LK's is 0.5 × 100 = 50.
        Assert.Equal("LK,Li Keqiang,50,45,65", lines[3]);
        Assert.Equal("XJ,Xi Jinping,100,30,30", lines[2]);
    }

    [Fact]
    public void A_name_with_commas_and_quotes_is_quoted_and_reads_back_unchanged()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("SOE-Policy.csv"))]).World;
        const string name = "Shared, \"quoted\" desc";
        var renamed = world with { Actors = [.. world.Actors.Select(a => a.Id == "XJ" ? a with { Name = name } : a)], Title = "China, policy" };

        var (csv, notes) = KtabExport.Write(renamed);
        var back = KtabTable.Parse("named.csv", csv);

        // RFC 4180: the field in double quotes, each inner quote doubled.
        Assert.StartsWith("XJ,\"Shared, \"\"quoted\"\" desc\",100,", csv.Split('\n')[2]);
        Assert.StartsWith("\"China, policy\",", csv);
        Assert.Equal(name, back.Rows[0].Description);
        Assert.Equal("China, policy", back.Name);
        Assert.Empty(notes);
    }

    [Fact]
    public void A_name_a_table_cannot_hold_is_written_as_it_can_and_said()
    {
        var world = KtabImport.ToWorld([KtabTable.Load(WorldsRepository.Ktab("SOE-Policy.csv"))]).World;
        var renamed = world with { Actors = [.. world.Actors.Select(a => a.Id == "XJ" ? a with { Name = "Xi\nJinping " } : a)] };

        var (csv, notes) = KtabExport.Write(renamed);

        // A line break would split the row, and the reader trims fields: written "Xi Jinping", and said.
        Assert.StartsWith("XJ,Xi Jinping ,100,", csv.Split('\n')[2]);
        Assert.Equal("Xi Jinping", KtabTable.Parse("named.csv", csv).Rows[0].Description);
        Assert.Equal("a KTAB table holds one line per row and trims each field, so the description of XJ 'Xi\\nJinping ' is written with line breaks as spaces and without spaces at the ends", Assert.Single(notes));
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
        Assert.Equal($"the saliences of 13 of 13 actors sum above 100 ({string.Join(", ", loud.Actors.Take(3).Select(a => $"{a.Id} 180"))} and 10 more): each such actor's are written scaled to shares summing to at most 100, as KTAB requires", Assert.Single(note));
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
        Assert.Empty(note);
        // The first line names the world: its title (quoted where it holds a comma), then its id where a
        // table has its description; the title reads back unchanged.
        Assert.EndsWith(",generated-6x3,6,3,", first.Split('\n')[0]);
        Assert.Equal(world.Title, imported.Title);
        Assert.Equal("generated-6x3", imported.Ktab!.Description);
    }
}
