namespace Summits.Cluster.Tests;

/// <summary>
/// A test that needs a <c>redis-server</c>: skipped, with <see cref="RedisServer.SkipReason()"/>'s message saying how
/// to install it, on a machine that has none, unless the environment variable <c>CI</c> is <c>true</c> (as
/// <c>.ci/run</c> sets it), where the test runs and fails rather than pass unseen.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    /// <summary>A cluster test, skipped as the type's summary says.</summary>
    public ClusterFactAttribute() => Skip = RedisServer.SkipReason();
}

/// <summary>A theory that needs a <c>redis-server</c>, skipped as <see cref="ClusterFactAttribute"/> is.</summary>
public sealed class ClusterTheoryAttribute : TheoryAttribute
{
    /// <summary>A cluster theory, skipped as <see cref="ClusterFactAttribute"/>'s summary says.</summary>
    public ClusterTheoryAttribute() => Skip = RedisServer.SkipReason();
}
