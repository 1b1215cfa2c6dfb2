using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Summits.Classroom;

/// <summary>
/// Every page's connection open to the classroom's hub, kept so that a classroom that stops closes them all at once:
/// a page's WebSocket stays open until one side closes it, and the host would otherwise wait out its shutdown timeout
/// (30 s) for them. From <see cref="CloseAllAsync"/> on, a page's call is refused in words and a new connection is
/// closed as it opens, so that nothing a page sends while the classroom stops goes unanswered.
/// </summary>
public sealed class ClassroomConnections : IHubFilter
{
    /// <summary>The refusal of a call made once the classroom has begun to stop.</summary>
    public const string Stopped = "the classroom has stopped; ask the facilitator to start it again";

    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();
    private readonly TaskCompletionSource _allEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _closing;
    private int _requests;

    /// <summary>How many connections are open now.</summary>
    public int Count => _open.Count;

    /// <summary>
    /// Refuses every call from now on, closes every open connection, and completes once the hub's last WebSocket request
    /// has ended, or when <paramref name="cancellation"/> is cancelled. A page is sent SignalR's close message, which
    /// tells its client not to reconnect, and its WebSocket ends with the close handshake; the host must keep running
    /// until then, as a host that stops first drops the socket unread and the page sees a connection reset instead.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> is cancelled before every request has ended.</exception>
    public Task CloseAllAsync(CancellationToken cancellation)
    {
        _closing = true;
        foreach (var connection in _open.Values)
            connection.Abort();
        if (Volatile.Read(ref _requests) == 0)
            _allEnded.TrySetResult();
        return _allEnded.Task.WaitAsync(cancellation);
    }

    /// <summary>
    /// Carries one request to the hub's path, counting it while it runs: a WebSocket request ends only once its
    /// connection has closed, after the close handshake.
    /// </summary>
    public async Task CarryAsync(Func<Task> request)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            await request();
        }
        finally
        {
            if (Interlocked.Decrement(ref _requests) == 0 && _closing)
                _allEnded.TrySetResult();
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _open[context.Context.ConnectionId] = context.Context;
        // A connection that opened while the connections were being closed is closed in its turn.
        if (_closing)
            context.Context.Abort();
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
        _closing ? throw new HubException(Stopped) : next(invocationContext);
}
