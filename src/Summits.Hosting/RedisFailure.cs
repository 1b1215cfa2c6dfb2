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
    /// The cause of <paramref name="failure"/> as a phrase about <paramref name="server"/> (<c>HOST:PORT</c>), as
    /// <see cref="Reading.Said"/> gives it; null when nothing in its chain is a Redis failure or a grain storage's error.
    /// </summary>
    /// <param name="failure">What a call threw, or what a silo logged; its inner exceptions (each of an <see cref="AggregateException"/>) are read too.</param>
    /// <param name="server">The Redis server's endpoint as the phrase names it (<see cref="ClusterAddress.Endpoint"/>).</param>
    public static string? Said(Exception? failure, string server) => Read(failure)?.Said(server);

    /// <summary>
    /// A Redis call's failure as its chain was read, once: the kind of its cause and its detail (the seconds waited, the
    /// server's error text, the failure's own words), from which <see cref="Reading.Said"/> and <see cref="Reading.Passes"/> answer
    /// without reading the chain again.
    /// </summary>
    public sealed class Reading
    {
        private readonly Cause _cause;
        private readonly string? _detail;

        internal Reading(Cause cause, string? detail) => (_cause, _detail) = (cause, detail);

        /// <summary>
        /// The cause as a phrase about <paramref name="server"/> (<c>HOST:PORT</c>): <c>Redis at 127.0.0.1:6379 did not
        /// answer within 5 s</c>, <c>… refused the connection</c>, <c>… closed the connection</c>, <c>… was not
        /// connected</c>, <c>… was still loading its dataset after a restart</c> or <c>… answered with an error: TEXT</c>.
        /// </summary>
        /// <param name="server">The Redis server's endpoint as the phrase names it (<see cref="ClusterAddress.Endpoint"/>).</param>
        public string Said(string server) => (_cause, _detail) switch
        {
            (Cause.Timeout, { } seconds) => $"Redis at {server} did not answer within {seconds} s",
            (Cause.Timeout, _) => $"Redis at {server} did not answer in time",
            (Cause.Refused, _) => $"Redis at {server} refused the connection",
            (Cause.Closed, _) => $"Redis at {server} closed the connection",
            (Cause.NotConnected, _) => $"Redis at {server} was not connected",
            (Cause.Loading, _) => $"Redis at {server} was still loading its dataset after a restart",
            (Cause.NotYet or Cause.Error, var text) => $"Redis at {server} answered with an error: {text}",
            (_, { Length: > 0 } words) => $"Redis at {server} could not be used: {words}",
            _ => $"Redis at {server} could not be used",
        };

        /// <summary>
        /// Whether the failure passes, so that the same call asked again may succeed: the server did not answer in time,
        /// refused or closed the connection, was not connected, or answered that it cannot serve yet (<c>LOADING</c> its
        /// dataset after a restart, <c>BUSY</c> with a script, <c>TRYAGAIN</c>, <c>MASTERDOWN</c>). False for an error the
        /// server will answer again (<c>NOPERM</c>, a wrong command).
        /// </summary>
        public bool Passes => _cause is Cause.Timeout or Cause.Refused or Cause.Closed or Cause.NotConnected or Cause.Loading or Cause.NotYet;
    }

    /// <summary>The kinds of cause <see cref="Reading.Said"/> names.</summary>
    internal enum Cause { Timeout, Refused, Closed, NotConnected, Loading, NotYet, Error, Other }

    // The errors with which a Redis server says it cannot serve for now, and will: loading its dataset, running a script,
    // a cluster slot moving, its primary gone.
    private static readonly string[] NotYet = ["LOADING ", "BUSY ", "TRYAGAIN ", "MASTERDOWN "];

    /// <summary>
    /// <paramref name="failure"/> read once, from the types and the messages of its whole chain: the cause and its detail
    /// that <see cref="Reading.Said"/> and <see cref="Reading.Passes"/> answer from; null when nothing in its chain is a
    /// Redis failure or a grain storage's error.
    /// </summary>
    /// <param name="failure">What a call threw, or what a silo logged; its inner exceptions (each of an <see cref="AggregateException"/>) are read too.</param>
    public static Reading? Read(Exception? failure)
    {
        var chain = Chain(failure).ToList();
        if (!chain.Any(IsRedis))
            return null;
        var text = string.Join(" ", chain.Select(e => e.GetType().Name + ": " + e.Message));
        if (Timeout().Match(text) is { Success: true } timed)
            return new Reading(Cause.Timeout, Seconds(timed.Groups["ms"].Value));
        if (text.Contains("RedisTimeoutException", StringComparison.Ordinal) || text.Contains("Timeout performing", StringComparison.Ordinal)
            || text.Contains("Timeout awaiting", StringComparison.Ordinal) || chain.Any(e => e is TimeoutException or OperationCanceledException))
            return new Reading(Cause.Timeout, null);
        if (text.Contains("UnableToConnect", StringComparison.Ordinal) || text.Contains("ConnectionRefused", StringComparison.Ordinal)
            || text.Contains("Connection refused", StringComparison.Ordinal))
            return new Reading(Cause.Refused, null);
        if (text.Contains("SocketClosed", StringComparison.Ordinal) || text.Contains("ConnectionReset", StringComparison.Ordinal)
            || text.Contains("SocketFailure", StringComparison.Ordinal))
            return new Reading(Cause.Closed, null);
        if (text.Contains("No connection is active/available", StringComparison.Ordinal))
            return new Reading(Cause.NotConnected, null);
        // The client library's own word for a connection to a server that answered LOADING: "Loading (None, last-recv: …".
        if (LoadingConnection().IsMatch(text))
            return new Reading(Cause.Loading, null);
        var error = chain.FirstOrDefault(e => e.GetType().Name == "RedisServerException")?.Message
            ?? (ServerError().Match(text) is { Success: true } quoted ? quoted.Groups["text"].Value : null);
        if (error is not null)
            return new Reading(NotYet.Any(word => error.StartsWith(word, StringComparison.Ordinal)) ? Cause.NotYet : Cause.Error, Cut(error));
        // Any other failure of a Redis call: its own words, the first Redis exception's message without the names of
        // the exceptions it quotes.
        return new Reading(Cause.Other, TypeNames().Replace(Cut(chain.First(IsRedis).Message), "").Trim());
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

    // StackExchange.Redis's failure type for a connection whose server is loading its dataset, as it names it in a message.
    [GeneratedRegex(@"\bLoading \(")]
    private static partial Regex LoadingConnection();

    // StackExchange.Redis says how long it waited: "Timeout performing HGETALL (5000ms)", "5000ms elapsed, timeout is 5000ms".
    [GeneratedRegex(@"(?:Timeout performing \S+ \((?<ms>\d+)ms\)|timeout is (?<ms>\d+)ms)")]
    private static partial Regex Timeout();
}
