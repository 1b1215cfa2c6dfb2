using Summits.Grains;

namespace Summits.Scenarios.Tests;

/// <summary>Ids made from names are ids the loaders accept: at most 64 characters, the same for the same name, apart for names apart.</summary>
public sealed class IdTextTests
{
    [Fact]
    public void A_short_name_gives_its_readable_id_unchanged()
    {
        // "North Korea" -> runs of other characters one '-', lower-cased: "north-korea" (11 characters, no cut).
        Assert.Equal("north-korea", IdText.From("North Korea", "x"));
    }

    [Fact]
    public void Two_long_names_differing_only_after_the_cut_give_two_ids_of_64_characters_the_loader_accepts()
    {
        // 69 characters each, alike in the first 68. Worked out with python3 hashlib: the cleaned name's first 51
        // characters, '-', and 12 hex digits of SHA-256 over (UTF-8 length, 4 bytes little-endian)(UTF-8 bytes).
        var first = IdText.From("Ministry of Foreign Affairs of Japan North American Affairs Bureau 01", "actor", keepCase: true);
        var second = IdText.From("Ministry of Foreign Affairs of Japan North American Affairs Bureau 02", "actor", keepCase: true);

        Assert.Equal("Ministry-of-Foreign-Affairs-of-Japan-North-American-db0da868a6e7", first);
        Assert.Equal("Ministry-of-Foreign-Affairs-of-Japan-North-American-0e46a5dbae90", second);
        Assert.Equal(64, first.Length);
        Assert.True(WorldKey.IsId(first));
        Assert.True(WorldKey.IsId(second));
    }

    [Fact]
    public void A_suffix_or_number_added_to_an_id_of_64_characters_still_gives_an_id()
    {
        var longest = new string('a', 64);

        // "a"x64 + "-2" is 66 characters: cut to 51 'a's, '-', and SHA-256 over the parts ("a"x64, "2"), each as
        // length and bytes (python3 hashlib: 3ffdcc4a76e6); with "draft": 029d900b26d2.
        Assert.Equal(new string('a', 51) + "-3ffdcc4a76e6", IdText.Join(longest, "2"));
        Assert.Equal(new string('a', 51) + "-029d900b26d2", IdText.Join(longest, "draft"));
        // Short enough, the parts are simply joined.
        Assert.Equal("abe-draft", IdText.Join("abe", "draft"));
    }

    [Fact]
    public void An_imported_table_with_two_actor_names_too_long_for_ids_loads_back_with_two_actors()
    {
        var folder = Directory.CreateTempSubdirectory("summits-idtext-").FullName;
        try
        {
            var text = File.ReadAllText(WorldsRepository.Ktab("dummyData_3Dim.csv"))
                .Replace("SActor-00,", "Ministry of Foreign Affairs of Japan North American Affairs Bureau 01,")
                .Replace("SActor-01,", "Ministry of Foreign Affairs of Japan North American Affairs Bureau 02,");
            var path = Path.Combine(folder, "table.csv");
            File.WriteAllText(path, text);

            var world = KtabImport.ToWorld([KtabTable.Load(path)]).World;
            var again = WorldFile.Parse("table.yaml", WorldWriter.Write(world));

            // 7 actors in the table, two renamed: 7 ids, every one an id, the two long ones apart.
            Assert.Equal(7, again.Actors.Length);
            Assert.All(again.Actors, a => Assert.True(WorldKey.IsId(a.Id), a.Id));
            Assert.Contains(again.Actors, a => a.Id == "Ministry-of-Foreign-Affairs-of-Japan-North-American-db0da868a6e7");
            Assert.Contains(again.Actors, a => a.Id == "Ministry-of-Foreign-Affairs-of-Japan-North-American-0e46a5dbae90");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
