using System.Globalization;
using Summits.Cli.Hosting;
using Summits.Hosting;

namespace Summits.Cli.Commands;

/// <summary>
/// How <c>summits worlds watch</c> asks the cluster while a silo may be dying under the world it watches: every grain
/// call it makes (the registry's <c>Find</c>, the world's <c>Progress</c>, <c>Watch</c> and its renewals) goes through
/// one of these. A call that fails in a way that passes (<see cref="ClusterCallFailure.Passes"/>: the cluster or its
/// Redis server did not answer it, or cannot yet), or has not answered within
/// <see cref="AnswerWait"/>, is said once, <c>summits worlds watch: world ID does not answer (the cause, in the words of
/// <see cref="ClusterCallFailure.Reading.Cause"/>); waiting for
/// the cluster …</c>, and asked again every <see cref="Pause"/>; the first answer after is said, <c>… world ID answers
/// again</c>. The wait bounds a call whose answer will never come: Orleans turns back no call that reached the world's
/// silo before it died, and its caller hears of it only at the response timeout (<c>Summits:CallTimeout</c>, 120 s), a
/// watch silent all that while. The silence is shared by
/// all the calls, so that a watch says it once however many of its calls meet it, and the watch gives up (a
/// <see cref="WorldSilenceException"/>) once the cluster has not answered any of them for <see cref="Patience"/>.
/// Any other failure passes through at once, and so does the user's cancellation (Ctrl-C), which the command line
/// makes its interrupted exit.
/// </summary>
/// <param name="command">The command whose lines these are: <c>summits worlds watch</c>.</param>
/// <param name="world">The world's id, as the lines name it.</param>
/// <param name="settings">The settings of the cluster the world is on: its Redis server and call timeout, as the lines name them.</param>
/// <param name="say">Where the lines go (standard error in the command line).</param>
/// <param name="patience">How long the cluster may go without answering before the watch gives up; positive.</param>
/// <param name="pause">How long to wait before asking again; zero or more.</param>
/// <param name="clock">What measures the silence: <see cref="TimeProvider.System"/> in the command line.</param>
/// <param name="answerWait">How long a call may go unanswered before it counts as a silence and is asked again; positive; <see cref="AnswerWait"/> when null.</param>
public sealed class WorldPatience(string command, string world, SummitsSettings settings, TextWriter say, TimeSpan patience, TimeSpan pause, TimeProvider clock, TimeSpan? answerWait = null)
{
    /// <summary>
    /// How long a watch waits for a cluster that does not answer: 5 minutes, longer than a cluster takes to declare a
    /// killed silo dead and than the minute (<c>Summits:DrivePeriod</c>, by default) a world's reminder may take to resume its
    /// run on a silo that lives.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>How long a watch waits before asking a call the cluster did not answer again: 1 second.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a call may go unanswered before the watch says so and asks it again: 10 seconds, some hundred times what
    /// a page of the timeline takes on an idle machine. Each call that the wait cuts short doubles it for the next, up
    /// to <see cref="LongestAnswerWait"/>, so that a cluster merely slow (a loaded machine) still answers a later try;
    /// an answer sets it back.
    /// </summary>
    public static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(10);

    /// <summary>The longest a call is waited for once calls have gone unanswered: 40 seconds.</summary>
    public static readonly TimeSpan LongestAnswerWait = TimeSpan.FromSeconds(40);

    private readonly TimeSpan _firstWait = answerWait ?? AnswerWait;
    private TimeSpan? _wait;
    private DateTimeOffset? _since;

    /// <summary>The command line's way for <paramref name="world"/>: <see cref="Patience"/>, <see cref="Pause"/>, said on standard error unless <paramref name="say"/> is false (<c>-v quiet</c>).</summary>
    public static WorldPatience For(string command, string world, SummitsSettings settings, bool say = true) =>
        new(command, world, settings, say ? Console.Error : TextWriter.Null, Patience, Pause, TimeProvider.System);

    /// <summary>True while the cluster has not answered since a call it did not answer.</summary>
    public bool Silent => _since is not null;

    /// <summary>Makes <paramref name="call"/> until it answers, asking again after each failure that passes (<see cref="ClusterCallFailure.Passes"/>) and each wait (<see cref="AnswerWait"/>) it does not answer within.</summary>
    /// <exception cref="WorldSilenceException">When the cluster has answered nothing for the patience.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> (the user's) is cancelled.</exception>
    public async Task<T> AskAsync<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        while (true)
        {
            var (answered, value) = await TryAsync(call, cancellation);
            if (answered)
                return value!;
            await Task.Delay(pause, clock, cancellation);
        }
    }

    /// <summary>
    /// Makes <paramref name="call"/> once: its answer, or (false, default) when the cluster did not answer it, or not
    /// within the wait (<see cref="AnswerWait"/>, longer after each call it cut short), and the patience is not yet
    /// spent, the silence said when it begins. The caller asks again when it sees fit (the renewal
    /// of a watch, after <see cref="Pause"/>, between the pushes it waits for).
    /// </summary>
    /// <exception cref="WorldSilenceException">When the cluster has answered nothing for the patience.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> (the user's) is cancelled.</exception>
    public async Task<(bool Answered, T? Value)> TryAsync<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var wait = _wait ?? _firstWait;
        string what;
        Exception? failure = null;
        var redisFailed = false;
        try
        {
            var asked = call();
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var timer = Task.Delay(wait, clock, bound.Token);
            if (await Task.WhenAny(asked, timer) == asked)
            {
                bound.Cancel();
                var value = await asked;
                if (_since is not null)
                    say.WriteLine($"{command}: world {world} answers again");
                (_since, _wait) = (null, null);
                return (true, value);
            }
            // The call stays with Orleans until its response timeout; its failure, if it comes, is nobody's.
            _ = asked.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            cancellation.ThrowIfCancellationRequested();
            what = string.Create(CultureInfo.InvariantCulture, $"no answer in {wait.TotalSeconds:0.###} s");
            _wait = wait * 2 < LongestAnswerWait ? wait * 2 : LongestAnswerWait;
        }
        catch (Exception e) when (ClusterCallFailure.Read(e, cancellation) is { Passes: true } read)
        {
            (failure, redisFailed, what) = (e, read.Redis is not null, read.Cause(settings) ?? CommandFailure.Describe(e));
        }
        var now = clock.GetUtcNow();
        if (_since is not { } since)
        {
            // A Redis server gone or reloading holds the whole cluster up; no silo need have died.
            var waiting = redisFailed
                ? "waiting for the cluster's Redis server to answer, and asking again"
                : "waiting for the cluster to answer, or to move the world off a silo that died, and asking again";
            say.WriteLine($"{command}: world {world} does not answer ({what}); {waiting}");
            _since = now;
        }
        else if (now - since >= patience)
            throw new WorldSilenceException(string.Create(CultureInfo.InvariantCulture,
                $"world {world} has not answered for {patience.TotalSeconds:0.###} s ({what})"), failure ?? new TimeoutException(what));
        return (false, default);
    }

    /// <summary>Says <paramref name="what"/> of the world on one line, <c>summits worlds watch: world ID WHAT</c>, where the silences are said.</summary>
    public void Say(string what) => say.WriteLine($"{command}: world {world} {what}");
}

/// <summary>A world the cluster has not answered for a watch's patience (<see cref="WorldPatience"/>); its message is one line.</summary>
public sealed class WorldSilenceException(string message, Exception inner) : Exception(message, inner);
