using Summits.Scenarios;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Which two outputs of one command would take each other's place (<see cref="OutputOverInput.OverOutput"/>): two
/// sets in one folder that share a file's name, a file that is a file of a set or the folder a set needs, and two
/// files that are one; found by any name of the place, made yet or not.
/// </summary>
public sealed class OutputOverOutputTests : IDisposable
{
    // A run's -o set and its --report set: they share agreements.csv, smp-positions.csv and smp-probabilities.csv.
    private static readonly OutputKind RunSet = new("run", "summits run -o", ["timeline.jsonl", "state.json", "agreements.csv", "smp-positions.csv", "smp-probabilities.csv"]);
    private static readonly OutputKind ReportSet = new("run-report", "summits run --report", ["report.html", "report.md", "agreements.csv", "trajectories.csv", "smp-positions.csv", "smp-probabilities.csv"]);

    private readonly string _folder = Directory.CreateTempSubdirectory("summits-over-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string In(params string[] parts) => Path.Combine([_folder, .. parts]);

    [Fact]
    public void Two_sets_in_one_folder_that_share_names_clash_by_any_spelling_of_it_made_or_not()
    {
        // Neither folder exists: "X" and "X/./" (with a trailing separator) are one place by their names.
        var x = In("X");
        var expected = $"-o '{x}' and --report '{x}/./' are one folder, and both write agreements.csv, smp-positions.csv and smp-probabilities.csv there; one would replace the other: name two different folders";
        Assert.Equal(expected, OutputOverInput.OverOutput([CommandOutput.Folder("-o", x, RunSet), CommandOutput.Folder("--report", x + "/./", ReportSet)]));
        // Made, and named through a symbolic link to it: one folder by device and inode.
        Directory.CreateDirectory(x);
        Directory.CreateSymbolicLink(In("Y"), x);
        Assert.StartsWith($"-o '{x}' and --report '{In("Y")}' are one folder", OutputOverInput.OverOutput([CommandOutput.Folder("-o", x, RunSet), CommandOutput.Folder("--report", In("Y"), ReportSet)]));
        // A folder not made yet inside the link: its name under one place, so "Y/sub" is "X/sub".
        Assert.StartsWith($"-o '{In("X", "sub")}' and --report '{In("Y", "sub")}' are one folder",
            OutputOverInput.OverOutput([CommandOutput.Folder("-o", In("X", "sub"), RunSet), CommandOutput.Folder("--report", In("Y", "sub"), ReportSet)]));
    }

    [Fact]
    public void Sets_in_different_folders_or_under_different_names_do_not_clash()
    {
        // Two folders side by side, and one inside the other (a set keeps the folders in its target).
        Assert.Null(OutputOverInput.OverOutput([CommandOutput.Folder("-o", In("X"), RunSet), CommandOutput.Folder("--report", In("R"), ReportSet)]));
        Assert.Null(OutputOverInput.OverOutput([CommandOutput.Folder("-o", In("X"), RunSet), CommandOutput.Folder("--report", In("X", "report"), ReportSet)]));
        // One folder, no name in common: each set keeps the other's files.
        Assert.Null(OutputOverInput.OverOutput([CommandOutput.Folder("-o", In("X"), new("a", "a", ["a.csv"])), CommandOutput.Folder("--report", In("X"), new("b", "b", ["b.csv"]))]));
    }

    [Fact]
    public void A_file_that_is_a_file_of_a_set_clashes_and_one_beside_it_does_not()
    {
        var x = In("X");
        // The telemetry file is listed after the folder, and said first: it is the one that lies in the other.
        Assert.Equal($"--telemetry '{x}/timeline.jsonl' is timeline.jsonl in -o '{x}', a file that -o writes there; one would replace the other: name a --telemetry file outside '{x}', or name another folder for -o",
            OutputOverInput.OverOutput([CommandOutput.Folder("-o", x, RunSet), CommandOutput.File("--telemetry", $"{x}/timeline.jsonl")]));
        // notes.jsonl is no name of the set: the set's write keeps it.
        Assert.Null(OutputOverInput.OverOutput([CommandOutput.Folder("-o", x, RunSet), CommandOutput.File("--telemetry", $"{x}/notes.jsonl")]));
        // Standard output sent into the set's state.json (made by the shell before the command starts): by identity.
        Directory.CreateDirectory(x);
        File.WriteAllText(In("X", "state.json"), "");
        Assert.Equal($"standard output '{x}/./state.json' is state.json in -o '{x}', a file that -o writes there; one would replace the other: send standard output to a file outside '{x}', or name another folder for -o",
            OutputOverInput.OverOutput([CommandOutput.Folder("-o", x, RunSet), null, CommandOutput.File(CommandOutput.StandardOutputName, $"{x}/./state.json")]));
    }

    [Fact]
    public void A_file_where_a_set_needs_its_folder_clashes()
    {
        var x = In("X");
        Assert.Equal($"--telemetry '{x}' is the folder that -o '{x}' writes into; the file would stand where the folder must: name another --telemetry file",
            OutputOverInput.OverOutput([CommandOutput.Folder("-o", x, RunSet), CommandOutput.File("--telemetry", x)]));
        // X/sub needs X to be a folder: a file X above it clashes too.
        Assert.Equal($"--telemetry '{x}' is a folder that holds the folder -o '{x}/sub' writes into; the file would stand where the folder must: name another --telemetry file",
            OutputOverInput.OverOutput([CommandOutput.Folder("-o", $"{x}/sub", RunSet), CommandOutput.File("--telemetry", x)]));
    }

    [Fact]
    public void Two_files_that_are_one_clash_and_no_outputs_or_one_do_not()
    {
        Assert.Equal($"--telemetry '{In("t.jsonl")}' and standard output '{In(".", "t.jsonl")}' are one file; one would replace the other: send standard output to another file",
            OutputOverInput.OverOutput([CommandOutput.File("--telemetry", In("t.jsonl")), CommandOutput.File(CommandOutput.StandardOutputName, In(".", "t.jsonl"))]));
        Assert.Null(OutputOverInput.OverOutput([]));
        Assert.Null(OutputOverInput.OverOutput([CommandOutput.Folder("-o", In("X"), RunSet), null]));
    }

    [Fact]
    public void Standard_error_sent_into_a_file_of_a_set_clashes_as_standard_output_does()
    {
        // "run S -o X 2> X/state.json": the shell makes X/state.json before the run; the set's state.json would replace
        // it, and the line the run says on standard error at its end ("wrote … to X") with it.
        var x = In("X");
        Directory.CreateDirectory(x);
        File.WriteAllText(In("X", "state.json"), "");
        Assert.Equal($"standard error '{x}/state.json' is state.json in -o '{x}', a file that -o writes there; one would replace the other: send standard error to a file outside '{x}', or name another folder for -o",
            OutputOverInput.OverOutput([CommandOutput.Folder("-o", x, RunSet), null, CommandOutput.File(CommandOutput.StandardErrorName, $"{x}/state.json")]));
        // The same file as --telemetry: two files that are one.
        Assert.Equal($"--telemetry '{In("t.jsonl")}' and standard error '{In("t.jsonl")}' are one file; one would replace the other: send standard error to another file",
            OutputOverInput.OverOutput([CommandOutput.File("--telemetry", In("t.jsonl")), CommandOutput.File(CommandOutput.StandardErrorName, In("t.jsonl"))]));
    }

    [Fact]
    public void Standard_output_and_standard_error_in_one_file_do_not_clash()
    {
        // "> log 2>&1": both streams add to one file the shell opened once; neither replaces the other, so that is no
        // mistake, beside a set or not.
        var log = In("log");
        File.WriteAllText(log, "");
        Assert.Null(OutputOverInput.OverOutput([CommandOutput.Folder("-o", In("X"), RunSet),
            CommandOutput.File(CommandOutput.StandardOutputName, log), CommandOutput.File(CommandOutput.StandardErrorName, log)]));
    }
}
