using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Summits.Cluster.Tests;

/// <summary>
/// A program the tests start that cannot outlive them: it runs under a shell that watches this test process once a
/// second and kills the program when the test process is gone, however the test process ended (a crash, a kill -9),
/// and <see cref="DisposeAsync"/> kills it at once. The program is the shell's own process (exec), so
/// <see cref="Id"/> is the program's, and a signal sent to it reaches the program.
/// </summary>
public sealed class LeashedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private int _outputLines;
    // When the last line came on either stream, and the longest time between two lines, from the program's start.
    private readonly Stopwatch _since = new();
    private TimeSpan _lastLine;
    private TimeSpan _longestQuiet;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LeashedProcess(Process process) => _process = process;

    /// <summary>The program's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the program has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What the program has written to standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>What the program has written to standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
                return _error.ToString();
        }
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="folder"/>, its streams read as it writes them.</summary>
    public static LeashedProcess Start(string program, IEnumerable<string> arguments, string folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // The watcher leaves the program's streams alone, so that they end when the program does.
        var leash = $"p=$$; (while kill -0 {self} 2>/dev/null && kill -0 $p 2>/dev/null; do sleep 1; done; kill -0 {self} 2>/dev/null || kill -9 $p 2>/dev/null) </dev/null >/dev/null 2>&1 & exec \"$@\"";
        var start = Summits.Tests.ChildProcess.Start("/bin/sh", ["-c", leash, "sh", program, .. arguments], folder, environment);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var leashed = new LeashedProcess(process);
        process.OutputDataReceived += (_, e) => leashed.Append(leashed._output, e.Data);
        process.ErrorDataReceived += (_, e) => leashed.Append(leashed._error, e.Data);
        process.Exited += (_, _) => leashed._exited.TrySetResult();
        process.Start();
        leashed._since.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return leashed;
    }

    /// <summary>How many lines the program has written to standard output so far.</summary>
    public int OutputLines => Volatile.Read(ref _outputLines);

    /// <summary>
    /// The longest the program has gone without writing a line to either stream: between its start and its first line,
    /// or between two lines. A program still running may be in a longer one now.
    /// </summary>
    public TimeSpan LongestQuiet
    {
        get
        {
            lock (_since)
                return _longestQuiet;
        }
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
            return;
        lock (_since)
        {
            var now = _since.Elapsed;
            _longestQuiet = now - _lastLine > _longestQuiet ? now - _lastLine : _longestQuiet;
            _lastLine = now;
        }
        lock (to)
            to.Append(line).Append('\n');
        if (ReferenceEquals(to, _output))
            Interlocked.Increment(ref _outputLines);
    }

    /// <summary>
    /// Waits until standard output holds at least <paramref name="count"/> lines, counting them as they come rather than
    /// reading the output again (a watch of a long run writes megabytes), and returns how many it holds.
    /// </summary>
    /// <exception cref="TimeoutException">When fewer came within <paramref name="limit"/>, or the program ended first.</exception>
    public async Task<int> WaitForLinesAsync(int count, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (OutputLines >= count)
                return OutputLines;
            if (_process.HasExited)
                break;
            await Task.Delay(20);
        }
        throw new TimeoutException($"'{_process.StartInfo.ArgumentList[3]}' wrote {OutputLines} lines, not {count}, within {limit} (exited: {_process.HasExited}); error: {Error}");
    }

    /// <summary>Waits until standard output holds a line that <paramref name="seen"/> accepts, and returns it.</summary>
    /// <exception cref="TimeoutException">When none came within <paramref name="limit"/>, or the program ended first; says what it wrote.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> seen, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (Output.Split('\n').FirstOrDefault(seen) is { } line)
                return line;
            if (_process.HasExited)
                break;
            await Task.Delay(100);
        }
        throw new TimeoutException($"'{_process.StartInfo.ArgumentList[3]}' wrote no such line within {limit} (exited: {_process.HasExited}); output: {Output}; error: {Error}");
    }

    /// <summary>Sends SIGTERM, as a service manager stopping it does.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"could not send SIGTERM to {_process.Id}");
    }

    /// <summary>Waits for the program to end and returns its exit code, both streams read to their end.</summary>
    /// <exception cref="TimeoutException">When it did not end within <paramref name="limit"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var guard = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the program did not end within {limit}; output: {Output}; error: {Error}");
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the program if it still runs, and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended in between.
            }
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
