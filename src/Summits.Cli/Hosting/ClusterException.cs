namespace Summits.Cli.Hosting;

/// <summary>A cluster that could not be reached or joined: its Redis server does not answer, or no silo of it does; or a silo's dashboard that cannot listen. The message is one line naming the address.</summary>
public sealed class ClusterException(string message, Exception? cause = null) : Exception(message, cause)
{
    /// <summary>
    /// The error for a start against the cluster <paramref name="id"/> on <paramref name="cluster"/> that failed with
    /// <paramref name="failure"/>: the Redis server not answering when a Redis error is among its causes, else no silo of
    /// the cluster answering, which names the id, since a Redis server may hold clusters of several ids.
    /// </summary>
    /// <remarks>
    /// A Redis server named by a host name that does not resolve is said as such, rather than as a server that does not answer.
    /// </remarks>
    public static ClusterException Unreachable(Summits.Hosting.ClusterAddress cluster, string id, Exception failure) =>
        !RedisFailed(failure)
            ? new($"no silo of the cluster '{id}' at {cluster} answers ({NoSilo(failure)}); start one with 'summits silo --cluster {cluster}{IdOption(id)}', "
                + "or name the cluster's id with --cluster-id or Summits:ClusterId", failure)
            : Unresolved(cluster.Host)
                ? new($"the cluster's Redis server's host name '{cluster.Host}' in {cluster} does not resolve to an address; name a server that runs with --cluster or Summits:Cluster", failure)
                : new($"the cluster's Redis server at {cluster} does not answer; start it, or name the server that runs with --cluster or Summits:Cluster", failure);

    /// <summary>Whether <paramref name="host"/> is a name (not an IP address) that the system's resolver finds no address for.</summary>
    internal static bool Unresolved(string host)
    {
        if (System.Net.IPAddress.TryParse(host, out _))
            return false;
        try
        {
            return System.Net.Dns.GetHostAddresses(host).Length == 0;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return e.SocketErrorCode is System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData;
        }
    }

    /// <summary>
    /// Why no silo answered, in our words rather than the client runtime's: the cluster's membership lists no silo (none of
    /// this id has joined, or every one has left), or the silos it lists did not answer.
    /// </summary>
    internal static string NoSilo(Exception failure) => Causes(failure).Any(e => e is Orleans.Runtime.SiloUnavailableException)
        ? "its membership in the Redis server lists no silo to connect to"
        : "the silos its membership lists did not answer";

    private static IEnumerable<Exception> Causes(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
            yield return failure;
    }

    /// <summary><c> --cluster-id ID</c>, or nothing for the default id.</summary>
    private static string IdOption(string id) => id == Summits.Hosting.ClusterIds.Default ? "" : $" --cluster-id {id}";

    /// <summary>
    /// Whether a Redis connection or timeout error is among the causes of <paramref name="failure"/>, or the Redis grain
    /// storage's or reminder table's own error, which says a server that does not answer at a silo's start in its message, not as its cause.
    /// </summary>
    public static bool RedisFailed(Exception? failure) => failure switch
    {
        null => false,
        StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException or Orleans.Persistence.Redis.RedisStorageException
            or Orleans.Reminders.Redis.RedisRemindersException => true,
        AggregateException all => all.InnerExceptions.Any(RedisFailed),
        _ => RedisFailed(failure.InnerException),
    };
}
