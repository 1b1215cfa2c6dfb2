namespace Summits.Grains.Tests;

/// <summary>The tests that share the one <see cref="ClusterFixture"/>; each uses world ids of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>The tests that share the one <see cref="CheckpointEvery3Fixture"/>, whose worlds write every third advance.</summary>
[CollectionDefinition(Name)]
public sealed class CheckpointEvery3Collection : ICollectionFixture<CheckpointEvery3Fixture>
{
    public const string Name = "cluster, a checkpoint every 3 advances";
}

/// <summary>The tests that share the one <see cref="CheckpointEvery2Fixture"/>, whose worlds write every second advance.</summary>
[CollectionDefinition(Name)]
public sealed class CheckpointEvery2Collection : ICollectionFixture<CheckpointEvery2Fixture>
{
    public const string Name = "cluster, a checkpoint every 2 advances";
}

/// <summary>The shipped-scenario fault runs, on the one <see cref="ShippedFaultFixture"/>, at the checkpoint interval they are given.</summary>
[CollectionDefinition(Name)]
public sealed class ShippedFaultCollection : ICollectionFixture<ShippedFaultFixture>
{
    public const string Name = "cluster, the shipped scenarios under faults";
}
