using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A file a command writes, named with the extension of another kind of file (a world into x.csv, a table into
/// y.yaml), is refused in one line with exit code 2 before anything is written; and a file is told a KTAB table or a
/// world by what it holds, so a world already written into a .csv runs and a table in a .yaml is said to be one.
/// </summary>
public sealed class OutputExtensionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-extension-").FullName;

    public OutputExtensionTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "tables"));
        File.Copy(SeedFiles.File("scenarios", "worlds", "ktab", "SOE-Policy.csv"), Path.Combine(_folder, "tables", "SOE-Policy.csv"));
        File.Copy(SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml"), Path.Combine(_folder, "w.yaml"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Import_ktab_refuses_a_world_named_as_a_table()
    {
        var run = await Summits("import", "ktab", "tables/SOE-Policy.csv", "-o", "x.csv");

        // Before, a YAML world was written into x.csv, exit 0.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["summits import ktab: error: -o 'x.csv' ends in .csv, but the file written is a world file (YAML): name it .yaml or .yml, such as 'x.yaml' (see 'summits import ktab --help')"], run.ErrorLines);
        Assert.Equal("", run.Output);
        Assert.False(File.Exists(Path.Combine(_folder, "x.csv")));
    }

    [Fact]
    public async Task Export_ktab_refuses_a_table_named_as_a_world()
    {
        var run = await Summits("export", "ktab", "w.yaml", "--output", "y.yaml");

        // Before, CSV was written into y.yaml, exit 0. The option is named as it was typed.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["summits export ktab: error: --output 'y.yaml' ends in .yaml, but the file written is a KTAB table (CSV): name it .csv, such as 'y.csv' (see 'summits export ktab --help')"], run.ErrorLines);
        Assert.False(File.Exists(Path.Combine(_folder, "y.yaml")));
    }

    [Theory]
    // The same kind on the other commands that write one file: generate's world, seed draft's draft, run's telemetry.
    [InlineData("summits generate", "-o 'g.csv' ends in .csv, but the file written is a world file (YAML): name it .yaml or .yml, such as 'g.yaml'", "g.csv", new[] { "generate", "--actors", "3", "--topics", "1", "--seed", "1", "-o", "g.csv" })]
    [InlineData("summits run", "--telemetry 't.json' ends in .json, but the file written is telemetry (JSON Lines): name it .jsonl, such as 't.jsonl'", "t.json", new[] { "run", "--world", "w.yaml", "--engine", "local", "--rounds", "1", "--telemetry", "t.json" })]
    public async Task Every_file_a_command_writes_is_refused_under_another_kinds_extension(string command, string said, string file, string[] arguments)
    {
        var run = await Summits(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"{command}: error: {said} (see '{command} --help')"], run.ErrorLines);
        Assert.False(File.Exists(Path.Combine(_folder, file)));
    }

    [Fact]
    public async Task A_name_of_no_kind_or_of_the_right_one_is_written()
    {
        // .yml is YAML too, and world.v2 says no kind.
        Assert.Equal(0, (await Summits("import", "ktab", "tables/SOE-Policy.csv", "-o", "x.yml")).ExitCode);
        Assert.Equal(0, (await Summits("import", "ktab", "tables/SOE-Policy.csv", "-o", "world.v2")).ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "world.v2")));
    }

    [Fact]
    public async Task A_world_already_written_into_a_csv_runs_as_the_world_it_holds()
    {
        // What an earlier import wrote with -o x.csv. Before, run --world x.csv said it was a table and advised
        // importing it, which fails: it holds no table.
        File.Copy(Path.Combine(_folder, "w.yaml"), Path.Combine(_folder, "x.csv"));

        var run = await Summits("run", "--world", "x.csv", "--model", "smp", "--rounds", "1", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("on world dummy-3dim", run.Output);
    }

    [Fact]
    public async Task A_table_already_written_into_a_yaml_is_said_to_be_one_with_a_command_that_runs()
    {
        // What an earlier export wrote with -o y.yaml. Importing it to y.yaml would replace it, so the table is
        // renamed first, and the whole line runs as written in a shell.
        File.Copy(Path.Combine(_folder, "tables", "SOE-Policy.csv"), Path.Combine(_folder, "y.yaml"));

        var run = await Summits("run", "--world", "y.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["y.yaml:1:1: this is a KTAB table, not a world file; make a world of it first: mv y.yaml y.csv && summits import ktab y.csv -o y.yaml"], run.ErrorLines);
        File.Move(Path.Combine(_folder, "y.yaml"), Path.Combine(_folder, "y.csv"));
        Assert.Equal(0, (await Summits("import", "ktab", "y.csv", "-o", "y.yaml")).ExitCode);
        Assert.Equal(0, (await Summits("run", "--world", "y.yaml", "--engine", "local", "--rounds", "1", "-q")).ExitCode);
    }

    private Task<SummitsRun> Summits(params string[] arguments) => SummitsProcess.RunInAsync(_folder, arguments);
}
