using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Summits.Cli.Bench;
using Summits.Hosting;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// One classroom for a collection of tests, on 127.0.0.1 at a port the system chooses, playing north-korea-line (the
/// shipped exercise with a shock) at <see cref="Tables"/> tables: each test plays at tables of its own. Stopped with
/// the collection.
/// </summary>
public sealed class ClassroomFixture : IAsyncLifetime
{
    /// <summary>Enough tables that no two tests share one.</summary>
    public const int Tables = 26;

    private ClassroomServer? _server;
    private readonly StringWriter _warnings = new();

    public ClassroomServer Server => _server ?? throw new InvalidOperationException("the classroom has not started");

    public Exercise Exercise { get; } = ExerciseFile.Load(SeedFiles.File("scenarios", "exercises", "north-korea-line.yaml"));

    /// <summary>What the classroom wrote as warnings or errors.</summary>
    public string Warnings => _warnings.ToString();

    public async Task InitializeAsync() => _server = await StartAsync(Tables, _warnings);

    /// <summary>
    /// Another classroom of <paramref name="tables"/> tables playing the same exercise, on a port of its own, for a test
    /// that reads every table of a classroom (the debrief) and so needs tables no other test plays at.
    /// </summary>
    public Task<ClassroomServer> StartAsync(int tables, TextWriter warnings) =>
        ClassroomServer.StartAsync(Exercise, port: 0, tables, SummitsSettings.Read(new ConfigurationBuilder().Build()), TextWriter.Synchronized(warnings));

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    /// <summary>A connection to the hub as a page makes it: WebSockets alone, without negotiation.</summary>
    public Task<HubConnection> ConnectAsync() => ClassroomLoad.ConnectAsync(Server);
}

[CollectionDefinition(Name)]
public sealed class ClassroomCollection : ICollectionFixture<ClassroomFixture>, ICollectionFixture<Summits.Reports.Tests.ReportBrowser>
{
    public const string Name = "classroom";
}
