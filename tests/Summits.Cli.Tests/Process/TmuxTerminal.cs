using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Summits.Cli.Tests;

/// <summary>
/// A real terminal of a given size, made by tmux on a server of its own (a private socket per instance), in
/// which a test runs the built <c>summits</c>, types keys and reads the screen. Disposing kills that server.
/// </summary>
public sealed class TmuxTerminal : IDisposable
{
    /// <summary>How long any one wait for text may take before the test fails with the screen in its message.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private const string Session = "summits";
    private const string Exited = "summits exited with ";

    private readonly string _socket = $"summits-test-{Guid.NewGuid():N}";
    private bool _started;

    /// <summary>Starts <c>summits ARGUMENTS</c> in <paramref name="folder"/> in a terminal of <paramref name="columns"/> × <paramref name="rows"/>.</summary>
    public void Start(string folder, int columns, int rows, params string[] arguments) => StartWith(folder, columns, rows, "", arguments);

    /// <summary>
    /// Starts <c>summits ARGUMENTS REDIRECTION</c> in <paramref name="folder"/>, as <see cref="Start"/> does, with
    /// shell text after the command, such as <c>| tee out.txt</c> or <c>&gt; out.txt</c>. Through a pipe the exit code
    /// read is the last command's.
    /// </summary>
    public void StartWith(string folder, int columns, int rows, string redirection, params string[] arguments) =>
        StartWith(folder, columns, rows, redirection, new Dictionary<string, string>(), arguments);

    /// <summary>Starts the program as <see cref="StartWith(string, int, int, string, string[])"/> does, with <paramref name="environment"/> set for it.</summary>
    public void StartWith(string folder, int columns, int rows, string redirection, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        string Quoted(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        var command = string.Join(' ', new[] { SummitsProcess.DotnetHost(), SummitsProcess.Program }.Concat(arguments).Select(Quoted));
        // The pane outlives the program (a sleep that the server's end kills), so its last screen and exit code can be read.
        // The shell traps Ctrl-C (SIGINT) with a handler, as an interactive shell does, so that it waits for the program
        // rather than ending the pane; the program, which the trap does not reach, gets SIGINT as it would at a prompt.
        var shell = $"trap : INT; {command} {redirection}; echo \"{Exited}$?\"; exec sleep 600";
        _started = true;
        string[] variables = [.. environment.SelectMany(v => new[] { "-e", $"{v.Key}={v.Value}" })];
        Tmux(["-f", "/dev/null", "new-session", "-d", "-s", Session, "-x", columns.ToString(), "-y", rows.ToString(), "-c", folder,
            .. variables, "sh", "-c", shell]);
    }

    /// <summary>Types keys: tmux key names such as <c>Enter</c> and <c>Down</c>, or text.</summary>
    public void Send(params string[] keys) => Tmux(["send-keys", "-t", Session, .. keys]);

    /// <summary>Types <paramref name="text"/> literally, then Enter.</summary>
    public void Type(string text)
    {
        Tmux("send-keys", "-t", Session, "-l", text);
        Send("Enter");
    }

    /// <summary>The whole screen with its scrollback, as lines of text.</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-t", Session, "-S", "-", "-E", "-");

    /// <summary>
    /// Waits until <paramref name="text"/> is on the screen, after the last place <paramref name="after"/> is when
    /// given, polling the screen; fails with the screen when the wait limit passes first. Returns the screen.
    /// Every run of spaces and line breaks counts as one space, so text wrapped onto two lines is found.
    /// </summary>
    public async Task<string> WaitForAsync(string text, string? after = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            var flat = Flat(screen);
            var from = after is null ? 0 : flat.LastIndexOf(Flat(after), StringComparison.Ordinal);
            if (from >= 0 && flat.IndexOf(Flat(text), from, StringComparison.Ordinal) >= 0)
                return screen;
            if (deadline.Elapsed > WaitLimit)
                Assert.Fail($"'{text}'{(after is null ? "" : $" after '{after}'")} did not appear within {WaitLimit.TotalSeconds} s; the screen:\n{screen}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until one of <paramref name="texts"/> is on the screen after the last place of <paramref name="after"/>
    /// (anywhere when null), as <see cref="WaitForAsync"/> does; returns the index of the first one found.
    /// </summary>
    public async Task<int> WaitForAnyAsync(string? after, params string[] texts)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var flat = Flat(Screen());
            var from = after is null ? 0 : flat.LastIndexOf(Flat(after), StringComparison.Ordinal);
            for (var i = 0; i < texts.Length && from >= 0; i++)
            {
                if (flat.IndexOf(Flat(texts[i]), from, StringComparison.Ordinal) >= 0)
                    return i;
            }
            if (deadline.Elapsed > WaitLimit)
                Assert.Fail($"none of '{string.Join("', '", texts)}'{(after is null ? "" : $" after '{after}'")} appeared within {WaitLimit.TotalSeconds} s; the screen:\n{Screen()}");
            await Task.Delay(50);
        }
    }

    /// <summary>The whole screen with its scrollback, each line the terminal wrapped joined again into one.</summary>
    public string Unwrapped() => Tmux("capture-pane", "-p", "-J", "-t", Session, "-S", "-", "-E", "-");

    /// <summary>The rows in view now, without the scrollback.</summary>
    public string Visible() => Tmux("capture-pane", "-p", "-t", Session);

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    /// <summary>Waits for the program to end and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        var screen = await WaitForAsync(Exited);
        var at = screen.LastIndexOf(Exited, StringComparison.Ordinal) + Exited.Length;
        return int.Parse(screen[at..].Split('\n')[0].Trim());
    }

    public void Dispose()
    {
        if (_started)
            Tmux(check: false, "kill-server");
    }

    private string Tmux(params string[] arguments) => Tmux(check: true, arguments);

    private string Tmux(bool check, params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
            Assert.Fail($"tmux {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {error}");
        return output;
    }
}
