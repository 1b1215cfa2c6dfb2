namespace Summits.Cluster.Tests;

/// <summary>When a cluster test is skipped: only outside CI, on a machine without <c>redis-server</c>.</summary>
public sealed class ClusterSkipTests : IDisposable
{
    private readonly DirectoryInfo _without = Directory.CreateTempSubdirectory("summits-no-redis-");
    private readonly DirectoryInfo _with = Directory.CreateTempSubdirectory("summits-redis-bin-");

    public ClusterSkipTests() => File.WriteAllText(Path.Combine(_with.FullName, "redis-server"), "");

    [Theory]
    // No redis-server in the folders searched, and CI unset or not "true": skipped, saying how to install it.
    [InlineData(null)]
    [InlineData("")]
    [InlineData("false")]
    public void Without_redis_server_outside_CI_a_cluster_test_is_skipped_saying_how_to_install_it(string? ci) =>
        Assert.Equal("the cluster tests need redis-server, which is not installed: 'sudo apt-get install redis-server' (bash tests/run installs it)",
            RedisServer.SkipReason(ci, [_without.FullName]));

    [Theory]
    // CI=true (as .ci/run sets it, in either case): the test runs, and fails for want of the server, rather than pass unseen.
    [InlineData("true")]
    [InlineData("TRUE")]
    public void Without_redis_server_in_CI_a_cluster_test_runs(string ci) =>
        Assert.Null(RedisServer.SkipReason(ci, [_without.FullName]));

    [Theory]
    // A redis-server in one of the folders searched (the second here): the test runs, in CI or not.
    [InlineData(null)]
    [InlineData("true")]
    public void With_redis_server_a_cluster_test_runs(string? ci) =>
        Assert.Null(RedisServer.SkipReason(ci, [_without.FullName, _with.FullName]));

    public void Dispose()
    {
        _without.Delete(recursive: true);
        _with.Delete(recursive: true);
    }
}
