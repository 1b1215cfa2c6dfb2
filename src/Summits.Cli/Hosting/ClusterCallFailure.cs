using System.Globalization;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Summits.Hosting;
using Summits.Scenarios;

namespace Summits.Cli.Hosting;

/// <summary>
/// The one line for a grain call to a cluster that failed for the cluster's sake rather than the command's, once the
/// client has started: <c>WHAT: CAUSE; WHAT TO DO</c>, in our words, never the runtime's text or an exception's type.
/// Four kinds: a silo's storage or reminders that met the Redis server failing (its cause as <see cref="RedisFailure"/>
/// says it: did not answer within N s, refused or closed the connection), a call the cluster did not answer within the
/// call timeout, a cancellation that no Ctrl-C asked for (a call cut short), and a connection to the silos that failed.
/// <c>summits run</c>, <c>whatif</c> and every <c>summits worlds</c> command say them so.
/// </summary>
public static class ClusterCallFailure
{
    /// <summary>
    /// The error for <paramref name="failure"/> of a call that <paramref name="what"/> names (<c>world ID could not be
    /// retired</c>), on the cluster of <paramref name="settings"/>; null when the failure is of no such kind (the command's
    /// own, a world the cluster does not hold, the user's Ctrl-C), which then goes on as it is.
    /// </summary>
    /// <param name="user">The token Ctrl-C cancels: a cancellation under it is the user's, not the cluster's.</param>
    public static ClusterException? Of(Exception failure, SummitsSettings settings, string what, CancellationToken user) =>
        Said(failure, settings, user) is { } said ? new($"{what}: {said}", failure) : null;

    /// <summary>
    /// The cause of <paramref name="failure"/> and what to do, <c>CAUSE; WHAT TO DO</c>, as <see cref="Of"/> says them
    /// after what failed; null when the failure is of no such kind.
    /// </summary>
    public static string? Said(Exception failure, SummitsSettings settings, CancellationToken user) =>
        Read(failure, user).Said(settings);

    /// <summary>
    /// Whether <paramref name="failure"/> of a grain call is one that passes, so that the same call asked again may be
    /// answered: a Redis server that did not answer in time, refused or closed the connection or cannot serve yet
    /// (<see cref="RedisFailure.Reading.Passes"/>), a silo's copy of a state older than the server's (the next call reads it
    /// afresh), a timeout, a call cut short by a cancellation nobody asked for (<paramref name="user"/> is not
    /// cancelled), or a lost connection to the silos. False for the user's Ctrl-C, for a Redis error the server will
    /// answer again (<c>NOPERM</c>) and for the command's own failures.
    /// </summary>
    /// <param name="failure">What the call threw; an <see cref="AggregateException"/> is of a kind when each of its own is.</param>
    /// <param name="user">The token the user's Ctrl-C cancels.</param>
    public static bool Passes(Exception failure, CancellationToken user) => Read(failure, user).Passes;

    /// <summary>
    /// <paramref name="failure"/> read once, with no settings: its kind (<see cref="Failed.None"/> for the command's own
    /// failure, a <see cref="ClusterException"/> already said, and anything under the user's cancelled
    /// <paramref name="user"/>), and for a Redis failure what <see cref="RedisFailure.Read"/> read of it, from which
    /// <see cref="Said"/>, <see cref="Reading.Cause"/> and <see cref="Passes"/> answer without reading the chain again.
    /// </summary>
    internal static Reading Read(Exception failure, CancellationToken user)
    {
        if (failure is ClusterException || user.IsCancellationRequested)
            return new(Failed.None, null);
        if (RedisFailure.Read(failure) is { } redis)
            return new(Failed.Redis, redis);
        // A write the silo gave up on (its Redis server too slow) that landed after all: the silo's copy is older than
        // the server's, and Orleans ends the activation, so that the next call reads it afresh.
        if (Chain(failure).Any(e => e is Orleans.Storage.InconsistentStateException))
            return new(Failed.Stale, null);
        return new(Kind(failure, user), null);
    }

    /// <summary>
    /// A failure as <see cref="Read(Exception, CancellationToken)"/> read it: its kind, and for a Redis failure
    /// (<see cref="Failed.Redis"/>) what <see cref="RedisFailure.Read"/> read of it.
    /// </summary>
    internal readonly record struct Reading(Failed Kind, RedisFailure.Reading? Redis)
    {
        /// <summary>Whether the failure passes, as <see cref="ClusterCallFailure.Passes"/> says.</summary>
        public bool Passes => Redis?.Passes ?? Kind != Failed.None;

        /// <summary>The cause and what to do, as <see cref="ClusterCallFailure.Said"/> says them, on the cluster of <paramref name="settings"/>.</summary>
        public string? Said(SummitsSettings settings) => Words(settings) is { } words ? $"{words.Cause}; {words.Remedy}" : null;

        /// <summary>
        /// The cause alone, as <see cref="ClusterCallFailure.Said"/> gives it before what to do, on the cluster of
        /// <paramref name="settings"/> (<c>the call was cut short before the cluster answered</c>, <c>Redis at
        /// 127.0.0.1:6379 answered with an error: LOADING …</c>); null when the failure is of no kind or there is no cluster.
        /// </summary>
        public string? Cause(SummitsSettings settings) => Words(settings)?.Cause;

        /// <summary>The cause in our words and what to do about it, on the cluster of <paramref name="settings"/>; null when the failure is of no kind or there is no cluster.</summary>
        private (string Cause, string Remedy)? Words(SummitsSettings settings)
        {
            if (settings.Cluster is not { } cluster)
                return null;
            if (Redis is { } redis)
                return (redis.Said(cluster.Endpoint), $"check that the cluster's Redis server at {cluster} runs and answers, then retry");
            var seconds = settings.CallTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Kind switch
            {
                Failed.Stale => ($"the state a silo held was older than the one in the cluster's Redis server at {cluster} (a write it had given up on landed later)", "retry, which reads it afresh"),
                Failed.Timeout => ($"the cluster did not answer within {seconds} s", $"check that its silos and its Redis server at {cluster} run, then retry"),
                Failed.Cut => ("the call was cut short before the cluster answered", $"check that its silos and its Redis server at {cluster} run, then retry"),
                Failed.Connection => ("the connection to the cluster's silos failed", $"check that its silos run ('summits silo --cluster {cluster}'), then retry"),
                _ => null,
            };
        }
    }

    /// <summary>
    /// The kinds of failure: none of the cluster's, a Redis failure, a silo's copy older than the server's, a call not
    /// answered within the call timeout, a call cut short, a connection to the silos that failed.
    /// </summary>
    internal enum Failed { None, Redis, Stale, Timeout, Cut, Connection }

    private static IEnumerable<Exception> Chain(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
            yield return failure;
    }

    /// <summary>
    /// Which kind <paramref name="failure"/> is, from the first exception of its chain that is one; an aggregate is of
    /// its first one's kind when each of its own is of a kind, and of none when one is not (a command's own error among
    /// silences is the command's). A cancellation under the user's token is of none.
    /// </summary>
    private static Failed Kind(Exception? failure, CancellationToken user)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            switch (failure)
            {
                case AggregateException { InnerExceptions.Count: > 0 } all:
                    var kinds = all.InnerExceptions.Select(e => Kind(e, user)).ToArray();
                    return kinds.Contains(Failed.None) ? Failed.None : kinds[0];
                case TimeoutException or GrainTimeoutException:
                    return Failed.Timeout;
                case OperationCanceledException:
                    return user.IsCancellationRequested ? Failed.None : Failed.Cut;
                case SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException or GatewayTooBusyException
                    or ClientNotAvailableException or StackExchange.Redis.RedisConnectionException:
                    return Failed.Connection;
            }
        }
        return Failed.None;
    }
}
