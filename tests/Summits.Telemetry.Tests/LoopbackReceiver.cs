using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Summits.Telemetry.Tests;

/// <summary>
/// A receiver on a loopback port that never takes telemetry: either it answers every request with HTTP 404
/// (and remembers the paths asked for), or it accepts connections and never answers. It stops on dispose.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly Task _loop;

    private LoopbackReceiver(bool answer)
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _loop = Task.Run(() => AcceptAsync(answer));
    }

    public Uri Address { get; }

    /// <summary>The request lines received ("POST /v1/traces"), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static LoopbackReceiver NotFound() => new(answer: true);

    public static LoopbackReceiver Stalled() => new(answer: false);

    /// <summary>A loopback port that nothing listens on (<see cref="Summits.Hosting.LoopbackPort.Free"/>).</summary>
    public static Uri NoListener() => new($"http://127.0.0.1:{Summits.Hosting.LoopbackPort.Free()}");

    private async Task AcceptAsync(bool answer)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (answer)
                _ = Task.Run(() => AnswerNotFoundAsync(client));
            else
                _held.Add(client);
        }
    }

    private async Task AnswerNotFoundAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var received = new List<byte>();
                var buffer = new byte[16384];
                int headEnd;
                while ((headEnd = IndexOfBlankLine(received)) < 0)
                {
                    var n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0)
                        return;
                    received.AddRange(buffer.AsSpan(0, n));
                }
                var head = System.Text.Encoding.ASCII.GetString([.. received.Take(headEnd)]).Split("\r\n");
                Requests.Enqueue(string.Join(' ', head[0].Split(' ').Take(2)));
                var length = head.Skip(1)
                    .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                    .FirstOrDefault();
                // Read the whole body before answering, as a real server does.
                for (var body = received.Count - headEnd - 4; body < length;)
                {
                    var n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0)
                        return;
                    body += n;
                }
                await stream.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                return i;
        }
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        foreach (var client in _held)
            client.Dispose();
        _stop.Dispose();
    }
}
