using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Summits.Telemetry.Tests;

/// <summary>
/// A receiver on a loopback port that never takes telemetry: either it answers every request with an HTTP error
/// (404 unless told; it remembers the paths asked for), or it accepts connections and never answers. It stops on dispose.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly Task _loop;

    /// <summary>The whole HTTP response to every request, or null to answer none.</summary>
    private readonly byte[]? _answer;

    private LoopbackReceiver(byte[]? answer)
    {
        _answer = answer;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Address { get; }

    /// <summary>The request lines received ("POST /v1/traces"), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static LoopbackReceiver NotFound() => Answering("404 Not Found", "text/plain", "");

    /// <summary>A receiver answering every request with <paramref name="status"/> ("501 Not Implemented") and <paramref name="body"/>.</summary>
    public static LoopbackReceiver Answering(string status, string contentType, string body)
    {
        var content = System.Text.Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
        return new([.. System.Text.Encoding.ASCII.GetBytes(head), .. content]);
    }

    public static LoopbackReceiver Stalled() => new(answer: null);

    /// <summary>A loopback port that nothing listens on (<see cref="Summits.Hosting.LoopbackPort.Free"/>).</summary>
    public static Uri NoListener() => new($"http://127.0.0.1:{Summits.Hosting.LoopbackPort.Free()}");

    private async Task AcceptAsync()
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
            if (_answer is { } answer)
                _ = Task.Run(() => AnswerAsync(client, answer));
            else
                _held.Add(client);
        }
    }

    private async Task AnswerAsync(TcpClient client, byte[] answer)
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
                await stream.WriteAsync(answer, _stop.Token);
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
