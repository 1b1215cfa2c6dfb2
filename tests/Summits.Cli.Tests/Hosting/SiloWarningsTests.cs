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
        // GRAIN" at Error, under the storage's category; the innermost cause's kind and message end the same line.
        var storage = lines.Where(l => l.Contains("Error from storage provider RefusingStorage.", StringComparison.Ordinal)).ToList();
        Assert.True(storage.Count > 0, $"no storage error among what was written:\n{warnings}");
        Assert.All(storage, line =>
        {
            // A logger's category names a nested type with '.' where the runtime writes '+'.
            Assert.StartsWith("summits seed: error: Summits.Cli.Tests.SiloWarningsTests.RefusingStorage: Error from storage provider RefusingStorage.", line);
            Assert.Contains(" during WriteStateAsync for grain ", line);
            Assert.EndsWith($"({nameof(IOException)}: {RefusingStorage.Refusal})", line);
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

        // Exactly the two lines, in the order written, each beginning with the command as its other lines do; the
        // Orleans error as the runtime's note ("orleans:", its category's last part); the three Orleans warnings left no line.
        Assert.Equal(
            "summits run: warning: Summits.Grains.WorldGrain: World w: advance 2 failed and changed nothing; it may be run again\n"
            + "summits run: orleans: Silo: Membership table unreachable\n",
            warnings.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_record_with_an_exception_of_several_lines_is_written_as_one()
    {
        var line = StandardErrorLoggerProvider.Line("summits whatif", Microsoft.Extensions.Logging.LogLevel.Warning, "Summits.Grains.WorldGrain", "Advance\nfailed\tonce", new InvalidOperationException("first\nsecond"));

        Assert.Equal("summits whatif: warning: Summits.Grains.WorldGrain: Advance failed once (InvalidOperationException: first second)", line);
    }

    [Fact]
    public void A_silo_warning_is_one_short_line_with_its_innermost_cause()
    {
        // A trial's warning when Redis stopped mid-run: the storage's error wraps the Redis connection's, and its message
        // quotes the inner exception and its stack frames with build paths.
        var redis = new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.SocketClosed,
            "SocketClosed (ReadEndOfStream, last-recv: 0) on 127.0.0.1:29146/Interactive");
        var storage = new OrleansException("Error from storage provider RedisGrainStorage.summits during WriteStateAsync for grain world/w "
            + "Exc=StackExchange.Redis.RedisConnectionException: SocketClosed\n   at Orleans.Persistence.RedisGrainStorage.WriteStateAsync(String grainType) in /_/src/Redis/Orleans.Persistence.Redis/Storage/RedisGrainStorage.cs:line 175", redis);

        var line = StandardErrorLoggerProvider.Line("summits silo", LogLevel.Warning, "Summits.Grains.WorldGrain",
            "World w: advance 58 failed and changed nothing; it may be run again", storage);

        // The innermost cause alone, its type without its namespace: no storage message, no frame, no path.
        Assert.Equal("summits silo: warning: Summits.Grains.WorldGrain: World w: advance 58 failed and changed nothing; it may be run again "
            + "(RedisConnectionException: SocketClosed (ReadEndOfStream, last-recv: 0) on 127.0.0.1:29146/Interactive)", line);

        // An innermost message that quotes a frame ends before it; one of 300 characters is cut to 200, 199 'y' and '…'.
        var framed = StandardErrorLoggerProvider.Line("summits silo", LogLevel.Error, "Summits.Grains.WorldGrain", "m",
            new InvalidOperationException("outer", new IOException("Broken pipe\n   at System.Net.Sockets.Socket.Send(Byte[] buffer) in /_/src/Socket.cs:line 3")));
        Assert.Equal("summits silo: error: Summits.Grains.WorldGrain: m (IOException: Broken pipe)", framed);
        var cut = StandardErrorLoggerProvider.Line("summits silo", LogLevel.Warning, "Summits.Grains.WorldGrain", new string('y', 300), null);
        Assert.Equal("summits silo: warning: Summits.Grains.WorldGrain: " + new string('y', 199) + "…", cut);
    }

    [Fact]
    public void A_storage_error_that_carries_its_cause_in_its_message_is_named_itself_and_the_line_is_cut_to_300_characters()
    {
        // A trial's warning: Orleans' RedisStorageException has no InnerException, the Redis connection's failure is in its
        // text; the test's RedisStorageException has that shape.
        const string storage = "Failed to read grain state for timeline with ID timeline/w and storage key summits/state/timeline/w. "
            + "RedisConnectionException: SocketClosed (ReadEndOfStream, last-recv: 0) on 127.0.0.1:21609/Interactive, Idle/Faulted, last: GET, origin: ReadFromPipe, outstanding: 1";

        var line = StandardErrorLoggerProvider.Line("summits silo", LogLevel.Warning, "Summits.Grains.WorldGrain",
            "World w: advance 58 failed and changed nothing; it may be run again", new RedisStorageException(storage));

        // Uncut it would be 142 characters up to "(RedisStorageException: ", then the message cut to 200: 343 in all. Cut to 300:
        // 299 characters, the storage message's first 299 - 142 = 157 (up to "(ReadEndOfStream,"), and "…".
        Assert.Equal("summits silo: warning: Summits.Grains.WorldGrain: World w: advance 58 failed and changed nothing; it may be run again "
            + "(RedisStorageException: Failed to read grain state for timeline with ID timeline/w and storage key summits/state/timeline/w. "
            + "RedisConnectionException: SocketClosed (ReadEndOfStream,…", line);
        Assert.Equal(300, line.Length);
    }

    [Fact]
    public void An_Orleans_record_is_one_short_line_of_the_runtime_not_an_error_of_the_command()
    {
        // The record a silo wrote in a trial when a client's routing table did not reach another silo in time: its message
        // and the exception's, which quotes a stack frame.
        var line = StandardErrorLoggerProvider.Line("summits silo", LogLevel.Error, "Orleans.Runtime.GrainDirectory.ClientDirectory",
            "Exception publishing client routing table to silo S127.0.0.1:21412:1",
            new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request\n at Orleans.Runtime.CallbackData.OnTimeout() in /_/src/CallbackData.cs:line 9"));

        // "orleans:" in place of "error:", the category's last part, the exception's type without its namespace, its
        // message up to the first frame (" at Orleans.Runtime.CallbackData.OnTimeout(").
        Assert.Equal("summits silo: orleans: ClientDirectory: Exception publishing client routing table to silo S127.0.0.1:21412:1 "
            + "(TimeoutException: Response did not arrive on time in 00:00:30 for message: Request)", line);

        // A message of 300 characters is cut to 200, the last of them an ellipsis: 199 'x' and '…'.
        var cut = StandardErrorLoggerProvider.OrleansLine("summits silo", "Orleans.Runtime.Messaging.Connection", new string('x', 300), null);
        Assert.Equal("summits silo: orleans: Connection: " + new string('x', 199) + "…", cut);
    }

    [Fact]
    public void Polly_records_of_Orleans_retries_are_the_runtimes_short_lines()
    {
        // Orleans runs its Redis calls through Polly's retry pipelines, which log under the category "Polly": after a silo
        // is killed, a warning for each retry and an error for the last, its exception quoting a stack.
        var error = new StringWriter();
        using (var loggers = LoggerFactory.Create(logging => StandardErrorLoggerProvider.AddFilters(logging.AddProvider(new StandardErrorLoggerProvider(error, "summits silo")))))
        {
            var polly = loggers.CreateLogger("Polly");
            polly.LogWarning("Execution attempt. Source: 'Orleans.Clustering.Redis/(null)/Retry', Operation Key: '', Result: 'x', Handled: 'True', Attempt: '0'");
            polly.LogError(new InvalidOperationException("Connection to the silo was refused\n at Orleans.Runtime.Messaging.ConnectionManager.ConnectAsync(SiloAddress address)"),
                "Execution attempt. Source: 'Orleans.Clustering.Redis/(null)/Retry', Operation Key: '', Result: '" + new string('r', 300) + "', Handled: 'False', Attempt: '3'");
        }

        // The warning stays off, as Orleans' own warnings do. The error is "orleans:", the category "Polly", its message
        // cut to 200 characters: the 96 before the result ("Execution attempt. Source: 'Orleans.Clustering.Redis/(null)/Retry', "
        // is 68, "Operation Key: '', " 19, "Result: '" 9) and 103 'r' make 199, then '…'; the exception's type without its
        // namespace and its message up to the first frame.
        var cut = "Execution attempt. Source: 'Orleans.Clustering.Redis/(null)/Retry', Operation Key: '', Result: '" + new string('r', 103) + "…";
        Assert.Equal($"summits silo: orleans: Polly: {cut} (InvalidOperationException: Connection to the silo was refused)\n", error.ToString());
    }

    [Fact]
    public void While_the_host_stops_on_purpose_Orleans_records_are_left_out_and_the_hosts_own_are_written()
    {
        // A classroom's silo stopping on SIGTERM once wrote Orleans' note that a call's cancellation could not reach the
        // silo going away. Before the stop, such a record is a line; once Stopping is set, the same record is none, while
        // an Orleans storage's record (a state that could not be written) and a Summits record are still one line each.
        var error = new StringWriter { NewLine = "\n" };
        var provider = new StandardErrorLoggerProvider(error, "summits classroom");
        var cancellation = provider.CreateLogger("Orleans.Runtime.GrainCallCancellationManager");
        var storage = provider.CreateLogger("Orleans.Storage.RedisGrainStorage");
        var table = provider.CreateLogger("Summits.Classroom.TableGrain");

        cancellation.LogError(new EventId(3), "Error while cancelling 1 requests to S127.0.0.1:1:1");
        provider.Stopping = true;
        cancellation.LogError(new EventId(4), "Error while cancelling 2 requests to S127.0.0.1:1:1");
        storage.LogError(new EventId(5), "Error writing state for table/c-1");
        table.LogWarning("Table 1: the record could not be written");

        Assert.Equal(
            "summits classroom: orleans: GrainCallCancellationManager: Error while cancelling 1 requests to S127.0.0.1:1:1\n"
            + "summits classroom: orleans: RedisGrainStorage: Error writing state for table/c-1\n"
            + "summits classroom: warning: Summits.Classroom.TableGrain: Table 1: the record could not be written\n",
            error.ToString());
    }

    [Fact]
    public void One_kind_of_Orleans_record_is_written_once_a_minute_at_most_and_the_next_line_counts_those_left_out()
    {
        var error = new StringWriter { NewLine = "\n" };
        var clock = new SteppedClock();
        var provider = new StandardErrorLoggerProvider(error, "summits silo", clock);
        var membership = provider.CreateLogger("Orleans.Runtime.MembershipService.MembershipAgent");
        var connection = provider.CreateLogger("Orleans.Runtime.Messaging.Connection");
        var ownCategory = provider.CreateLogger("Summits.Grains.WorldGrain");

        // Five of one kind in 59 seconds: the first is written, four are left out. Another kind, and a Summits record,
        // are written meanwhile each on its own.
        for (var i = 0; i < 5; i++)
        {
            membership.LogError(new EventId(7), "Error updating status to ShuttingDown");
            clock.Now += TimeSpan.FromSeconds(i < 4 ? 14.75 : 0);
        }
        connection.LogError(new EventId(7), "Exception sending message");
        ownCategory.LogWarning("World w: advance 2 failed");
        ownCategory.LogWarning("World w: advance 2 failed");
        // A minute after the first line (4 × 14.75 s = 59 s, then 1 s more), the kind is written again, with the count.
        clock.Now += TimeSpan.FromSeconds(1);
        membership.LogError(new EventId(7), "Error updating status to ShuttingDown");

        Assert.Equal(
            "summits silo: orleans: MembershipAgent: Error updating status to ShuttingDown\n"
            + "summits silo: orleans: Connection: Exception sending message\n"
            + "summits silo: warning: Summits.Grains.WorldGrain: World w: advance 2 failed\n"
            + "summits silo: warning: Summits.Grains.WorldGrain: World w: advance 2 failed\n"
            + "summits silo: orleans: MembershipAgent: Error updating status to ShuttingDown (and 4 more like it since the last, left out)\n",
            error.ToString());
    }

    [Fact]
    public void The_records_one_Redis_failure_makes_are_one_line_a_minute_for_each_cause_in_our_words()
    {
        // A silo whose Redis server went away, as a user saw it: one storage read that failed made five lines (the Redis
        // storage's record, the storage bridge's, and three of the activation it was for, naming activation ids and
        // type names). Here: the storage's record and the activation's, both for Redis closing the connection, then
        // a reminder that met the server refusing it, then, 30 s and 61 s after the first, the activation's again.
        var error = new StringWriter { NewLine = "\n" };
        var clock = new SteppedClock();
        var provider = new StandardErrorLoggerProvider(error, "summits silo", clock) { Redis = "127.0.0.1:16778" };
        var storage = provider.CreateLogger("Orleans.Storage.RedisGrainStorage");
        var grain = provider.CreateLogger("Orleans.Grain");
        var reminders = provider.CreateLogger("Orleans.Runtime.ReminderService.LocalReminderService");
        var closed = new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.SocketClosed, "SocketClosed on 127.0.0.1:16778/Interactive");
        var carried = new Orleans.Runtime.OrleansException("Error from storage provider RedisGrainStorage.summits during ReadStateAsync for grain timelinepage/w/timeline-0",
            new Orleans.Persistence.Redis.RedisStorageException("Failed to read grain state for timeline grain with ID timelinepage/w/timeline-0. StackExchange.Redis.RedisConnectionException: SocketClosed on 127.0.0.1:16778/Interactive"));
        var refused = new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.UnableToConnect, "UnableToConnect on 127.0.0.1:16778/Interactive");

        storage.LogError(new EventId(1), closed, "Failed to read grain state for timeline grain with ID timelinepage/w/timeline-0 and storage key summits/state/timelinepage/w/timeline-0/timeline");
        grain.LogError(new EventId(2), carried, "Error activating grain [Activation: S127.0.0.1:11111:1/timelinepage/w/timeline-0@5154f8a5#GrainType=Summits.Grains.TimelinePageGrain]");
        reminders.LogError(new EventId(3), refused, "Could not deliver reminder tick for [drive, world/w]");
        clock.Now += TimeSpan.FromSeconds(30);
        grain.LogError(new EventId(2), carried, "Error activating grain world/w");
        clock.Now += TimeSpan.FromSeconds(31);
        grain.LogError(new EventId(2), carried, "Error activating grain world/w");

        // The storage's record in our words (the grain named, its storage key left out); the activation's left out as
        // the same cause within the minute, and so is the one 30 s on; the reminder's, of another cause, said at once.
        // At 61 s the cause is said again with the 2 left out since.
        Assert.Equal(
            "summits silo: orleans: RedisGrainStorage: a grain's state could not be read: timelinepage/w/timeline-0 (Redis at 127.0.0.1:16778 closed the connection)\n"
            + "summits silo: orleans: LocalReminderService: Could not deliver reminder tick for [drive, world/w] (Redis at 127.0.0.1:16778 refused the connection)\n"
            + "summits silo: orleans: Grain: Error activating grain world/w (Redis at 127.0.0.1:16778 closed the connection) (and 2 more like it since the last, left out)\n",
            error.ToString());
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

/// <summary>An exception shaped as Orleans' Redis storage's: its cause is in its message, with no inner exception.</summary>
internal sealed class RedisStorageException(string message) : Exception(message);
