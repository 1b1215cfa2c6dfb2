namespace Summits.Cli.Tests;

/// <summary>
/// <c>import ktab</c> makes its ids from the table's file name and its actors' names; names too long for an id
/// (64 characters at most) must still give ids its own loader accepts, so the imported world loads and runs.
/// </summary>
public sealed class LongNameImportTests
{
    // The file's stem has 72 characters (76 with ".csv"), each actor name 69: all over the 64 an id may have.
    private const string Stem = "Dummy data in three dimensions, copied for a test of names that run long";
    private const string First = "Ministry of Foreign Affairs of Japan North American Affairs Bureau 01";
    private const string Second = "Ministry of Foreign Affairs of Japan North American Affairs Bureau 02";

    [Fact]
    public async Task A_ktab_table_with_a_long_file_name_and_long_actor_names_imports_to_a_world_that_loads_and_runs()
    {
        var folder = Directory.CreateTempSubdirectory("summits-long-names-").FullName;
        try
        {
            // The shipped dummyData_3Dim.csv with its first two actors renamed; the rest is KTAB's own table.
            var table = await File.ReadAllTextAsync(Path.Combine(WorldCommandRunner.Root, "scenarios/worlds/ktab/dummyData_3Dim.csv"));
            table = table.Replace("SActor-00,", First + ",").Replace("SActor-01,", Second + ",");
            var csv = Path.Combine(folder, Stem + ".csv");
            await File.WriteAllTextAsync(csv, table);
            var world = Path.Combine(folder, "world.yaml");

            var import = await WorldCommandRunner.RunAsync("import", "ktab", csv, "-o", world);
            var run = await WorldCommandRunner.RunAsync("run", "--world", world, "--rounds", "3", "--engine", "local", "-o", Path.Combine(folder, "out"));

            // The import says where it wrote, on standard error, and nothing else: no warning, no error.
            Assert.StartsWith($"wrote {world}: ", Assert.Single(import.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            Assert.Equal("", import.Output);
            Assert.Equal(ExitCodes.Ok, import.ExitCode);
            var text = await File.ReadAllTextAsync(world);
            // Worked out by hand (python3 hashlib, not this code): the id is the name made an id (runs of other
            // characters one '-', lower-cased for the world, case kept for actors), cut to its first 51 characters,
            // a '-', and the first 12 hex digits of SHA-256 over the name's UTF-8 length (4 bytes, little-endian)
            // and bytes: 51 + 1 + 12 = 64.
            //   stem  -> "dummy-data-in-three-dimensions-copied-for-a-test-of" + "-e2abf395a778"
            //   First -> "Ministry-of-Foreign-Affairs-of-Japan-North-American" + "-db0da868a6e7"
            //   Second-> "Ministry-of-Foreign-Affairs-of-Japan-North-American" + "-0e46a5dbae90"
            Assert.Contains("\nworld: dummy-data-in-three-dimensions-copied-for-a-test-of-e2abf395a778\n", text);
            Assert.Contains("- id: Ministry-of-Foreign-Affairs-of-Japan-North-American-db0da868a6e7\n", text);
            Assert.Contains("- id: Ministry-of-Foreign-Affairs-of-Japan-North-American-0e46a5dbae90\n", text);
            // The run says only what it wrote on standard error ("wrote timeline.jsonl, state.json and ..."), no error.
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
            Assert.StartsWith("wrote timeline.jsonl, state.json", run.Error, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "out", "state.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
