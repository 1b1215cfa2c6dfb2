namespace Summits.Grains.Tests;

/// <summary>The tests that share the one <see cref="ClusterFixture"/>; each uses world ids of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
