namespace Summits.Scenarios.Tests;

public sealed class KtabTableErrorTests
{
    private const string Scenario = "Test; scen 0,Test scenario, 3, 1, \n";
    private const string Header = "Actor,Description,Influence,Policy Position,Policy Salience, \n";

    [Theory]
    [InlineData("XJ,Xi Jinping,100,30,30, \nLK,Li Keqiang,65,45, \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:4:18: this row has 4 columns; expected 5")]
    [InlineData("XJ,Xi Jinping,100,30,30, \nLK,Li Keqiang,65,45,65,7 \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:4:24: this row has 6 columns; expected 5")]
    [InlineData("XJ,Xi Jinping,100,30,30, \nLK,Li Keqiang,lots,45,65, \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:4:15: the influence 'lots' is not a number")]
    [InlineData("XJ,Xi Jinping,100,30,30, \nLK,Li Keqiang,65,45,120, \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:4:21: the salience 'Policy Salience' 120 is out of range; expected a number from 0 to 100")]
    [InlineData("XJ,Xi Jinping,100,-5,30, \nLK,Li Keqiang,65,45,65, \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:3:19: the position 'Policy Position' -5 is out of range; expected a number from 0 to 100")]
    [InlineData("XJ,Xi Jinping,-1,30,30, \nLK,Li Keqiang,65,45,65, \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:3:15: the influence -1 is out of range; expected a number from 0 to 100000000")]
    [InlineData("XJ,Xi Jinping,100,30,30, \nLK,Li Keqiang,65,45,65, \n", "t.csv:1:29: the scenario line says 3 actors but the table has 2 rows")]
    [InlineData("XJ,Xi Jinping,1e308,30,30, \nLK,Li Keqiang,65,45,65, \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:3:15: the influence 1e308 is out of range; expected a number from 0 to 100000000")]
    [InlineData("XJ,Xi Jinping,100000001,30,30, \nLK,Li Keqiang,65,45,65, \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:3:15: the influence 100000001 is out of range; expected a number from 0 to 100000000")]
    [InlineData("XJ,Xi Jinping,100,30,30, \nLK,Li Keqiang,65,45,65, \nXJ,Xi again,35,30,40, \n", "t.csv:5:1: the actor 'XJ' is named twice (first on line 3)")]
    // Line 1 the scenario line, 2 the header, 3 XJ, 4 blank, 5 LK: the blank line is line 4.
    [InlineData("XJ,Xi Jinping,100,30,30, \n\nLK,Li Keqiang,65,45,65, \nZG,Zhang Gaoli,35,30,40, \n", "t.csv:4:1: a blank line among the table's rows; KTAB stops reading a table at a blank line, so remove it")]
    public void A_broken_row_is_named_by_file_line_and_column(string rows, string expected)
    {
        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", Scenario + Header + rows));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void A_column_after_an_emoji_counts_the_emoji_as_one()
    {
        // Row 4 is `LK,Li 😀 Keqiang,lots,45,65, `: `LK,` (3 characters) and `Li 😀 Keqiang,` (13: the emoji is one
        // character, though two UTF-16 units) put 'lots' at column 17 (18 in UTF-16 units).
        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", Scenario + Header + "XJ,Xi Jinping,100,30,30, \nLK,Li 😀 Keqiang,lots,45,65, \nZG,Zhang Gaoli,35,30,40, \n"));

        Assert.StartsWith("t.csv:4:17: the influence 'lots' is not a number", error.Message);
    }

    [Fact]
    public void Blank_lines_before_the_table_and_after_its_last_row_are_not_rows_and_are_read_past()
    {
        // Editors and spreadsheets leave blank lines at the ends; only one among the rows cuts a KTAB table short.
        var table = KtabTable.Parse("t.csv", "\n" + Scenario + Header + "XJ,Xi Jinping,100,30,30, \nLK,Li Keqiang,65,45,65, \nZG,Zhang Gaoli,35,30,40, \n\n\n");

        Assert.Equal(["XJ", "LK", "ZG"], table.Rows.Select(r => r.Name));
    }

    [Fact]
    public void A_table_of_one_actor_says_the_table_has_one_not_that_tables_share_one()
    {
        // One table, one actor: there is nothing to share, so the error speaks of the table. The scenario line
        // says 1 actor, so the table itself is well formed and the world is what cannot be made.
        var table = KtabTable.Parse("one.csv", "T,One actor,1,1,\nActor,Description,Power,P Position,P Salience\nA,a,10,50,50\n");

        var error = Assert.Throws<InputException>(() => KtabImport.ToWorld([table]));

        Assert.Equal("one.csv:1:1: the table has 1 actor; a world needs at least two", error.Message);
    }

    [Fact]
    public void A_folder_named_as_a_table_is_called_a_folder_not_missing()
    {
        var folder = Directory.CreateTempSubdirectory("summits-table-").FullName;
        try
        {
            var error = Assert.Throws<InputException>(() => KtabTable.Load(folder));

            Assert.Equal($"{folder}:1:1: this is a folder; name a KTAB table file (.csv) in it", error.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void A_row_whose_saliences_sum_above_100_is_refused_at_the_column_that_passes_100()
    {
        // 60 + 45 = 105 > 100 at the second salience, column 28 of line 3; KTAB refuses the same row.
        const string text = "T,Two dimensions,3,2,\nActor,Description,Power,A Position,A Salience,B Position,B Salience\n"
            + "XJ,Xi Jinping,100,30,60,20,45\nLK,Li Keqiang,65,45,50,60,50\nZG,Zhang Gaoli,35,30,40,15,20\n";

        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", text));

        Assert.StartsWith("t.csv:3:28: the saliences of 'XJ' sum to 105 by this column", error.Message);
    }

    [Fact]
    public void The_scenario_line_is_read_by_position_and_its_extra_fields_are_ignored()
    {
        // KTAB's dummyData_6Dim.csv starts "Combined,All six dimensions of CDMP,27,6,0,,,"; the 0 after the counts is ignored.
        var table = KtabTable.Parse("t.csv", "Combined,All six,3,1,0,,,\nActor,Description,Clout,P Position,P Salience\nA,a,1,10,10\nB,b,2,20,20\nC,c,3,30,30\n");

        Assert.Equal("Combined", table.Name);
        Assert.Equal("All six", table.Description);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("Clout", table.PowerHeader);
    }

    [Fact]
    public void A_dimension_count_that_disagrees_with_the_header_is_named()
    {
        var text = "Test,Test scenario,1,2,\n" + Header + "XJ,Xi Jinping,100,30,30,\n";

        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", text));

        Assert.StartsWith("t.csv:2:45: the scenario line (line 1) says 2 dimensions, so the header needs 7 columns, but it has 5", error.Message);
    }

    [Fact]
    public void A_header_one_column_short_of_its_pairs_says_columns_not_half_a_pair()
    {
        // Two dimensions need 3 + 2 × 2 = 7 columns; the header has 6: after the power, 3 columns, one
        // position and salience pair and a position without its salience.
        var text = "Test,Test scenario,1,2,\nActor,Description,Power,P1,S1,P2\nXJ,Xi Jinping,100,30,30,40,20\n";

        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", text));

        Assert.EndsWith("so the header needs 7 columns, but it has 6 (3 columns after the power, which do not make whole position and salience pairs)", error.Message);
        Assert.DoesNotContain("1.5", error.Message);
    }

    [Fact]
    public void A_header_with_whole_pairs_too_few_counts_them()
    {
        // Header of 5 columns: after the power, 2, which is 1 pair; the scenario line's 2 dimensions need 7.
        var text = "Test,Test scenario,1,2,\n" + Header + "XJ,Xi Jinping,100,30,30,\n";

        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", text));

        Assert.EndsWith("but it has 5 (1 position and salience pair)", error.Message);
    }

    [Fact]
    public void A_count_that_is_not_a_number_is_named()
    {
        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", "Test,Test scenario,three,1,\n" + Header));

        Assert.StartsWith("t.csv:1:20: the actor count must be a whole number of 1 or more, not 'three'", error.Message);
    }

    [Theory]
    [InlineData("", "t.csv:1:1: the file is empty (0 bytes)")]
    // The first comma, after a blank line and a line of two spaces, is at 3:1.
    [InlineData("\n  \n,,,\n", "t.csv:3:1: the file holds only commas and whitespace")]
    public void A_file_without_a_table_is_refused_for_what_it_holds(string text, string said)
    {
        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", text));

        Assert.StartsWith(said, error.Message);
    }

    [Fact]
    public void A_header_without_the_actor_column_is_named()
    {
        var error = Assert.Throws<InputException>(() => KtabTable.Parse("t.csv", Scenario + "Name,Description,Power,P,S\n"));

        Assert.StartsWith("t.csv:2:1: header column 1 is 'Name'; expected Actor", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<InputException>(() => KtabTable.Load("no-such-table.csv"));

        Assert.StartsWith("no-such-table.csv:1:1: no such table file", error.Message);
    }

    [Fact]
    public void A_broken_copy_of_a_real_table_names_the_line()
    {
        var lines = File.ReadAllLines(WorldsRepository.Ktab("SOE-Competitive.csv"));
        lines[9] = lines[9].Replace(",40,", ",4O,", StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => KtabTable.Parse("SOE-Competitive.csv", string.Join("\r\n", lines)));

        Assert.StartsWith("SOE-Competitive.csv:10:", error.Message);
        Assert.Contains("'4O' is not a number", error.Message);
    }
}
