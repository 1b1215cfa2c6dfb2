using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using StackExchange.Redis;
using Summits.Cli.Commands;
using Summits.Cli.Hosting;
using Summits.Hosting;

namespace Summits.Cli.Tests;

/// <summary>
/// How <c>summits worlds watch</c> asks the cluster while a silo dies (<see cref="WorldPatience"/>): which failures of a
/// grain call mean "the cluster does not answer, ask again", which are errors, and that the user's Ctrl-C is never
/// taken for a silence. A watch once ended with <c>error: A task was canceled (System.Threading.Tasks.TaskCanceledException)</c>
/// and exit 3 after the world it watched had moved to a silo that lives: a cancellation nobody asked for is a silence.
/// </summary>
public sealed class WorldPatienceTests
{
    private const string Command = "summits worlds watch";
    private const string World = "abe-trump-2017-11-06-run-0123456789ab";

    // A cluster whose Redis server is at 127.0.0.1:16515 and whose calls time out after 30 s, as the lines name them.
    private static readonly SummitsSettings Settings =
        SummitsSettings.Default with { Cluster = ClusterAddress.Read("redis://127.0.0.1:16515", out _)!, CallTimeout = TimeSpan.FromSeconds(30) };

    public static TheoryData<string, Exception, bool> Failures => new()
    {
        // Silences: a token inside Orleans or a client library that fired or was cut, with the user's token whole; a
        // timeout; a silo gone or its connection lost.
        { "a task canceled", new TaskCanceledException(), true },
        { "an operation canceled", new OperationCanceledException(), true },
        { "the response timeout", new TimeoutException("Response did not arrive on time"), true },
        { "a dead silo", new SiloUnavailableException("The target silo became unavailable"), true },
        { "a failed connection", new ConnectionFailedException("Unable to connect to endpoint"), true },
        { "all of a kind", new AggregateException(new TaskCanceledException(), new TimeoutException()), true },
        // A Redis server restarted under a watch answers LOADING until it has read its append-only file back: a watch
        // once ended there with exit 3, the run it watched going on. Said by the server itself, or as the cause of a
        // silo's grain storage's failure (Orleans' words around it), it is a silence; so is a storage call timed out.
        // The client library also names such a connection's failure "Loading", as a client saw it while Redis restarted.
        { "a connection to Redis loading", new RedisConnectionException(ConnectionFailureType.Loading, "Loading (None, last-recv: 455) on 127.0.0.1:26124/Interactive, Idle/ComputeResult, last: HGETALL"), true },
        { "Redis loading its dataset", new RedisServerException("LOADING Redis is loading the dataset in memory"), true },
        { "a storage failing on Redis loading", new OrleansException("Error from storage provider RedisGrainStorage.Summits during ReadStateAsync", new RedisServerException("LOADING Redis is loading the dataset in memory")), true },
        { "a storage call timed out", new OrleansException("Error from storage provider RedisGrainStorage.Summits during WriteStateAsync", new TaskCanceledException()), true },
        // Orleans' Redis storage keeps the Redis cause in its own message, with no inner exception: a timeout or LOADING
        // quoted there is a silence as well.
        { "a timeout quoted by the Redis storage", new Orleans.Persistence.Redis.RedisStorageException("Failed to read grain state for world grain with ID world/w. StackExchange.Redis.RedisTimeoutException: Timeout performing HGETALL (5000ms)"), true },
        { "LOADING quoted by the Redis storage", new Orleans.Persistence.Redis.RedisStorageException("Failed to read grain state for world grain with ID world/w. StackExchange.Redis.RedisServerException: LOADING Redis is loading the dataset in memory"), true },
        // A silo's copy older than the server's: Orleans ends the activation, and the next call reads the state afresh.
        { "a silo's stale copy", new Orleans.Storage.InconsistentStateException("Version conflict"), true },
        // Errors, which a new try would meet again: the world holds no run, a bad argument, one error among silences.
        { "a grain's own refusal", new InvalidOperationException("world has no scenario running"), false },
        { "a bad argument", new ArgumentException("bad"), false },
        { "one error among silences", new AggregateException(new TimeoutException(), new InvalidOperationException()), false },
        // A Redis error that a new try meets again: a user without the right to a command.
        { "Redis refusing a command", new OrleansException("Error from storage provider RedisGrainStorage.Summits during ClearStateAsync", new RedisServerException("NOPERM this user has no permissions to run the 'del' command")), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_of_the_cluster_to_answer_is_a_silence_and_any_other_an_error(string what, Exception failure, bool silence)
    {
        Assert.True(ClusterCallFailure.Passes(failure, CancellationToken.None) == silence, what);
    }

    [Fact]
    public async Task A_silence_is_said_with_its_cause_in_our_words_never_an_exceptions_type()
    {
        // A watch through a Redis restart: the silo's storage fails on the server's LOADING, quoted in Orleans' message.
        // The line gives the cause as the one-line errors do (ClusterCallFailure.Reading.Cause), about the server of Settings.
        var (patience, said, _) = Patience();
        var calls = 0;
        await patience.AskAsync(() => ++calls == 1
            ? Task.FromException<int>(new OrleansException("Error from storage provider RedisGrainStorage.summits during ReadStateAsync",
                new RedisServerException("LOADING Redis is loading the dataset in memory")))
            : Task.FromResult(1), CancellationToken.None);
        Assert.Equal(
            $"{Command}: world {World} does not answer (Redis at 127.0.0.1:16515 answered with an error: LOADING Redis is loading the dataset in memory); waiting for the cluster's Redis server to answer, and asking again\n" +
            $"{Command}: world {World} answers again\n",
            said.ToString());
    }

    [Fact]
    public async Task A_silence_of_the_cluster_s_Redis_server_waits_for_it_not_for_a_silo_to_be_replaced()
    {
        // A watch through a Redis restart once said it waited "to move the world off a silo that died", no silo having
        // died: a cause that is the Redis server's says the watch waits for that server.
        var (patience, said, _) = Patience();
        var calls = 0;
        await patience.AskAsync(() => ++calls == 1
            ? Task.FromException<int>(new RedisConnectionException(ConnectionFailureType.SocketClosed, "SocketClosed on 127.0.0.1:16515/Interactive"))
            : Task.FromResult(1), CancellationToken.None);
        Assert.Equal(
            $"{Command}: world {World} does not answer (Redis at 127.0.0.1:16515 closed the connection); waiting for the cluster's Redis server to answer, and asking again\n" +
            $"{Command}: world {World} answers again\n",
            said.ToString());
    }

    [Fact]
    public void A_cancellation_after_the_users_ctrl_c_is_no_silence()
    {
        using var user = new CancellationTokenSource();
        user.Cancel();
        Assert.False(ClusterCallFailure.Passes(new TaskCanceledException(), user.Token));
        Assert.False(ClusterCallFailure.Passes(new OperationCanceledException(user.Token), user.Token));
    }

    [Fact]
    public async Task A_call_cut_twice_is_asked_again_and_its_answer_returned_the_silence_said_once_and_its_end()
    {
        var (patience, said, _) = Patience();
        var calls = 0;
        var answer = await patience.AskAsync(() => ++calls <= 2 ? Task.FromException<int>(new TaskCanceledException()) : Task.FromResult(42), CancellationToken.None);

        // Two cut calls and the third that answered; one line for the silence's start, one for its end.
        Assert.Equal((42, 3), (answer, calls));
        Assert.Equal(
            $"{Command}: world {World} does not answer (the call was cut short before the cluster answered); waiting for the cluster to answer, or to move the world off a silo that died, and asking again\n" +
            $"{Command}: world {World} answers again\n",
            said.ToString());
        Assert.False(patience.Silent);
    }

    [Fact]
    public async Task A_call_not_answered_within_the_wait_is_said_and_asked_again_each_wait_twice_the_last()
    {
        // A call to a world whose silo died as it was asked: Orleans never answers it before its response timeout (120 s
        // by default). The wait here is 40 ms on a clock that moves only when the test moves it: the first call is left
        // after 40 ms, the second after 40 + 80 = 120 ms, and the third answers. A millisecond short of each wait, no new
        // call is made. One line for the silence (naming the first wait), one for its end.
        var said = new StringWriter { NewLine = "\n" };
        var clock = new TimerWatchedClock();
        var patience = new WorldPatience(Command, World, Settings, said, TimeSpan.FromMinutes(5), TimeSpan.Zero, clock, TimeSpan.FromMilliseconds(40));
        var never = new TaskCompletionSource<int>();
        var start = clock.GetUtcNow();
        var asked = new List<TimeSpan>();
        var answer = patience.AskAsync(() =>
        {
            lock (asked)
                asked.Add(clock.GetUtcNow() - start);
            return asked.Count <= 2 ? never.Task : Task.FromResult(42);
        }, CancellationToken.None);

        // Each wait's timer is set just after its call is made: once it is set, the call has been made.
        await clock.TimerSetAsync();
        clock.Advance(TimeSpan.FromMilliseconds(39));
        Assert.Single(asked);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await clock.TimerSetAsync();
        clock.Advance(TimeSpan.FromMilliseconds(79));
        Assert.Equal(2, asked.Count);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(42, await answer.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(120)], asked);
        Assert.Equal(
            $"{Command}: world {World} does not answer (no answer in 0.04 s); waiting for the cluster to answer, or to move the world off a silo that died, and asking again\n" +
            $"{Command}: world {World} answers again\n",
            said.ToString());
    }

    [Fact]
    public async Task A_call_waited_for_is_given_up_by_the_users_ctrl_c()
    {
        using var user = new CancellationTokenSource();
        var said = new StringWriter { NewLine = "\n" };
        var patience = new WorldPatience(Command, World, Settings, said, TimeSpan.FromMinutes(5), TimeSpan.Zero, TimeProvider.System, TimeSpan.FromMinutes(1));
        var asked = patience.AskAsync(() => new TaskCompletionSource<int>().Task, user.Token);
        user.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asked);
        Assert.Equal("", said.ToString());
    }

    [Fact]
    public void A_quiet_run_is_said_with_where_the_world_stands()
    {
        // The world answers event 4700 after the watch printed 4742: it went back to its checkpoint; at 4742 it stands still.
        Assert.Equal("went back to event 4700, its last checkpoint, on a silo that lives; waiting for its run to go on past event 4742, the last printed, none printed twice",
            WorldsCommand.Quiet(4742, 4700));
        Assert.Equal("has written no event after event 4742 for 10 s; waiting for its run to go on (a world moved off a silo that died goes on at its reminder's next tick)",
            WorldsCommand.Quiet(4742, 4742));
    }

    [Fact]
    public async Task The_silence_is_shared_by_the_calls_a_later_one_ends_it()
    {
        // The renewal meets the silence; the registry's Find after it answers: said once each, as one silence.
        var (patience, said, _) = Patience();
        var renewal = await patience.TryAsync<int>(() => throw new SiloUnavailableException("gone"), CancellationToken.None);
        Assert.Equal((false, 0), renewal);
        Assert.True(patience.Silent);
        Assert.Equal("found", await patience.AskAsync(() => Task.FromResult("found"), CancellationToken.None));
        Assert.Equal(
            $"{Command}: world {World} does not answer (the connection to the cluster's silos failed); waiting for the cluster to answer, or to move the world off a silo that died, and asking again\n" +
            $"{Command}: world {World} answers again\n",
            said.ToString());
    }

    [Fact]
    public async Task An_error_passes_through_at_once_and_nothing_is_said()
    {
        var (patience, said, _) = Patience();
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => patience.AskAsync<int>(() => { calls++; throw new InvalidOperationException("no run"); }, CancellationToken.None));
        Assert.Equal((1, ""), (calls, said.ToString()));
    }

    [Fact]
    public async Task The_users_ctrl_c_stops_the_asking_with_its_cancellation()
    {
        using var user = new CancellationTokenSource();
        var (patience, said, _) = Patience();
        var calls = 0;
        // The call is cut because the user pressed Ctrl-C while it was on its way: not asked again.
        var thrown = await Assert.ThrowsAsync<OperationCanceledException>(() => patience.AskAsync<int>(() =>
        {
            calls++;
            user.Cancel();
            throw new OperationCanceledException(user.Token);
        }, user.Token));
        Assert.Equal(user.Token, thrown.CancellationToken);
        Assert.Equal((1, ""), (calls, said.ToString()));
    }

    [Fact]
    public async Task A_cluster_silent_for_the_whole_patience_ends_the_watch_in_one_line()
    {
        // Each try moves the clock on 40 s; the patience is 100 s. Tries at 0 (the silence begins), 40, 80 s are within
        // it; the fourth, at 120 s, is past it: four calls, then the one-line failure.
        var (patience, said, clock) = Patience(TimeSpan.FromSeconds(100));
        var calls = 0;
        var thrown = await Assert.ThrowsAsync<WorldSilenceException>(() => patience.AskAsync<int>(() =>
        {
            calls++;
            clock.Now += TimeSpan.FromSeconds(40);
            throw new TimeoutException("Response did not arrive on time");
        }, CancellationToken.None));
        Assert.Equal(4, calls);
        Assert.Equal($"world {World} has not answered for 100 s (the cluster did not answer within 30 s)", thrown.Message);
        Assert.Equal($"{Command}: error: {thrown.Message}", UsageError.Line(Command, CommandFailure.Describe(thrown)));
        Assert.Single(said.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static (WorldPatience Patience, StringWriter Said, SteppedClock Clock) Patience(TimeSpan? patience = null)
    {
        var said = new StringWriter { NewLine = "\n" };
        var clock = new SteppedClock();
        return (new WorldPatience(Command, World, Settings, said, patience ?? TimeSpan.FromMinutes(5), TimeSpan.Zero, clock), said, clock);
    }

    /// <summary>
    /// A <see cref="FakeTimeProvider"/> that moves only when the test advances it, and says when a timer has been set:
    /// the point after which advancing the clock reaches that timer.
    /// </summary>
    private sealed class TimerWatchedClock : TimeProvider
    {
        private readonly FakeTimeProvider _time = new();
        private readonly SemaphoreSlim _timers = new(0);

        public void Advance(TimeSpan by) => _time.Advance(by);

        public Task TimerSetAsync() => _timers.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(
            set => Assert.True(set.Result, "no timer was set within 30 s"), TaskScheduler.Default);

        public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

        public override long GetTimestamp() => _time.GetTimestamp();

        public override long TimestampFrequency => _time.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = _time.CreateTimer(callback, state, dueTime, period);
            _timers.Release();
            return timer;
        }
    }
}
