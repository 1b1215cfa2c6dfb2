using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// The notes and warnings of <c>import ktab</c> and of a run of the spatial model: worded as every command words one,
/// <c>summits COMMAND: note: …</c> or <c>summits COMMAND: warning: …</c>, and said at the levels of their kind: a note
/// from the normal level up, a warning at every level but <c>-v quiet</c>, which is errors only.
/// </summary>
public sealed class KtabNoteLevelTests
{
    // The two SOE tables share 18 actors. Policy alone names PC, COG, USA, USCC, EUCC, MY, ZD and ZGB (26 − 18 = 8);
    // Competitive alone names 16 (34 − 18). 12 of the 18 put more than 100 in all: LK 65 + 60 = 125, ZG 40 + 90 = 130,
    // LH 70 + 75 = 145 are the first three in the tables' order.
    private const string LeftOut = "summits import ktab: note: kept the 18 actors every table names; left out PC, COG, USA, USCC, EUCC, MY, ZD and ZGB (only in SOE-Policy.csv); "
        + "WQ, Price, SASAC, NAO, CNPCL, CNPCM, CNPCE, CNPCO, SP, FC, CNC, PSOES, PDGA, PDPA, SH and FSM (only in SOE-Competitive.csv)";

    private const string OverFull = "summits import ktab: warning: the saliences of 12 of 18 actors sum above 100 over the tables (LK 125, ZG 130, LH 145 and 9 more): "
        + "each table's are shares of its own, so the world keeps them per topic; the spatial model divides each such actor's by their sum";

    [Theory]
    // Normal: the note, the warning, then where the world went with its counts (18 actors, 2 topics, 18 × 2 positions).
    [InlineData("normal", new[] { LeftOut, OverFull, "wrote soe.yaml: 18 actors, 2 topics, 36 positions" })]
    // -q (minimal): the warning, and where the world went without its counts; the note is left out, as a format note is.
    [InlineData("-q", new[] { OverFull, "wrote soe.yaml" })]
    // -v quiet: errors only. Before, both lines were printed here, without a tag.
    [InlineData("quiet", new string[0])]
    public async Task Import_ktab_says_its_note_and_its_warning_at_their_levels(string level, string[] expected)
    {
        var folder = TablesFolder();
        try
        {
            string[] levelArgs = level switch { "-q" => ["-q"], "quiet" => ["-v", "quiet"], _ => [] };
            var run = await SummitsProcess.RunInAsync(folder, ["import", "ktab", "tables/SOE-Policy.csv", "tables/SOE-Competitive.csv", "--shared-actors", "-o", "soe.yaml", .. levelArgs]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(expected, run.ErrorLines);
            Assert.Equal("", run.Output);
            Assert.True(File.Exists(Path.Combine(folder, "soe.yaml")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    // The same fact at run time, in the same wording: begun with the command, tagged a warning, kept at -q and
    // left out only at -v quiet. Before, it was "note: soe.yaml: …", without the command, and -q left it out.
    [InlineData("normal", true)]
    [InlineData("-q", true)]
    [InlineData("quiet", false)]
    public async Task A_spatial_model_run_says_the_saliences_it_divides_as_a_warning_of_its_own(string level, bool said)
    {
        var folder = TablesFolder();
        try
        {
            var import = await SummitsProcess.RunInAsync(folder, ["import", "ktab", "tables/SOE-Policy.csv", "tables/SOE-Competitive.csv", "--shared-actors", "-o", "soe.yaml"]);
            Assert.True(import.ExitCode == 0, import.ToString());
            string[] levelArgs = level switch { "-q" => ["-q"], "quiet" => ["-v", "quiet"], _ => [] };

            var run = await SummitsProcess.RunInAsync(folder, ["run", "--world", "soe.yaml", "--model", "smp", "--rounds", "2", .. levelArgs]);

            Assert.True(run.ExitCode == 0, run.ToString());
            // In the world the saliences are the tables' over 100: LK 0.65 + 0.6 = 1.25, ZG 0.4 + 0.9 = 1.3, LH 0.7 + 0.75 = 1.45.
            const string warning = "summits run: warning: soe.yaml: the saliences of 12 of 18 actors sum above 1 (LK 1.25, ZG 1.3, LH 1.45 and 9 more); "
                + "the spatial model reads them as shares of each actor's attention, so it divides each such actor's by their sum";
            Assert.Equal(said ? [warning] : [], run.ErrorLines);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A folder of its own holding <c>tables/</c>, a copy of KTAB's two SOE tables.</summary>
    private static string TablesFolder()
    {
        var folder = Directory.CreateTempSubdirectory("summits-ktab-notes-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "tables"));
        foreach (var table in new[] { "SOE-Policy.csv", "SOE-Competitive.csv" })
            File.Copy(SeedFiles.File("scenarios", "worlds", "ktab", table), Path.Combine(folder, "tables", table));
        return folder;
    }
}
