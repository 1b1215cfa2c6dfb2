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
    /// <summary>The environment variable that sets <see cref="Timeout"/>, in whole seconds.</summary>
    public const string TimeoutVariable = "SUMMITS_CALL_TIMEOUT";

    /// <summary>
    /// 120 s: seeding the largest world <c>summits generate</c> makes (1500 actors, 40 topics) took over 30 s, the
    /// Orleans default, on a loaded two-core machine; four times that leaves room.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Three tries in all: a call is asked again twice.</summary>
    public const int DefaultTries = 3;

    /// <summary>The largest timeout <see cref="TimeoutVariable"/> accepts: a day, in seconds.</summary>
    public const int MaxTimeoutSeconds = 86_400;

    /// <summary>The timeout from <see cref="TimeoutVariable"/> in <paramref name="environment"/> (the process's when null), or <see cref="DefaultTimeout"/> when it is unset.</summary>
    /// <exception cref="SettingException">When the variable is set to anything but a whole number of seconds from 1 to <see cref="MaxTimeoutSeconds"/>.</exception>
    public static TimeSpan ConfiguredTimeout(Func<string, string?>? environment = null)
    {
        var value = (environment ?? Environment.GetEnvironmentVariable)(TimeoutVariable);
        if (value is null)
            return DefaultTimeout;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || seconds > MaxTimeoutSeconds)
            throw new SettingException($"{TimeoutVariable} is '{value}'; expected how many seconds a grain call may take before it is asked again: a whole number from 1 to {MaxTimeoutSeconds}");
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The command line's way: the configured timeout, <see cref="DefaultTries"/> tries, each new one said on standard error.</summary>
    /// <exception cref="SettingException">As <see cref="ConfiguredTimeout"/>.</exception>
    public static GrainAsking Configured() => new(ConfiguredTimeout(), DefaultTries, Console.Error);

    /// <summary>
    /// As <see cref="Configured()"/> for <paramref name="command"/> (<c>summits run</c>), whose lines start with its
    /// name; each new try is said on standard error only when <paramref name="say"/> is true.
    /// </summary>
    /// <exception cref="SettingException">As <see cref="ConfiguredTimeout"/>.</exception>
    public static GrainAsking Configured(string command, bool say) => new(ConfiguredTimeout(), DefaultTries, say ? Console.Error : null, command);

    /// <summary>
    /// Makes <paramref name="call"/>, asking again after each <see cref="TimeoutException"/> until it answers or
    /// <see cref="Tries"/> calls have timed out. <paramref name="what"/> names the call (<c>advance 3</c>) and
    /// <paramref name="world"/> its world, for the lines said. Other failures, and cancellation, pass through at once.
    /// </summary>
    /// <exception cref="GrainTimeoutException">When every try timed out.</exception>
    public async Task<T> AskAsync<T>(string what, string world, Func<Task<T>> call, CancellationToken cancellation = default)
    {
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

/// <summary>A setting (an environment variable) with a value it cannot take: bad input, said in one line naming the setting, its value and the valid choices.</summary>
public sealed class SettingException(string message) : Exception(message);
