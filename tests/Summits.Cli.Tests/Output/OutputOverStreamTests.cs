using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Every command that writes one file (<c>-o FILE</c>: <c>seed draft</c>, <c>import ktab</c>, <c>export ktab</c>,
/// <c>generate</c>) refuses a file that the shell sent its standard output or standard error into, as the commands
/// that write a set refuse one in their set: the written file would replace what is said there (or what is said
/// would land inside the written file). One line, exit 2, and the file is left holding what it held. The shell
/// opens the file in append mode here (<c>&gt;&gt;</c>, <c>2&gt;&gt;</c>), so that what it held before stays and
/// anything the command did to it shows.
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
}
