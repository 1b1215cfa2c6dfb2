using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Summits.Hosting;

namespace Summits.Classroom;

/// <summary>
/// A <c>redis-server</c> the classroom starts for itself: on 127.0.0.1 alone, at a port free when it starts, its data
/// in a folder of the classroom's data folder, every write in its append-only file on disk before it is acknowledged
/// (<c>--appendonly yes --appendfsync always</c>, no snapshots), so that the next start with the same folder reads back
/// everything a table was told was kept. It cannot outlive the classroom: <see cref="DisposeAsync"/> shuts it down, and
/// a shell beside it checks once a second that the classroom's process lives and kills the server when it does not
/// (the classroom killed, or crashed).
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    /// <summary>The program's name, looked for in the folders of <c>PATH</c>.</summary>
    public const string Program = "redis-server";

    /// <summary>How long the server may take to say it is ready, and to end once asked to: 30 seconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Queue<string> _said = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RedisProcess(Process process, int port) => (_process, Address) = (process, ClusterAddress.Read($"{ClusterAddress.Scheme}127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", out _)!);

    /// <summary>Where it listens, as the silo's storage takes it: <c>redis://127.0.0.1:PORT</c>.</summary>
    public ClusterAddress Address { get; }

    /// <summary>The <c>redis-server</c> in the first folder of <paramref name="path"/> (a <c>PATH</c> value) that holds one; null when none does.</summary>
    public static string? Find(string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, Program))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Starts <paramref name="program"/> with its data in <paramref name="folder"/> (created if need be, readable by its
    /// owner alone, as is everything the server writes there) and waits until it accepts connections.
    /// </summary>
    /// <exception cref="IOException">When it ended, or did not say it was ready within <see cref="Patience"/>; says its last words.</exception>
    public static async Task<RedisProcess> StartAsync(string program, string folder, CancellationToken cancellation = default)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var port = LoopbackPort.Free();
        var classroom = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // The shell starts a watcher, then becomes the server (exec), so that the process started is the server itself;
        // its umask of 077 makes every folder and file the server writes (appendonlydir, its manifest and AOF files) its
        // owner's alone, 0700 and 0600, whatever the user's own umask.
        var leash = $"umask 077; s=$$; (while kill -0 {classroom} 2>/dev/null && kill -0 $s 2>/dev/null; do sleep 1; done; kill -0 {classroom} 2>/dev/null || kill -9 $s 2>/dev/null) </dev/null >/dev/null 2>&1 & exec \"$@\"";
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in (string[])["-c", leash, "sh", program,
                     "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--protected-mode", "yes",
                     "--dir", folder, "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no"])
            start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var redis = new RedisProcess(process, port);
        process.OutputDataReceived += (_, e) => redis.Heard(e.Data);
        process.ErrorDataReceived += (_, e) => redis.Heard(e.Data);
        process.Exited += (_, _) => redis._ready.TrySetException(new IOException($"{Program} ended as it started: {redis.LastWords()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await redis._ready.Task.WaitAsync(Patience, cancellation);
        }
        catch (TimeoutException)
        {
            await redis.DisposeAsync();
            throw new IOException($"{Program} did not say it was ready within {Patience.TotalSeconds} s: {redis.LastWords()}");
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        return redis;
    }

    private void Heard(string? line)
    {
        if (line is null)
            return;
        lock (_said)
        {
            _said.Enqueue(line);
            if (_said.Count > 5)
                _said.Dequeue();
        }
        if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            _ready.TrySetResult();
    }

    /// <summary>The last lines the server wrote, joined on one line.</summary>
    private string LastWords()
    {
        lock (_said)
            return _said.Count == 0 ? "it wrote nothing" : string.Join(" | ", _said);
    }

    /// <summary>Asks the server to shut down (it writes its append-only file and ends), and kills it if it has not ended within <see cref="Patience"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Address.Port);
                await client.GetStream().WriteAsync("SHUTDOWN\r\n"u8.ToArray());
            }
            catch (SocketException)
            {
                // It no longer listens: it is ending, or is killed below.
            }
            using var patience = new CancellationTokenSource(Patience);
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }
}
