using System.Globalization;

namespace Summits.Scenarios;

/// <summary>
/// How a command asks a world's grains to seed, start, advance and show the world: a call that does not answer
/// within <see cref="Timeout"/> (the silo's response timeout, set from the same value) is asked again, the same
/// call for the same step, up to <see cref="Tries"/> times in all. The grains make that safe: seeding and starting
/// the same world and scenario again changes nothing, and <c>Advance(step)</c> of the step just completed
/// returns that step's answer again rather than running the next one. Each new try is said on
/// <see cref="Say"/> in one line; when the last try does not answer either, a <see cref="GrainTimeoutException"/>
/// says which call of which world, in one line.
/// </summary>
/// <param name="Timeout">How long one call may take before it is asked again; positive.</param>
/// <param name="Tries">How many times a call is made in all, the first included; at least 1.</param>
/// <param name="Say">Where each new try is said (standard error in the command line), or null to say nothing.</param>
/// <param name="Command">The name each line said starts with, as every line of a command does: <c>summits run</c>.</param>
public sealed record GrainAsking(TimeSpan Timeout, int Tries, TextWriter? Say, string Command = "summits")
{
    /// <summary>The timeout when none is configured, <see cref="Grains.GrainCalls.DefaultTimeout"/> (120 s).</summary>
    public static TimeSpan DefaultTimeout => Grains.GrainCalls.DefaultTimeout;

    /// <summary>
    /// Told of each call as it is first asked, with what it is (<c>advance 3</c>) and its world, so that a caller can say
    /// which call a failure ended; null for nobody.
    /// </summary>
    public Action<string, string>? Began { get; init; }

    /// <summary>Three tries in all: a call is asked again twice.</summary>
    public const int DefaultTries = 3;

    /// <summary>The command line's way: <paramref name="timeout"/>, <see cref="DefaultTries"/> tries, each new one said on standard error.</summary>
    /// <param name="timeout">How long one call may take before it is asked again (the silo's response timeout); positive.</param>
    public static GrainAsking For(TimeSpan timeout) => new(timeout, DefaultTries, Console.Error);

    /// <summary>As <see cref="For"/> with <see cref="DefaultTimeout"/>: for a caller whose silo keeps the default.</summary>
    public static GrainAsking Default { get; } = For(DefaultTimeout);

    /// <summary>
    /// Makes <paramref name="call"/>, asking again after each <see cref="TimeoutException"/> until it answers or
    /// <see cref="Tries"/> calls have timed out. <paramref name="what"/> names the call (<c>advance 3</c>) and
    /// <paramref name="world"/> its world, for the lines said. Other failures, and cancellation, pass through at once.
    /// </summary>
    /// <exception cref="GrainTimeoutException">When every try timed out.</exception>
    public async Task<T> AskAsync<T>(string what, string world, Func<Task<T>> call, CancellationToken cancellation = default)
    {
        Began?.Invoke(what, world);
        for (var attempt = 1; ; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                return await call();
            }
            catch (TimeoutException) when (attempt < Tries && !cancellation.IsCancellationRequested)
            {
                Say?.WriteLine($"{Command}: warning: {what} of world {world} did not answer within {Seconds} s; asking again ({attempt + 1} of {Tries})");
            }
            catch (TimeoutException e) when (!cancellation.IsCancellationRequested)
            {
                throw new GrainTimeoutException($"{what} of world {world} did not answer within {Seconds} s, {Tries} tr{(Tries == 1 ? "y" : "ies")}", e);
            }
        }
    }

    /// <summary>As <see cref="AskAsync{T}"/>, for a call that answers nothing.</summary>
    /// <exception cref="GrainTimeoutException">When every try timed out.</exception>
    public Task AskAsync(string what, string world, Func<Task> call, CancellationToken cancellation = default) =>
        AskAsync(what, world, async () => { await call(); return true; }, cancellation);

    private string Seconds => Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A grain call that did not answer after every try (<see cref="GrainAsking"/>); its message is one line naming the call, its world, the timeout and the tries.</summary>
public sealed class GrainTimeoutException(string message, Exception inner) : Exception(message, inner);

