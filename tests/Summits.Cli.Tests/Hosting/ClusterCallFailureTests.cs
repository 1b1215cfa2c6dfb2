using Microsoft.Extensions.Logging;
using Summits.Cli.Hosting;
using Summits.Hosting;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>
/// A grain call to a cluster that failed for the cluster's sake is one line in our words: what failed, the cause, what to
/// do, never Orleans' text or an exception's type; and a silo's warning says a Redis cause in our words.
/// </summary>
public sealed class ClusterCallFailureTests
{
    private static readonly SummitsSettings Settings =
        SummitsSettings.Default with { Cluster = ClusterAddress.Read("redis://127.0.0.1:16515", out _)!, CallTimeout = TimeSpan.FromSeconds(30) };

    private const string Retire = "world w-run-0123456789ab could not be retired";

    private static string? Said(Exception failure) => ClusterCallFailure.Of(failure, Settings, Retire, CancellationToken.None)?.Message;

    [Fact]
    public void A_storage_error_cut_short_under_load_is_a_Redis_server_that_did_not_answer_in_time()
    {
        // What a user met under load: Orleans' error of the grain storage around the cancellation of the Redis call.
        var failure = new Orleans.Runtime.OrleansException("Error from storage provider RedisGrainStorage.summits during ClearStateAsync for grain world/w-run-0123456789ab"
            + "\nExc level 0: System.Threading.Tasks.TaskCanceledException: A task was canceled.", new TaskCanceledException());

        Assert.Equal($"{Retire}: Redis at 127.0.0.1:16515 did not answer in time; check that the cluster's Redis server at redis://127.0.0.1:16515 runs and answers, then retry",
            Said(failure));
    }

    [Fact]
    public void A_Redis_timeout_quoted_in_a_storage_error_says_how_long_Redis_was_waited_for()
    {
        // Orleans' Redis storage keeps StackExchange.Redis's error in its own message, with no inner exception; "(5000ms)" is 5 s.
        var failure = new Orleans.Persistence.Redis.RedisStorageException("Failed to clear grain state for world grain with ID world/w and storage key s/state/world/w/world. "
            + "StackExchange.Redis.RedisTimeoutException: Timeout performing DEL (5000ms), next: DEL s/state/world/w/world, inst: 0");

        Assert.Equal($"{Retire}: Redis at 127.0.0.1:16515 did not answer within 5 s; check that the cluster's Redis server at redis://127.0.0.1:16515 runs and answers, then retry",
            Said(failure));
    }

    [Fact]
    public void A_Redis_server_still_loading_its_dataset_is_said_with_its_own_words()
    {
        // A Redis server restarted with an append-only file answers LOADING until it has read it back.
        var failure = new Orleans.Runtime.OrleansException("Error from storage provider RedisGrainStorage.summits during ReadStateAsync",
            new StackExchange.Redis.RedisServerException("LOADING Redis is loading the dataset in memory"));

        Assert.Equal($"{Retire}: Redis at 127.0.0.1:16515 answered with an error: LOADING Redis is loading the dataset in memory; "
            + "check that the cluster's Redis server at redis://127.0.0.1:16515 runs and answers, then retry", Said(failure));
    }

    [Fact]
    public void A_connection_to_a_Redis_server_still_loading_is_said_in_our_words()
    {
        // What a client printed while its cluster's Redis server restarted: StackExchange.Redis's failure type "Loading"
        // and its connection's internals, which the line leaves out.
        var failure = new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.Loading,
            "Loading (None, last-recv: 455) on 127.0.0.1:16515/Interactive, Idle/ComputeResult, last: HGETALL, origin: SetResult");

        Assert.Equal($"{Retire}: Redis at 127.0.0.1:16515 was still loading its dataset after a restart; "
            + "check that the cluster's Redis server at redis://127.0.0.1:16515 runs and answers, then retry", Said(failure));
    }

    [Fact]
    public void A_Redis_server_that_refuses_connections_is_said_so()
    {
        var failure = new Orleans.Persistence.Redis.RedisStorageException("Failed to read grain state for world grain with ID world/w. "
            + "StackExchange.Redis.RedisConnectionException: No connection is active/available to service this operation: HGETALL s/state/world/w/world; "
            + "UnableToConnect on 127.0.0.1:16515/Interactive");

        Assert.Equal($"{Retire}: Redis at 127.0.0.1:16515 refused the connection; check that the cluster's Redis server at redis://127.0.0.1:16515 runs and answers, then retry",
            Said(failure));
    }

    [Fact]
    public void A_call_the_cluster_did_not_answer_names_the_call_timeout()
    {
        // The client's response timeout of 30 s (Summits:CallTimeout above).
        var failure = new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request [S127.0.0.1:1:0 sys.client]->[S127.0.0.1:2:0 world/w]");

        Assert.Equal($"{Retire}: the cluster did not answer within 30 s; check that its silos and its Redis server at redis://127.0.0.1:16515 run, then retry", Said(failure));
        Assert.Equal($"{Retire}: the cluster did not answer within 30 s; check that its silos and its Redis server at redis://127.0.0.1:16515 run, then retry",
            Said(new GrainTimeoutException("advance 3 of world w did not answer within 30 s, 3 tries", failure)));
    }

    [Fact]
    public void A_lost_connection_to_the_silos_is_said_with_the_command_that_starts_one()
    {
        var failure = new Orleans.Runtime.Messaging.ConnectionFailedException("Unable to connect to endpoint S127.0.0.1:30000:0. See InnerException");

        Assert.Equal($"{Retire}: the connection to the cluster's silos failed; check that its silos run ('summits silo --cluster redis://127.0.0.1:16515'), then retry", Said(failure));
    }

    [Fact]
    public void A_cancellation_nobody_asked_for_is_a_call_cut_short_but_Ctrl_C_and_a_commands_own_failure_pass_through()
    {
        Assert.Equal($"{Retire}: the call was cut short before the cluster answered; check that its silos and its Redis server at redis://127.0.0.1:16515 run, then retry",
            Said(new TaskCanceledException()));
        Assert.Null(ClusterCallFailure.Of(new TaskCanceledException(), Settings, Retire, new CancellationToken(canceled: true)));
        Assert.Null(Said(new InvalidOperationException("world 'w' has no scenario running")));
    }

    [Fact]
    public void A_silos_warning_whose_cause_is_Redis_says_it_in_our_words_without_the_exceptions_type()
    {
        // The record of a trial's silo: Orleans' RedisStorageException has no InnerException, the Redis failure is in its text.
        var failure = new Orleans.Persistence.Redis.RedisStorageException("Failed to read grain state for timeline with ID timeline/w and storage key summits/state/timeline/w. "
            + "RedisConnectionException: SocketClosed (ReadEndOfStream, last-recv: 0) on 127.0.0.1:21609/Interactive, Idle/Faulted, last: GET");

        var line = StandardErrorLoggerProvider.Line("summits silo", LogLevel.Warning, "Summits.Grains.WorldGrain",
            "World w: advance 58 failed and changed nothing; it may be run again", failure, redis: "127.0.0.1:21609");

        Assert.Equal("summits silo: warning: Summits.Grains.WorldGrain: World w: advance 58 failed and changed nothing; it may be run again "
            + "(Redis at 127.0.0.1:21609 closed the connection)", line);
    }

    [Fact]
    public void Orleans_note_of_a_storage_error_says_the_grain_and_the_Redis_cause_in_our_words()
    {
        var failure = new Orleans.Persistence.Redis.RedisStorageException("Failed to write grain state. StackExchange.Redis.RedisTimeoutException: Timeout performing EVALSHA (5000ms)");

        var line = StandardErrorLoggerProvider.Line("summits silo", LogLevel.Error, "Orleans.Storage.RedisGrainStorage",
            "Error from storage provider RedisGrainStorage.summits during WriteStateAsync for grain world/w(null)\nExc level 0: Orleans.Persistence.Redis.RedisStorageException: Failed",
            failure, redis: "127.0.0.1:21609");

        Assert.Equal("summits silo: orleans: RedisGrainStorage: a grain's state could not be written: world/w (Redis at 127.0.0.1:21609 did not answer within 5 s)", line);
    }
}
