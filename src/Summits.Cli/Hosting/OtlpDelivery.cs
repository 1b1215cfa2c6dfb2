using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Hosting;

/// <summary>
/// Watches the OTLP exporter's own diagnostics for exports that did not reach their receiver (refused,
/// timed out, answered with an error status), so that a run can say in one line that its telemetry was
/// not delivered instead of losing it in silence.
/// </summary>
public sealed class OtlpDelivery : EventListener
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

    /// <summary>Why an export failed, without the receiver's address (the notice names the receivers once).</summary>
    private static string Describe(EventWrittenEventArgs e)
    {
        var payload = e.Payload ?? [];
        var error = payload.OfType<string>()
            .Where(p => !p.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .Select(FirstLine)
            .FirstOrDefault(p => p.Length > 0);
        return error ?? e.EventName ?? "no reason given";
    }

    /// <summary>The exception's message alone: its first line, without the type name and stack trace.</summary>
    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !line[..colon].Contains(' ') ? line[(colon + 2)..] : line;
    }
}
