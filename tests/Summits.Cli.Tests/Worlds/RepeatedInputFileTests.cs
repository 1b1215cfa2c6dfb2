using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A file named twice where a command reads several (<c>import ktab</c>'s tables, <c>migrate</c>'s files,
/// <c>analyze</c>'s telemetry) is refused on one line that gives both names as typed, with exit code 2 and nothing
/// written: read twice, it would be taken as two.
/// </summary>
public sealed class RepeatedInputFileTests
{
    [Fact]
    public async Task One_table_named_twice_to_import_ktab_is_refused_and_nothing_is_written()
    {
        // Before, this imported the table twice over: topics 'policy' and 'policy-2', a warning that every actor's
        // saliences sum above 100, and exit 0.
        var folder = TablesFolder();
        try
        {
            var run = await SummitsProcess.RunInAsync(folder, ["import", "ktab", "tables/SOE-Policy.csv", "tables/SOE-Policy.csv", "-o", "x.yaml"]);

            // The argument's name (FILE), the kind it reads (KTAB table), both names as typed.
            Assert.Equal(2, run.ExitCode);
            Assert.Equal(["summits import ktab: error: FILE names one KTAB table twice, as 'tables/SOE-Policy.csv' and 'tables/SOE-Policy.csv'; name each KTAB table once (see 'summits import ktab --help')"], run.ErrorLines);
            Assert.Equal("", run.Output);
            Assert.False(File.Exists(Path.Combine(folder, "x.yaml")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task One_table_under_two_spellings_is_the_same_table()
    {
        var folder = TablesFolder();
        try
        {
            var run = await SummitsProcess.RunInAsync(folder, ["import", "ktab", "./tables/SOE-Policy.csv", "tables/SOE-Policy.csv", "-o", "x.yaml"]);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(["summits import ktab: error: FILE names one KTAB table twice, as './tables/SOE-Policy.csv' and 'tables/SOE-Policy.csv'; name each KTAB table once (see 'summits import ktab --help')"], run.ErrorLines);
            Assert.False(File.Exists(Path.Combine(folder, "x.yaml")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_different_tables_are_still_imported()
    {
        // The refusal is of one file twice, not of two files: the two SOE tables import as docs/worlds.md shows.
        var folder = TablesFolder();
        try
        {
            var run = await SummitsProcess.RunInAsync(folder, ["import", "ktab", "tables/SOE-Policy.csv", "tables/SOE-Competitive.csv", "--shared-actors", "-o", "soe.yaml"]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("wrote soe.yaml: 18 actors, 2 topics, 36 positions", run.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task One_file_named_twice_to_migrate_or_analyze_is_refused_alike()
    {
        // The same kind of mistake on the other commands that read several files: before, migrate --check said
        // "already format 2" twice, and analyze would count the spans of one file twice.
        var folder = TablesFolder();
        try
        {
            File.Copy(SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml"), Path.Combine(folder, "w.yaml"));
            File.WriteAllText(Path.Combine(folder, "t.jsonl"), "");

            var migrate = await SummitsProcess.RunInAsync(folder, ["migrate", "--check", "w.yaml", "./w.yaml"]);
            var analyze = await SummitsProcess.RunInAsync(folder, ["analyze", "t.jsonl", "t.jsonl"]);

            Assert.Equal(2, migrate.ExitCode);
            Assert.Equal(["summits migrate: error: FILE names one world or scenario file twice, as 'w.yaml' and './w.yaml'; name each world or scenario file once (see 'summits migrate --help')"], migrate.ErrorLines);
            Assert.Equal("", migrate.Output);
            Assert.Equal(2, analyze.ExitCode);
            Assert.Equal(["summits analyze: error: FILE.jsonl names one telemetry file twice, as 't.jsonl' and 't.jsonl'; name each telemetry file once (see 'summits analyze --help')"], analyze.ErrorLines);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A folder of its own holding <c>tables/</c>, a copy of KTAB's two SOE tables, as a KTAB user keeps them.</summary>
    private static string TablesFolder()
    {
        var folder = Directory.CreateTempSubdirectory("summits-ktab-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "tables"));
        foreach (var table in new[] { "SOE-Policy.csv", "SOE-Competitive.csv" })
            File.Copy(SeedFiles.File("scenarios", "worlds", "ktab", table), Path.Combine(folder, "tables", table));
        return folder;
    }
}
