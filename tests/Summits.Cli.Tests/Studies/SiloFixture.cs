using Summits.Cli.Hosting;

namespace Summits.Cli.Tests;

/// <summary>One embedded silo shared by the tests that run studies in grains: starting a silo costs more than a study.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public EmbeddedSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None);

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "embedded silo";
}
