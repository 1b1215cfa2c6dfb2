using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;
using Summits.Cli.Hosting;
using Summits.Hosting;
using Summits.Grains;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>With telemetry off, the embedded silo's own warnings and errors still reach standard error, one line each.</summary>
public sealed class SiloWarningsTests
{
    [Fact]
    public async Task An_Orleans_storage_error_is_one_line_on_standard_error_without_telemetry()
    {
        var warnings = new StringWriter();
        var world = WorldFile.Load(Path.Combine(AppContext.BaseDirectory, "scenarios", "summits", "2017-11-06-abe-trump.yaml"));
        await using (var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None,
            configure: builder => builder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Summits, new RefusingStorage()), warnings: warnings, command: "summits seed"))
        {
            // Seeding writes every country's state; the storage refuses, and Orleans logs the failure itself.
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => silo.Grains.GetGrain<IWorldGrain>(world.Id).Seed(world));
            Assert.Contains(RefusingStorage.Refusal, refused.ToString());
        }

        var lines = warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Orleans' state storage bridge logs "Error from storage provider PROVIDER.STATE during WriteState for grain
        // GRAIN" at Error, under the storage's category; the exception's kind and message end the same line.
        var storage = lines.Where(l => l.Contains("Error from storage provider RefusingStorage.", StringComparison.Ordinal)).ToList();
        Assert.True(storage.Count > 0, $"no storage error among what was written:\n{warnings}");
        Assert.All(storage, line =>
        {
            // A logger's category names a nested type with '.' where the runtime writes '+'.
            Assert.StartsWith("summits seed: error: Summits.Cli.Tests.SiloWarningsTests.RefusingStorage: Error from storage provider RefusingStorage.", line);
            Assert.Contains(" during WriteStateAsync for grain ", line);
            Assert.EndsWith($"({typeof(IOException).FullName}: {RefusingStorage.Refusal})", line);
        });
    }

    [Fact]
    public async Task Orleans_warnings_about_a_loaded_machine_stay_off_standard_error_while_Summits_warnings_and_Orleans_errors_reach_it()
    {
        var warnings = new StringWriter();
        await using (var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None, warnings: warnings, command: "summits run"))
        {
            var loggers = silo.Services.GetRequiredService<ILoggerFactory>();
            // The records Orleans writes on a loaded machine: a turn that ran long (its scheduler's category), a timer
            // that fired late, a starved CPU; each at Warning, in the words Orleans 10 uses.
            loggers.CreateLogger("Orleans.Runtime.Scheduler.WorkItemGroup").LogWarning("Task [Id=1] in WorkGroup [Activation: world/w] took elapsed time 0:00:00.4 for execution, which is longer than 00:00:00.2");
            loggers.CreateLogger("Orleans.Runtime.AsyncTimer").LogWarning("Timer should have fired at 10:00:00 but fired at 10:00:01, which is 00:00:01 longer than expected");
            loggers.CreateLogger("Orleans.Runtime.Watchdog").LogWarning("Watchdog Freeze Alert: the process was starved of CPU");
            // A Summits warning, under the world grain's category, and an Orleans error: both are the user's to see.
            loggers.CreateLogger("Summits.Grains.WorldGrain").LogWarning("World w: advance 2 failed and changed nothing; it may be run again");
            loggers.CreateLogger("Orleans.Runtime.Silo").LogError("Membership table unreachable");
        }

        // Exactly the two lines, in the order written, each beginning with the command as its other lines do
        // ("summits run: error: ..."); the three Orleans warnings left no line.
        Assert.Equal(
            "summits run: warning: Summits.Grains.WorldGrain: World w: advance 2 failed and changed nothing; it may be run again\n"
            + "summits run: error: Orleans.Runtime.Silo: Membership table unreachable\n",
            warnings.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_record_with_an_exception_of_several_lines_is_written_as_one()
    {
        var line = StandardErrorLoggerProvider.Line("summits whatif", Microsoft.Extensions.Logging.LogLevel.Warning, "Orleans.Runtime.Silo", "Membership\ntable\tslow", new InvalidOperationException("first\nsecond"));

        Assert.Equal("summits whatif: warning: Orleans.Runtime.Silo: Membership table slow (System.InvalidOperationException: first second)", line);
    }

    /// <summary>A grain storage that reads nothing and refuses every write.</summary>
    private sealed class RefusingStorage : IGrainStorage
    {
        public const string Refusal = "the storage refuses every write";

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new IOException(Refusal);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }
}
