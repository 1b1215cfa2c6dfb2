using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// The lines that name a path (<c>run -o</c>'s on standard error, <c>seed draft -o</c>'s on standard output and its
/// notes on standard error, each starting with the readout's path and its line and column) in a real terminal of
/// 40 and of 80 columns (tmux), with a
/// long path and a path with spaces: no line passes the terminal's width but one that is a path alone, wider than
/// the terminal, and a path that fits the terminal stands whole on one of its rows.
/// </summary>
public sealed class PathLineTerminalTests : IDisposable
{
    /// <summary>68 characters: within 80 columns less the continuation's indent of 4, wider than 40.</summary>
    private const string LongPath = "a-folder-whose-name-runs-past-forty-columns/and-the-output-folder-in";

    /// <summary>25 characters with four spaces in them, which are no places to break.</summary>
    private const string SpacedPath = "my runs/out of the summit";

    private readonly string _folder = Directory.CreateTempSubdirectory("summits-paths-").FullName;
    private readonly TmuxTerminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var columns in new[] { 40, 80 })
            foreach (var path in new[] { LongPath, SpacedPath })
                data.Add(columns, path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_run_says_where_it_wrote_within_the_terminal_with_the_path_whole(int columns, string path)
    {
        var scenario = SeedFiles.File("scenarios", "what-if", "trade-for-defense-package.yaml");
        _terminal.Start(_folder, columns, 50, "run", scenario, "--engine", "local", "-q", "-o", path);

        Assert.Equal(0, await _terminal.ExitCodeAsync());
        Assert.True(Directory.Exists(Path.Combine(_folder, path)), _terminal.Screen());
        AssertFits(columns, [path]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_draft_says_where_it_went_within_the_terminal_with_each_path_whole(int columns, string folder)
    {
        // The draft's file in the folder, and the readout named by its full path (some 60 characters or more, wider
        // than 40 columns) at the start of each note on standard error, "PATH:18:1: joint, on a topic of its own: ...".
        Directory.CreateDirectory(Path.Combine(_folder, folder));
        var draft = $"{folder}/abe trump.yaml";
        _terminal.Start(_folder, columns, 50, "seed", "draft", SeedFiles.Source, "-o", draft);

        Assert.Equal(0, await _terminal.ExitCodeAsync());
        Assert.True(File.Exists(Path.Combine(_folder, draft)), _terminal.Screen());
        AssertFits(columns, [draft, SeedFiles.Source]);
    }

    [Fact]
    public async Task A_studys_timing_line_on_standard_error_wraps_at_the_terminal()
    {
        var scenario = SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml");
        _terminal.Start(_folder, 60, 50, "whatif", scenario, "--runs", "4", "--engine", "local");

        Assert.Equal(0, await _terminal.ExitCodeAsync());
        // "us-presses-bilateral-fta: 4 runs in S s (R runs/s), peak working set M MiB" is 71 columns or more: at 60 it
        // breaks at a space, so no line the program writes passes the 60 and "peak" stays whole. Written whole, the
        // terminal cut it wherever the 60th column fell ("pe" and "ak" on two rows).
        var lines = _terminal.Unwrapped().Split('\n').Select(l => l.TrimEnd()).ToList();
        var over = lines.Where(l => l.Length > 60).ToList();
        Assert.True(over.Count == 0, $"lines wider than 60 columns:\n{string.Join('\n', over)}\n\nthe screen:\n{_terminal.Screen()}");
        Assert.Contains(lines, l => l.StartsWith("us-presses-bilateral-fta: 4 runs in ", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\bpeak\b"));
    }

    [Fact]
    public async Task After_Ctrl_C_with_no_progress_line_the_stopped_line_starts_on_a_clean_line()
    {
        // -q draws no progress line. The writer of the -o set pauses once its files are written, saying so on standard
        // error ("summits: output paused at written"), until Ctrl-C: the terminal echoes ^C at the start of the next
        // row, where the cursor stands, and the line saying the run stopped must take that row whole, with no ^C before it.
        // The writer pauses there only when it replaces a folder, so out is made first (empty: nothing of anyone's).
        Directory.CreateDirectory(Path.Combine(_folder, "out"));
        _terminal.StartWith(_folder, 100, 30, "", new Dictionary<string, string> { [Summits.Scenarios.OutputSet.PauseVariable] = "written" },
            "run", SeedFiles.File("scenarios", "what-if", "baseline.yaml"), "--engine", "local", "-q", "-o", "out");
        await _terminal.WaitForAsync("summits: output paused at written");
        _terminal.Send("C-c");

        Assert.Equal(130, await _terminal.ExitCodeAsync());
        var lines = _terminal.Screen().Split('\n').Select(l => l.TrimEnd()).ToList();
        var paused = lines.IndexOf("summits: output paused at written");
        Assert.True(paused >= 0, _terminal.Screen());
        Assert.Equal("summits run: stopped before it finished", lines[paused + 1]);
    }

    [Fact]
    public async Task A_format_1_note_on_standard_error_wraps_at_the_terminal()
    {
        // A scenario without 'format: 2' is format 1: it runs with a note on standard error, "note: PATH is format 1
        // (it has no 'format: 2'); in format 2 ...; 'summits migrate PATH' marks it format 2", some 300 columns. At 60
        // it breaks at spaces, so no line passes the 60 but the scenario's path alone, which is wider.
        var scenario = Path.Combine(_folder, "old.yaml");
        File.WriteAllText(scenario, $"scenario: old\nworld: {SeedFiles.World}\nsteps:\n  - rounds: 1\n");
        _terminal.Start(_folder, 60, 50, "run", scenario, "--engine", "local");

        Assert.Equal(0, await _terminal.ExitCodeAsync());
        // The note begins "summits run: note: PATH", so where its own lines break depends on the folder's length: its
        // words are read across the breaks, each continuation line's indentation one space.
        Assert.Contains("is format 1", System.Text.RegularExpressions.Regex.Replace(_terminal.Unwrapped(), @"\n +", " "));
        AssertFits(60, [scenario]);
    }

    [Fact]
    public async Task The_telemetry_not_delivered_line_wraps_at_the_terminal()
    {
        // Nothing listens on the port (a listener took it from the system and let it go), so every export fails and
        // the run ends with "summits run: telemetry not delivered to http://127.0.0.1:PORT/v1/traces, .../v1/metrics and
        // .../v1/logs: N exports failed (...)", well over 60 columns: it breaks at spaces, no line over 60.
        var port = Summits.Hosting.LoopbackPort.Free();
        var scenario = SeedFiles.File("scenarios", "what-if", "trade-for-defense-package.yaml");
        _terminal.Start(_folder, 60, 50, "run", scenario, "--engine", "local", "-q", "--otlp", $"http://127.0.0.1:{port}/v1/traces", "--otlp-protocol", "http/protobuf");

        Assert.Equal(0, await _terminal.ExitCodeAsync());
        Assert.Contains("telemetry not delivered", _terminal.Unwrapped());
        AssertFits(60, []);
    }

    /// <summary>
    /// Every line, as the program wrote it (the terminal's own wrapping joined again), is within
    /// <paramref name="columns"/> or is one of <paramref name="paths"/> alone (with what is written against it: a colon,
    /// a line and column ":18:1:"), a word wider than the terminal; each path is whole on one row of the screen, or
    /// on such a line of its own, and none is left out.
    /// </summary>
    private void AssertFits(int columns, string[] paths)
    {
        var screen = _terminal.Screen();
        var lines = _terminal.Unwrapped().Split('\n').Select(l => l.TrimEnd()).ToList();
        bool Alone(string line, string path) => System.Text.RegularExpressions.Regex.IsMatch(line, $@"^{System.Text.RegularExpressions.Regex.Escape(path)}(?::\d+)*:?$");
        // A path and what is written against it are one word ("my runs/out of the summit/abe trump.yaml:" is 41 columns),
        // which passes the width only on a line of its own.
        var over = lines.Where(l => l.Length > columns && !paths.Any(p => Alone(l, p))).ToList();
        Assert.True(over.Count == 0, $"lines wider than {columns} columns:\n{string.Join('\n', over)}\n\nthe screen:\n{screen}");
        var rows = screen.Split('\n');
        foreach (var path in paths)
        {
            Assert.True(rows.Any(r => r.Contains(path, StringComparison.Ordinal)) || lines.Any(l => l.Length > columns && Alone(l, path)),
                $"'{path}' is not whole on one row:\n{screen}");
        }
    }
}
