using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Summits.Hosting;

namespace Summits.Cluster.Tests;

/// <summary>
/// A <c>redis-server</c> of the tests' own: on 127.0.0.1 at a port free when it starts, with a data folder of its own
/// writing every acknowledged write to its append-only file before it answers (<c>--appendonly yes --appendfsync always</c>,
/// no snapshots), so that a restart keeps all it acknowledged; in the foreground as a <see cref="LeashedProcess"/>, so
/// that it ends with its owner's disposal or, failing that, with the test process.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private LeashedProcess _process;
    private readonly DirectoryInfo _folder;

    private RedisServer(LeashedProcess process, DirectoryInfo folder, int port) => (_process, _folder, Port) = (process, folder, port);

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Its address as <c>--cluster</c> takes it: <c>redis://127.0.0.1:PORT</c>.</summary>
    public string Address => $"redis://127.0.0.1:{Port}";

    /// <summary>The <c>redis-server</c> program: on the PATH, or where Debian's package puts it.</summary>
    /// <exception cref="InvalidOperationException">When there is none, saying how to install it.</exception>
    public static string Program() => Find(Folders()) ?? throw new InvalidOperationException(Missing);

    /// <summary>
    /// Why a cluster test is skipped here, or null to run it: the message saying how to install <c>redis-server</c> when
    /// this machine has none and the environment variable <c>CI</c> is not <c>true</c>; null when it has one, and in CI,
    /// where a missing server must fail the tests, not hide them.
    /// </summary>
    public static string? SkipReason() => SkipReason(Environment.GetEnvironmentVariable("CI"), Folders());

    /// <summary><see cref="SkipReason()"/> for a value of <c>CI</c> (null when unset) and the folders searched for the program.</summary>
    public static string? SkipReason(string? ci, IEnumerable<string> folders) =>
        Find(folders) is null && !string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) ? Missing : null;

    private const string Missing =
        "the cluster tests need redis-server, which is not installed: 'sudo apt-get install redis-server' (bash tests/run installs it)";

    // The folders of PATH, then those where Debian's package puts redis-server.
    private static IEnumerable<string> Folders() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin").Append("/usr/sbin");

    private static string? Find(IEnumerable<string> folders) =>
        folders.Select(f => Path.Combine(f, "redis-server")).FirstOrDefault(File.Exists);

    /// <summary>Starts a server and waits until it answers PING.</summary>
    /// <exception cref="TimeoutException">When it did not answer within 20 s; says what it wrote.</exception>
    public static async Task<RedisServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("summits-redis-");
        var port = FreePort();
        var server = new RedisServer(Launch(folder, port), folder, port);
        await server.WaitUntilItAnswersAsync();
        return server;
    }

    /// <summary>
    /// Stops the server with SIGTERM, waits for it to end, leaves it down for <paramref name="down"/>, and starts it again
    /// on the same port and data folder, waiting until it answers PING.
    /// </summary>
    /// <exception cref="TimeoutException">When it did not stop, or did not answer again, within 20 s.</exception>
    public async Task RestartAsync(TimeSpan down)
    {
        await _process.TerminateAsync();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(20));
        await _process.DisposeAsync();
        await Task.Delay(down);
        _process = Launch(_folder, Port);
        await WaitUntilItAnswersAsync();
    }

    private static LeashedProcess Launch(DirectoryInfo folder, int port) =>
        LeashedProcess.Start(Program(),
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--dir", folder.FullName, "--daemonize", "no"],
            folder.FullName);

    private async Task WaitUntilItAnswersAsync()
    {
        var clock = Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                await DisposeAsync();
                throw new TimeoutException($"redis-server on port {Port} did not answer within 20 s; it wrote: {_process.Output}{_process.Error}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Whether it answers PING with PONG now.</summary>
    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var answer = new byte[7];
            var read = await stream.ReadAsync(answer);
            return Encoding.ASCII.GetString(answer, 0, read) == "+PONG\r\n";
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A TCP port no process listens on at 127.0.0.1 now (<see cref="LoopbackPort.Free"/>).</summary>
    public static int FreePort() => LoopbackPort.Free();

    /// <summary>Stops the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
