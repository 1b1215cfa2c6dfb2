using Summits.Cli.Hosting;
using Summits.Hosting;

namespace Summits.Cli.Tests;

/// <summary>A cluster that cannot be reached is said in one line, in our words, with the reason that fits.</summary>
public sealed class ClusterExceptionTests
{
    private static ClusterAddress Address(string text) => ClusterAddress.Read(text, out _)!;

    [Fact]
    public void A_cluster_whose_membership_lists_no_silo_is_said_without_the_client_runtimes_words()
    {
        // The client runtime's own failure when the cluster's gateway list is empty, as a trial printed it.
        var failure = new Orleans.Runtime.SiloUnavailableException("Could not find any gateway in 'Orleans.Clustering.Redis.RedisGatewayListProvider'. "
            + "Orleans client cannot initialize until at least one gateway becomes available");

        var said = ClusterException.Unreachable(Address("redis://127.0.0.1:29146"), "summits", failure).Message;

        Assert.Equal("no silo of the cluster 'summits' at redis://127.0.0.1:29146 answers (its membership in the Redis server lists no silo to connect to); "
            + "start one with 'summits silo --cluster redis://127.0.0.1:29146', or name the cluster's id with --cluster-id or Summits:ClusterId", said);
    }

    [Fact]
    public void Silos_listed_that_do_not_answer_are_said_as_such()
    {
        var failure = new TimeoutException("Connection attempt to endpoint S127.0.0.1:30000:0 timed out after 00:00:05");

        var said = ClusterException.Unreachable(Address("redis://127.0.0.1:29146"), "blue", failure).Message;

        Assert.Equal("no silo of the cluster 'blue' at redis://127.0.0.1:29146 answers (the silos its membership lists did not answer); "
            + "start one with 'summits silo --cluster redis://127.0.0.1:29146 --cluster-id blue', or name the cluster's id with --cluster-id or Summits:ClusterId", said);
    }

    [Fact]
    public void A_Redis_host_name_that_does_not_resolve_is_said_as_such()
    {
        // ".invalid" is reserved (RFC 6761) and never resolves; the connection error is what StackExchange.Redis raises
        // for any server it cannot reach.
        var failure = new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.UnableToConnect, "It was not possible to connect to the redis server(s)");

        var said = ClusterException.Unreachable(Address("redis://nosuchhost.invalid:29146"), "summits", failure).Message;

        Assert.Equal("the cluster's Redis server's host name 'nosuchhost.invalid' in redis://nosuchhost.invalid:29146 does not resolve to an address; "
            + "name a server that runs with --cluster or Summits:Cluster", said);
        // An IP address is never looked up: a server there that does not answer is said as one.
        Assert.Equal("the cluster's Redis server at redis://127.0.0.1:1 does not answer; start it, or name the server that runs with --cluster or Summits:Cluster",
            ClusterException.Unreachable(Address("redis://127.0.0.1:1"), "summits", failure).Message);
    }
}
