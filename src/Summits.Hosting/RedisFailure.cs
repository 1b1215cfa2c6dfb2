using System.Globalization;
using System.Text.RegularExpressions;

namespace Summits.Hosting;

/// <summary>
/// What a call to the cluster's Redis server met, said in our words rather than the client library's or Orleans':
/// the server did not answer in time, refused the connection, closed it, or answered with an error. The Redis grain
/// storage and reminder table of Orleans keep the Redis cause in their own message text (their exceptions carry no inner
/// exception), and a grain's failure reaches a client as Orleans' storage error with that text in it, so the cause is
/// read from the types and the messages of the whole chain.
/// </summary>
public static partial class RedisFailure
{
    /// <summary>
    /// The cause of <paramref name="failure"/> as a phrase about <paramref name="server"/> (<c>HOST:PORT</c>):
    /// <c>Redis at 127.0.0.1:6379 did not answer within 5 s</c>, <c>… refused the connection</c>, <c>… closed the
    /// connection</c>, <c>… was not connected</c> or <c>… answered with an error: TEXT</c>; null when nothing in its chain
    /// is a Redis failure or a grain storage's error.
    /// </summary>
    /// <param name="failure">What a call threw, or what a silo logged; its inner exceptions (each of an <see cref="AggregateException"/>) are read too.</param>
    /// <param name="server">The Redis server's endpoint as the phrase names it (<see cref="ClusterAddress.Endpoint"/>).</param>
    public static string? Said(Exception? failure, string server)
    {
        var chain = Chain(failure).ToList();
        if (!chain.Any(IsRedis))
            return null;
        var text = string.Join(" ", chain.Select(e => e.GetType().Name + ": " + e.Message));
        if (Timeout().Match(text) is { Success: true } timed)
            return $"Redis at {server} did not answer within {Seconds(timed.Groups["ms"].Value)} s";
        if (text.Contains("RedisTimeoutException", StringComparison.Ordinal) || text.Contains("Timeout performing", StringComparison.Ordinal)
            || text.Contains("Timeout awaiting", StringComparison.Ordinal) || chain.Any(e => e is TimeoutException or OperationCanceledException))
            return $"Redis at {server} did not answer in time";
        if (text.Contains("UnableToConnect", StringComparison.Ordinal) || text.Contains("ConnectionRefused", StringComparison.Ordinal)
            || text.Contains("Connection refused", StringComparison.Ordinal))
            return $"Redis at {server} refused the connection";
        if (text.Contains("SocketClosed", StringComparison.Ordinal) || text.Contains("ConnectionReset", StringComparison.Ordinal)
            || text.Contains("SocketFailure", StringComparison.Ordinal))
            return $"Redis at {server} closed the connection";
        if (text.Contains("No connection is active/available", StringComparison.Ordinal))
            return $"Redis at {server} was not connected";
        if (chain.FirstOrDefault(e => e.GetType().Name == "RedisServerException") is { } answered)
            return $"Redis at {server} answered with an error: {Cut(answered.Message)}";
        if (ServerError().Match(text) is { Success: true } quoted)
            return $"Redis at {server} answered with an error: {Cut(quoted.Groups["text"].Value)}";
        // Any other failure of a Redis call: its own words, the first Redis exception's message without the names of
        // the exceptions it quotes.
        var words = TypeNames().Replace(Cut(chain.First(IsRedis).Message), "").Trim();
        return words.Length == 0 ? $"Redis at {server} could not be used" : $"Redis at {server} could not be used: {words}";
    }

    /// <summary>
    /// Whether <paramref name="failure"/> is one of a Redis call's, by its type's name: StackExchange.Redis's own
    /// (<c>RedisConnectionException</c>, <c>RedisTimeoutException</c>, <c>RedisServerException</c>), Orleans' Redis storage's
    /// and reminder table's (<c>RedisStorageException</c>, <c>RedisRemindersException</c>), or Orleans' error of a grain
    /// storage (an exception whose message begins <c>Error from storage provider</c>).
    /// </summary>
    private static bool IsRedis(Exception failure) =>
        failure.GetType().Name is "RedisConnectionException" or "RedisTimeoutException" or "RedisServerException" or "RedisException"
            or "RedisStorageException" or "RedisRemindersException"
        || failure.Message.StartsWith("Error from storage provider", StringComparison.Ordinal);

    /// <summary>Every exception of <paramref name="failure"/>'s chain, itself first, each of an aggregate's in turn.</summary>
    private static IEnumerable<Exception> Chain(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            yield return failure;
            if (failure is AggregateException all)
            {
                foreach (var one in all.InnerExceptions.SelectMany(Chain))
                    yield return one;
                yield break;
            }
        }
    }

    /// <summary>A message's first line, cut to 120 characters.</summary>
    private static string Cut(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n')[0].Trim();
        return line.Length <= 120 ? line : line[..119] + "…";
    }

    private static string Seconds(string milliseconds) =>
        (int.Parse(milliseconds, CultureInfo.InvariantCulture) / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    // A Redis error quoted in an Orleans exception's message: "…RedisServerException: NOPERM this user has no permissions…".
    [GeneratedRegex(@"RedisServerException: (?<text>[^\r\n]+)")]
    private static partial Regex ServerError();

    // An exception's name quoted in a message, with its namespace and the colon after it: "StackExchange.Redis.RedisServerException: ".
    [GeneratedRegex(@"[\w.]*Exception:?\s*")]
    private static partial Regex TypeNames();

    // StackExchange.Redis says how long it waited: "Timeout performing HGETALL (5000ms)", "5000ms elapsed, timeout is 5000ms".
    [GeneratedRegex(@"(?:Timeout performing \S+ \((?<ms>\d+)ms\)|timeout is (?<ms>\d+)ms)")]
    private static partial Regex Timeout();
}
