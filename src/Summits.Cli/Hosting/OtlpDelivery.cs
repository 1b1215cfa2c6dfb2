using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text.RegularExpressions;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Hosting;

/// <summary>
/// Watches the OTLP exporter's own diagnostics for exports that did not reach their receiver (refused,
/// timed out, answered with an error status), so that a run can say in one line that its telemetry was
/// not delivered instead of losing it in silence.
/// </summary>
public sealed partial class OtlpDelivery : EventListener
{
    /// <summary>
    /// The event source of OpenTelemetry's OTLP exporter. Its warnings and errors are failed exports (a refused
    /// connection is a warning, <c>TransientHttpError</c>; so is a request cut off by its timeout), except a few
    /// about configuration or a single attribute.
    /// </summary>
    public const string ExporterEventSource = "OpenTelemetry-Exporter-OpenTelemetryProtocol";

    private static readonly HashSet<string> NotAboutDelivery = ["InvalidEnvironmentVariable", "UnsupportedAttributeType", "UnsupportedProtocol"];

    private readonly ConcurrentQueue<string> _failures = new();
    private int _failed;

    public int Failed => Volatile.Read(ref _failed);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == ExporterEventSource)
            EnableEvents(source, EventLevel.Warning);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventSource.Name != ExporterEventSource || e.Level > EventLevel.Warning || e.EventName is { } name && NotAboutDelivery.Contains(name))
            return;
        Interlocked.Increment(ref _failed);
        if (_failures.Count < 8)
            _failures.Enqueue(Describe(e));
    }

    /// <summary>
    /// One line saying what was not delivered, or null when every export that finished reached its receiver
    /// and the final flush finished in time.
    /// </summary>
    /// <param name="unfinished">The signals whose final flush did not finish within <paramref name="budget"/>.</param>
    public string? Notice(OtlpSignals signals, IReadOnlyCollection<string> unfinished, TimeSpan budget)
    {
        var failed = Failed;
        if (failed == 0 && unfinished.Count == 0)
            return null;
        var parts = new List<string>();
        if (failed > 0)
        {
            var first = _failures.TryPeek(out var reason) ? reason : "no reason given";
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{failed} export{(failed == 1 ? "" : "s")} failed ({first})"));
        }
        if (unfinished.Count > 0)
            parts.Add($"the {Listed.And(unfinished)} still unsent after {budget.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s were dropped");
        var receivers = Listed.And(signals.All.Select(s => s.Endpoint.ToString()).Distinct());
        return $"telemetry not delivered to {receivers}: {string.Join("; ", parts)}";
    }

    /// <summary>The longest part of a receiver's answer said after its status, in characters.</summary>
    private const int BodyShown = 60;

    /// <summary>
    /// Why an export failed, without the receiver's address (the notice names the receivers once). An HTTP error is
    /// said by its status ("HTTP 501 Not Implemented"), not by the page the receiver answered with.
    /// </summary>
    private static string Describe(EventWrittenEventArgs e)
    {
        var texts = (e.Payload ?? []).OfType<string>()
            .Where(p => !p.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var status = texts.Select(t => HttpStatus().Match(t)).FirstOrDefault(m => m.Success);
        if (status is not null)
        {
            var code = int.Parse(status.Groups["code"].Value, CultureInfo.InvariantCulture);
            var said = $"HTTP {code} {Reason(code, status.Groups["reason"].Value)}".TrimEnd();
            var body = texts.Where(t => !HttpStatus().IsMatch(t)).Select(BodyLine).FirstOrDefault(l => l.Length > 0);
            return body is null ? said : $"{said}: {body}";
        }
        var error = texts.Select(FirstLine).FirstOrDefault(p => p.Length > 0);
        return error ?? e.EventName ?? "no reason given";
    }

    /// <summary>The exception's message alone: its first line, without the type name and stack trace.</summary>
    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !line[..colon].Contains(' ') ? line[(colon + 2)..] : line;
    }

    /// <summary>
    /// The status's standard reason (RFC 9110: 501 is "Not Implemented"), from the name .NET gives the code, whatever
    /// the receiver wrote after it (python's http.server writes "501 Unsupported method ('POST')"); the receiver's
    /// own words for a code .NET does not name.
    /// </summary>
    private static string Reason(int code, string sent)
    {
        if (Enum.GetName((System.Net.HttpStatusCode)code) is not { } name)
            return sent;
        var words = CapitalStartsWord().Replace(name, " ");
        return words.Replace("Http", "HTTP", StringComparison.Ordinal).Replace("Uri", "URI", StringComparison.Ordinal);
    }

    /// <summary>
    /// The first line of a receiver's answer, cut to <see cref="BodyShown"/> characters; empty for markup (an HTML
    /// error page says no more than its status) and for bytes that are not text (a protobuf status).
    /// </summary>
    private static string BodyLine(string body)
    {
        var line = body.TrimStart().Split('\n', 2)[0].Trim();
        if (line.StartsWith('<') || line.Any(c => char.IsControl(c) && c != '\t' || c == '\uFFFD'))
            return "";
        return line.Length <= BodyShown ? line : line[..(BodyShown - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// What .NET's HTTP client says of a response with an error status: "… does not indicate success: 501 (Not
    /// Implemented)."; the reason runs to the line's last parenthesis, as it may hold parentheses of its own.
    /// </summary>
    [GeneratedRegex(@"does not indicate success: (?<code>\d{3}) \((?<reason>.*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex HttpStatus();

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalStartsWord();
}
