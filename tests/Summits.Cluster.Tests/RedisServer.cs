using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Summits.Cluster.Tests;

/// <summary>
/// A <c>redis-server</c> of the tests' own: on 127.0.0.1 at a port free when it starts, with a data folder of its own
/// and nothing written to disk (<c>--save "" --appendonly no</c>), in the foreground as a <see cref="LeashedProcess"/>,
/// so that it ends with its owner's disposal or, failing that, with the test process.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly LeashedProcess _process;
    private readonly DirectoryInfo _folder;

    private RedisServer(LeashedProcess process, DirectoryInfo folder, int port) => (_process, _folder, Port) = (process, folder, port);

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Its address as <c>--cluster</c> takes it: <c>redis://127.0.0.1:PORT</c>.</summary>
    public string Address => $"redis://127.0.0.1:{Port}";

    /// <summary>The <c>redis-server</c> program: on the PATH, or where Debian's package puts it.</summary>
    /// <exception cref="InvalidOperationException">When there is none, saying how to install it.</exception>
    public static string Program()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin").Append("/usr/sbin");
        return folders.Select(f => Path.Combine(f, "redis-server")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("the cluster tests need redis-server, which is not installed: 'sudo apt-get install redis-server' (bash tests/run installs it)");
    }

    /// <summary>Starts a server and waits until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("summits-redis-");
        var port = FreePort();
        var process = LeashedProcess.Start(Program(),
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", folder.FullName, "--daemonize", "no"],
            folder.FullName);
        var server = new RedisServer(process, folder, port);
        var clock = Stopwatch.StartNew();
        while (!await server.AnswersAsync())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"redis-server on port {port} did not answer within 20 s; it wrote: {process.Output}{process.Error}");
            }
            await Task.Delay(100);
        }
        return server;
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

    /// <summary>A TCP port no process listens on at 127.0.0.1 now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
