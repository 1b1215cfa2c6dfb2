using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using Summits.Hosting;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>
/// A run in grains whose call does not answer in time asks again for the same call, and so writes the clean run's
/// bytes; a call that never answers ends in one line naming it. The client of this cluster waits
/// <see cref="Timeout"/> for an answer, and the storage holds the world's write that ends the second advance
/// until the test lets it go, so that the first call of that advance times out every time.
/// </summary>
public sealed class TimedOutCallTests : IAsyncLifetime
{
    /// <summary>Short, so that a timeout comes soon; long enough for every call of the short run when nothing is held.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly InProcessTestCluster _cluster;

    public TimedOutCallTests()
    {
        var builder = new InProcessTestClusterBuilder(1);
        // A checkpoint every advance, so that each advance ends in a write of the world (HoldAdvanceOne).
        builder.ConfigureSilo((_, silo) => silo.AddSummits(o =>
        {
            o.WrapStorage = (services, storage) => new ChosenFaultStorage(storage, services.GetRequiredService<IGrainStorageSerializer>());
            o.CheckpointEvery = 1;
        }));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = Timeout));
        _cluster = builder.Build();
    }

    private ChosenFaultStorage Storage =>
        (ChosenFaultStorage)((InProcessSiloHandle)_cluster.Silos[0]).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Summits);

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>
    /// The world's fourth write ends advance 1: the first is its seeding, the second its start, the third ends
    /// advance 0 (the Okinawa shock) and the fourth advance 1 (the US's FTA ask, which Japan answers).
    /// </summary>
    private StoragePause HoldAdvanceOne(string key) =>
        Storage.Pause(StorageOperation.Write, "world", GrainId.Create("world", key), 4);

    [Fact]
    public async Task An_advance_that_times_out_once_is_asked_again_and_the_run_writes_the_clean_runs_bytes()
    {
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.Short);
        var quiet = new GrainAsking(Timeout, 3, null);
        // The expected bytes: the same scenario run on a world of its own with nothing held.
        var clean = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of($"clean-{Guid.NewGuid():N}"), asking: quiet);

        var key = $"timed-out-{Guid.NewGuid():N}";
        var pause = HoldAdvanceOne(key);
        var said = new LineWriter();
        // The write is let go once the second try has been asked for: the first call then completes behind the
        // client's back, and the second, queued behind it, finds advance 1 completed and returns its answer again.
        var release = Task.Run(async () =>
        {
            await pause.Reached;
            await said.FirstLine;
            pause.Release();
        });
        var run = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(key), asking: quiet with { Say = said });
        await release;

        Assert.Equal(RunFiles.Timeline(clean), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(clean), RunFiles.State(run));
        // One timeout, of advance 1, said once: 5 s is Timeout, and the second try is the 2nd of 3.
        Assert.Equal($"summits: warning: advance 1 of world {key} did not answer within 5 s; asking again (2 of 3)\n", said.ToString());
    }

    [Fact]
    public async Task An_advance_that_never_answers_ends_in_one_line_naming_it_after_every_try()
    {
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.Short);
        var key = $"never-{Guid.NewGuid():N}";
        var pause = HoldAdvanceOne(key);
        var said = new LineWriter();
        try
        {
            var failure = await Assert.ThrowsAsync<GrainTimeoutException>(() =>
                ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of(key), asking: new GrainAsking(Timeout, 3, said)));

            // Three tries of advance 1, each timing out after 5 s: the 2nd and 3rd are said as asked, the end in one line.
            Assert.Equal($"advance 1 of world {key} did not answer within 5 s, 3 tries", failure.Message);
            Assert.Equal(
                $"summits: warning: advance 1 of world {key} did not answer within 5 s; asking again (2 of 3)\n" +
                $"summits: warning: advance 1 of world {key} did not answer within 5 s; asking again (3 of 3)\n",
                said.ToString());
            Assert.IsType<TimeoutException>(failure.InnerException);
        }
        finally
        {
            pause.Release();
        }
    }

    /// <summary>A string writer that also tells when its first line has been written.</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstLine => _first.Task;

        public override void WriteLine(string? value)
        {
            lock (this)
                base.WriteLine(value);
            _first.TrySetResult();
        }
    }
}
