using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A file of one kind named where another is read (a world as a scenario, a KTAB table as a world or as a scenario's
/// world) is said to be what it is, in one line with exit code 2, with the command that takes it, written so that it
/// runs as it stands from the folder the mistaken command ran in.
/// </summary>
public sealed class FileOfAnotherKindTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-kinds-").FullName;

    public FileOfAnotherKindTests()
    {
        // A KTAB user's folder: the tables under tables/.
        Directory.CreateDirectory(Path.Combine(_folder, "tables"));
        File.Copy(SeedFiles.File("scenarios", "worlds", "ktab", "SOE-Policy.csv"), Path.Combine(_folder, "tables", "SOE-Policy.csv"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_world_given_as_a_scenario_is_said_to_be_a_world_with_the_command_that_runs_it()
    {
        var import = await Summits("import", "ktab", "tables/SOE-Policy.csv", "-o", "SOE-Policy.yaml");
        Assert.True(import.ExitCode == 0, import.ToString());

        var run = await Summits("run", "SOE-Policy.yaml");

        // The imported world begins "format: 2" at line 1, column 1: its top mapping's place. Before, this said
        // "the scenario is missing the required key 'scenario'", with no hint.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["SOE-Policy.yaml:1:1: this is a world file, not a scenario file; summits run --world SOE-Policy.yaml runs it"], run.ErrorLines);
        Assert.Equal("", run.Output);
        // And it does: the command as the line writes it.
        var suggested = await Summits("run", "--world", "SOE-Policy.yaml");
        Assert.True(suggested.ExitCode == 0, suggested.ToString());
    }

    [Fact]
    public async Task A_scenario_given_as_a_world_is_said_to_be_a_scenario()
    {
        // The other way round: a scenario holds 'world' (the world it names), which made it read as a world with an
        // unknown key 'scenario'.
        File.WriteAllText(Path.Combine(_folder, "s.yaml"), $"scenario: s\nworld: {SeedFiles.World}\nsteps:\n  - rounds: 1\n");

        var run = await Summits("export", "ktab", "s.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["s.yaml:1:1: this is a scenario file, not a world file; summits run s.yaml runs it"], run.ErrorLines);
    }

    [Fact]
    public async Task A_table_given_as_the_world_names_the_import_with_the_tables_folder()
    {
        var run = await Summits("run", "--world", "tables/SOE-Policy.csv");

        // Before, the command named the table without its folder (summits import ktab SOE-Policy.csv …), which
        // fails from here. The world goes beside the table, with the table's name and .yaml.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["tables/SOE-Policy.csv:1:1: this is a KTAB table, not a world file; make a world of it first: summits import ktab tables/SOE-Policy.csv -o tables/SOE-Policy.yaml"], run.ErrorLines);
        var suggested = await Summits("import", "ktab", "tables/SOE-Policy.csv", "-o", "tables/SOE-Policy.yaml");
        Assert.True(suggested.ExitCode == 0, suggested.ToString());
        Assert.True(File.Exists(Path.Combine(_folder, "tables", "SOE-Policy.yaml")));
    }

    [Fact]
    public async Task A_table_as_a_scenarios_world_is_said_at_the_world_value_with_the_import_and_the_world_to_name()
    {
        // 'world: tables/SOE-Policy.csv' on line 2: 'world: ' is 7 characters, so its value begins at column 8.
        File.WriteAllText(Path.Combine(_folder, "s.yaml"), "scenario: s\nworld: tables/SOE-Policy.csv\nmodel: smp\nsteps:\n  - rounds: 3\n");

        var run = await Summits("run", "s.yaml");

        // Before: "tables/SOE-Policy.csv:1:1: the file holds text that YAML reads as a single value …".
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["s.yaml:2:8: this names a KTAB table, not a world file; make a world of it first, summits import ktab tables/SOE-Policy.csv -o tables/SOE-Policy.yaml, "
            + "and name that world here: world: tables/SOE-Policy.yaml"], run.ErrorLines);
        // Both steps, as written, make a scenario that runs.
        Assert.Equal(0, (await Summits("import", "ktab", "tables/SOE-Policy.csv", "-o", "tables/SOE-Policy.yaml")).ExitCode);
        File.WriteAllText(Path.Combine(_folder, "s.yaml"), "scenario: s\nworld: tables/SOE-Policy.yaml\nmodel: smp\nsteps:\n  - rounds: 3\n");
        var fixedRun = await Summits("run", "s.yaml");
        Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
    }

    [Fact]
    public async Task A_scenario_in_another_folder_is_told_the_world_relative_to_itself_and_the_import_relative_to_here()
    {
        // scenarios/s.yaml names ../tables/SOE-Policy.csv: the import runs from here (tables/…), the scenario names
        // the world from its own folder (../tables/…).
        Directory.CreateDirectory(Path.Combine(_folder, "scenarios"));
        File.WriteAllText(Path.Combine(_folder, "scenarios", "s.yaml"), "scenario: s\nworld: ../tables/SOE-Policy.csv\nsteps:\n  - rounds: 1\n");

        var run = await Summits("run", "scenarios/s.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["scenarios/s.yaml:2:8: this names a KTAB table, not a world file; make a world of it first, summits import ktab tables/SOE-Policy.csv -o tables/SOE-Policy.yaml, "
            + "and name that world here: world: ../tables/SOE-Policy.yaml"], run.ErrorLines);
    }

    [Fact]
    public async Task A_table_given_as_a_scenario_names_the_import_and_then_the_run()
    {
        var run = await Summits("run", "tables/SOE-Policy.csv");

        // Before: the YAML reader's "the file holds text that YAML reads as a single value".
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["tables/SOE-Policy.csv:1:1: this is a KTAB table, not a scenario file; make a world of it, summits import ktab tables/SOE-Policy.csv -o tables/SOE-Policy.yaml, "
            + "then summits run --world tables/SOE-Policy.yaml runs it"], run.ErrorLines);
    }

    private Task<SummitsRun> Summits(params string[] arguments) => SummitsProcess.RunInAsync(_folder, arguments);
}
