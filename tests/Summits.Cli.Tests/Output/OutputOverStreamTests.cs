using System.CommandLine;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Every writer refuses a file that the shell sent its standard output or standard error into: the commands that
/// write one file (<c>-o FILE</c>: <c>seed draft</c>, <c>import ktab</c>, <c>export ktab</c>, <c>generate</c>), those
/// that write a set into a folder (<c>-o DIR</c>, <c>--report DIR</c>: <c>summits run X -o out &gt; out/timeline.jsonl</c>),
/// <c>--telemetry FILE</c>, and <c>migrate</c>, which rewrites its files in place. The written file would replace
/// what is said there (or what is said would land inside the written file). One line, exit 2, nothing written: the
/// file is left holding what it held and nothing appears beside it. The shell opens the file in append mode here
/// (<c>&gt;&gt;</c>, <c>2&gt;&gt;</c>), so that what it held before stays and anything the command did to it shows.
/// <see cref="Every_writer_of_the_command_line_is_proved"/> walks the command line so that no writer is left out.
/// </summary>
public sealed class OutputOverStreamTests : IDisposable
{
    private const string Before = "what the file held before\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("summits-output-over-stream-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string[]> Writers()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var stream in new[] { ">>", "2>>" })
        {
            data.Add(stream, "seed draft", ["seed", "draft", SeedFiles.Source, "-o", "out.yaml"]);
            data.Add(stream, "import ktab", ["import", "ktab", SeedFiles.File("scenarios", "worlds", "ktab", "SOE-Pol-Comp.csv"), "--out", "out.yaml"]);
            data.Add(stream, "export ktab", ["export", "ktab", SeedFiles.File("scenarios", "worlds", "dummy-40.yaml"), "--output", "out.yaml"]);
            data.Add(stream, "generate", ["generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", "out.yaml"]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task A_file_that_a_standard_stream_goes_into_is_refused_and_kept(string redirection, string command, string[] arguments)
    {
        var file = Path.Combine(_folder, "out.yaml");
        File.WriteAllText(file, Before);

        var run = await SummitsProcess.RunRedirectedAsync(_folder, $"{redirection} out.yaml", arguments);

        // The option as written (the argument before "out.yaml"), the file as given, the stream by the full path the
        // shell opened, and what to do: the sentence of OutputOverInput for two files that are one.
        var option = arguments[^2];
        var stream = redirection == ">>" ? "standard output" : "standard error";
        var line = $"summits {command}: error: {option} 'out.yaml' and {stream} '{file}' are one file; one would replace the other: send {stream} to another file (see 'summits {command} --help')\n";
        Assert.True(run.ExitCode == 2, run.ToString() + File.ReadAllText(file));
        if (redirection == ">>")
        {
            // The line goes to standard error; the file holds what it held, nothing printed into it, nothing written over it.
            Assert.Equal(line, run.Error.ReplaceLineEndings("\n"));
            Assert.Equal(Before, File.ReadAllText(file));
        }
        else
        {
            // Standard error is the file: it holds what it held, and the shell added the refusal after it.
            Assert.Equal("", run.Error);
            Assert.Equal("", run.Output);
            Assert.Equal(Before + line, File.ReadAllText(file).ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public async Task A_file_beside_the_streams_is_written()
    {
        // Standard error into a log and -o into another file: no clash, the world is generated into out.yaml.
        var run = await SummitsProcess.RunRedirectedAsync(_folder, "2> log.txt", "generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", "out.yaml");

        Assert.True(run.ExitCode == 0, run.ToString() + File.ReadAllText(Path.Combine(_folder, "log.txt")));
        Assert.StartsWith("wrote out.yaml", File.ReadAllText(Path.Combine(_folder, "log.txt")));
        Assert.True(new FileInfo(Path.Combine(_folder, "out.yaml")).Length > 0);
    }

    private static readonly string Baseline = SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    /// <summary>
    /// Each writer: the command path, the option (or argument) that names where it writes, the file standard output is
    /// sent into (relative to the test's folder), the line's subject for it (the option as written and the path it
    /// was given) and the arguments.
    /// </summary>
    private sealed record Writer(string Command, string Option, string File, string Subject, string[] Arguments)
    {
        /// <summary>The case's name in the test's results: "worlds show --output".</summary>
        public string Name => $"{Command} {Option}";
    }

    private static readonly Writer[] FolderWriters =
    [
        // The example of the kind: "summits run X -o out > out/timeline.jsonl".
        new("run", "--output", "out/timeline.jsonl", "-o 'out'", ["run", Baseline, "--engine", "local", "-q", "-o", "out"]),
        new("run", "--report", "out/report.html", "--report 'out'", ["run", Baseline, "--engine", "local", "-q", "--report", "out"]),
        new("whatif", "--output", "out/results.json", "-o 'out'", ["whatif", Baseline, "--runs", "2", "--engine", "local", "-o", "out"]),
        new("whatif", "--report", "out/report.md", "--report 'out'", ["whatif", Baseline, "--runs", "2", "--engine", "local", "--report", "out"]),
        new("compare", "--output", "out/comparison.json", "-o 'out'", ["compare", Baseline, Baseline, "--engine", "local", "-o", "out"]),
        new("compare", "--report", "out/report.html", "--report 'out'", ["compare", Baseline, Baseline, "--engine", "local", "--report", "out"]),
        new("seed", "--output", "out/world.json", "-o 'out'", ["seed", "-o", "out"]),
        new("analyze", "--output", "out/actors.csv", "-o 'out'", ["analyze", "t.jsonl", "-o", "out"]),
        new("bench", "--output", "out/bench.json", "-o 'out'", ["bench", "--quick", "-o", "out"]),
        new("exercise", "--output", "out/grading.csv", "-o 'out'", ["exercise", SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"),
            "--answers", SeedFiles.File("scenarios", "exercises", "answers", "trade-for-defence-jp.yaml"), "--engine", "local", "-o", "out"]),
        // Refused before the cluster is asked anything, so no Redis server is needed: nothing listens on port 1.
        new("worlds show", "--output", "out/state.json", "-o 'out'", ["worlds", "show", "w1", "--cluster", "redis://127.0.0.1:1", "-o", "out"]),
    ];

    private static readonly Writer[] FileWriters =
    [
        new("run", "--telemetry", "t.out", "--telemetry 't.out'", ["run", Baseline, "--engine", "local", "-q", "--telemetry", "t.out"]),
        new("seed", "--telemetry", "t.out", "--telemetry 't.out'", ["seed", "--telemetry", "t.out"]),
        // migrate rewrites the files it is given in place: before, ">> m.yaml" added "m.yaml: already format 2; nothing
        // to change" to the world file itself (and "> m.yaml" emptied it first, which was then said as an empty file).
        new("migrate", "FILE", "m.yaml", "FILE 'm.yaml'", ["migrate", "m.yaml"]),
    ];

    public static TheoryData<string> FolderCases() => [.. FolderWriters.Select(w => w.Name)];

    public static TheoryData<string> FileCases() => [.. FileWriters.Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(FolderCases))]
    public async Task Standard_output_into_a_file_of_a_folder_writers_set_is_refused(string writerName)
    {
        var writer = FolderWriters.Single(w => w.Name == writerName);
        Directory.CreateDirectory(Path.Combine(_folder, "out"));
        File.WriteAllText(Path.Combine(_folder, "t.jsonl"), "{}\n");
        var file = Path.Combine(_folder, writer.File);
        File.WriteAllText(file, Before);

        var run = await SummitsProcess.RunRedirectedAsync(_folder, $">> {writer.File}", writer.Arguments);

        // OutputOverInput's sentence for a file that is one of a folder's set, worked out from the names alone: the
        // stream by the full path the shell opened, the file's name in the set, the option as written and its folder.
        var name = Path.GetFileName(writer.File);
        var option = writer.Subject.Split(' ')[0];
        Assert.True(run.ExitCode == 2, run.ToString() + File.ReadAllText(file));
        Assert.Equal($"summits {writer.Command}: error: standard output '{file}' is {name} in {writer.Subject}, a file that {option} writes there; one would replace the other: send standard output to a file outside 'out', or name another folder for {option} (see 'summits {writer.Command} --help')\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Equal(Before, File.ReadAllText(file));
        Assert.Equal([name], Directory.GetFileSystemEntries(Path.Combine(_folder, "out")).Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(FileCases))]
    public async Task Standard_output_into_a_file_a_writer_writes_is_refused(string writerName)
    {
        var writer = FileWriters.Single(w => w.Name == writerName);
        var file = Path.Combine(_folder, writer.File);
        var before = writer.Command == "migrate" ? File.ReadAllText(Baseline) : Before;
        File.WriteAllText(file, before);
        var entries = Directory.GetFileSystemEntries(_folder).Order(StringComparer.Ordinal).ToList();

        var run = await SummitsProcess.RunRedirectedAsync(_folder, $">> {writer.File}", writer.Arguments);

        // OutputOverInput's sentence for two files that are one: the option and the file as given, then the stream by
        // the full path the shell opened.
        Assert.True(run.ExitCode == 2, run.ToString() + File.ReadAllText(file));
        Assert.Equal($"summits {writer.Command}: error: {writer.Subject} and standard output '{file}' are one file; one would replace the other: send standard output to another file (see 'summits {writer.Command} --help')\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Equal(before, File.ReadAllText(file));
        Assert.Equal(entries, Directory.GetFileSystemEntries(_folder).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrate_check_writes_nothing_and_is_not_refused()
    {
        // --check rewrites nothing, so its lines may go anywhere: "m.yaml: already format 2; nothing to change" is
        // added after the file's text, as the shell's ">>" asks, and the exit code is 0 (nothing to migrate).
        var file = Path.Combine(_folder, "m.yaml");
        var text = File.ReadAllText(Baseline);
        File.WriteAllText(file, text);

        var run = await SummitsProcess.RunRedirectedAsync(_folder, ">> m.yaml", "migrate", "--check", "m.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(text + "m.yaml: already format 2; nothing to change\n", File.ReadAllText(file));
    }

    [Fact]
    public void Every_writer_of_the_command_line_is_proved()
    {
        // Every option of every command that names where it writes, and migrate's FILE (rewritten in place), found by
        // walking the command line itself, so that a writer added later without a case here fails.
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Walk(SummitsCommand.Create(), []);
        var proved = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var writer in FolderWriters.Concat(FileWriters))
            proved.Add(writer.Name);
        foreach (var row in Writers())
            proved.Add($"{row[1]} --output");
        Assert.Equal(found, proved);

        void Walk(Command command, string[] path)
        {
            foreach (var option in command.Options.Where(o => o.Name is "--output" or "--report" or "--telemetry"))
                found.Add($"{string.Join(' ', path)} {option.Name}");
            if (command.Name == "migrate")
                found.Add("migrate FILE");
            foreach (var sub in command.Subcommands)
                Walk(sub, [.. path, sub.Name]);
        }
    }
}
