using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Summits.Grains;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Analysis;

/// <summary>
/// Reads telemetry files (one or several, for example one per silo of a cluster) and keeps each span once,
/// however many files carry it. A line is an OTLP/JSON export request, as <c>--telemetry</c> and the
/// OpenTelemetry Collector's file exporter write them, or a record of the JSONL format Summits wrote before
/// (<c>"type": "span"</c>, <c>"metric"</c> or <c>"log"</c>). Metric and log lines are checked, then left aside.
/// </summary>
public static class TelemetryExport
{
    private static readonly string[] Types = ["span", "metric", "log"];

    /// <summary>The top-level field of each OTLP export request: traces, metrics, logs.</summary>
    private const string ResourceSpans = "resourceSpans", ResourceMetrics = "resourceMetrics", ResourceLogs = "resourceLogs";

    private const string Lines = "an OTLP/JSON export request (resourceSpans, resourceMetrics or resourceLogs) a line, as 'summits ... --telemetry FILE.jsonl' writes";

    private const string Expected = "expected " + Lines;

    /// <summary>What a file that holds no run should have held.</summary>
    private const string ExpectedRun = "the telemetry of a run: " + Lines;

    /// <summary>
    /// The spans only a run exports: its steps and rounds, and what the analysis counts. (Its root span is exported
    /// under the scenario's name, <c>run baseline</c>, and every run has a step.)
    /// </summary>
    private static readonly string[] RunSpans =
    [
        SummitsTelemetry.StepSpan, SummitsTelemetry.RoundSpan, SummitsTelemetry.ProposalSpan,
        SummitsTelemetry.EvaluateSpan, SummitsTelemetry.MoveSpan, SummitsTelemetry.AgreementSpan,
    ];

    /// <summary>What the lines of the files read so far held, for the refusal of files that hold no run.</summary>
    private sealed class Held
    {
        public int Lines { get; set; }
        public int Metrics { get; set; }
        public int Logs { get; set; }
        public (string File, int Line)? First { get; set; }
    }

    /// <summary>The attributes each Summits span must carry for the analysis to count it.</summary>
    private static readonly ImmutableDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        [SummitsTelemetry.ProposalSpan] = [SummitsTelemetry.Topic, SummitsTelemetry.Proposer],
        [SummitsTelemetry.EvaluateSpan] = [SummitsTelemetry.Actor, SummitsTelemetry.Topic, SummitsTelemetry.Outcome],
        [SummitsTelemetry.MoveSpan] = [SummitsTelemetry.Actor, SummitsTelemetry.Topic, SummitsTelemetry.ValueBefore, SummitsTelemetry.ValueAfter],
        [SummitsTelemetry.AgreementSpan] = [SummitsTelemetry.Topic, SummitsTelemetry.Outcome],
    }.ToImmutableDictionary();

    private static readonly string[] ResponseOutcomes =
        [SummitsTelemetry.Outcomes.Accept, SummitsTelemetry.Outcomes.Reject, SummitsTelemetry.Outcomes.Counter];

    private static readonly string[] AgreementOutcomes =
        [SummitsTelemetry.Outcomes.Made, SummitsTelemetry.Outcomes.Strained, SummitsTelemetry.Outcomes.Breached];

    /// <exception cref="InputException">
    /// A line is not a record of a Summits export; a file holds no line at all, or blank lines only (said as
    /// <see cref="HeldText.Blank(string, TextReader, string)"/> says it, at FILE:1:1); or the files together hold no
    /// span of a run (<see cref="NoRun"/>: metrics, logs, or the spans of a <c>summits seed</c> alone).
    /// </exception>
    /// <param name="cancellation">Checked before each line, so that Ctrl-C stops the reading of a large export at once.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static ImmutableArray<ExportedSpan> Read(IEnumerable<string> paths, CancellationToken cancellation = default)
    {
        var spans = new Dictionary<(string, string), ExportedSpan>();
        var held = new Held();
        foreach (var path in paths)
        {
            // The same checks as every other file a person names: a folder, a device such as /dev/zero, a FIFO
            // or an oversize file is refused before it is opened. The file is then read a line at a time.
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new InputException(new FilePosition(path, 1, 1), $"no such file; expected a telemetry file written by 'summits ... --telemetry FILE.jsonl'{InputFile.Alternatives(path, path)}");
            if (InputFile.Problem(path, path, "telemetry file", InputFile.TelemetryLimit) is { } problem)
                throw new InputException(new FilePosition(path, 1, 1), problem);
            if (NotText(path) is { } notText)
                throw new InputException(new FilePosition(path, notText.At.Line, notText.At.Column), notText.Problem);
            var (line, lines) = (0, 0);
            foreach (var text in File.ReadLines(path))
            {
                cancellation.ThrowIfCancellationRequested();
                line++;
                if (string.IsNullOrWhiteSpace(text))
                    continue;
                lines++;
                held.First ??= (path, line);
                foreach (var span in ReadLine(path, line, text, held))
                    spans.TryAdd((span.TraceId, span.SpanId), span);
            }
            if (lines == 0)
            {
                // Its bytes as they are, a byte order mark included, so that a file holding only one is said so.
                using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
                throw HeldText.Blank(path, reader, ExpectedRun)
                    ?? new InputException(new FilePosition(path, 1, 1), $"the file holds no line that is not blank; expected {ExpectedRun}");
            }
            held.Lines += lines;
        }
        if (!spans.Values.Any(s => RunSpans.Contains(s.Name)) && held.First is { } first)
            throw NoRun(first, paths.Distinct(StringComparer.Ordinal).Count(), spans.Values, held);
        return [.. spans.Values];
    }

    /// <summary>
    /// The refusal of files that hold export requests but no span of a run, at the first line that is not blank: what
    /// they hold (their lines; the spans, with their most frequent names, three at most; the exports of metrics and of
    /// logs) and what was expected: <c>t.jsonl:1:1: the file holds 3 lines: 9 spans (ICountryGrain/Seed, summits.seed
    /// and 2 more), 1 export of metrics and 1 export of logs, and no span of a run (summits.step, …); expected the
    /// telemetry of a run: …</c>. Several files are said together, at the first of them.
    /// </summary>
    private static InputException NoRun((string File, int Line) first, int files, ICollection<ExportedSpan> spans, Held held)
    {
        const int Named = 3;
        var names = spans.GroupBy(s => s.Name, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var spanPart = Counted.Of(spans.Count, "span") + (names.Count == 0 ? "" : $" ({Listed.AndMore(names, Named)})");
        var parts = new List<string> { spanPart };
        if (held.Metrics > 0)
            parts.Add(Counted.Of(held.Metrics, "export") + " of metrics");
        if (held.Logs > 0)
            parts.Add(Counted.Of(held.Logs, "export") + " of logs");
        var holder = files == 1 ? "the file holds" : $"the {files} files hold";
        return new InputException(new FilePosition(first.File, first.Line, 1),
            $"{holder} {Counted.Of(held.Lines, "line")}: {Listed.And(parts)}, and no span of a run ({Listed.Or(RunSpans)}); expected {ExpectedRun}");
    }

    /// <summary>
    /// Why the telemetry file is not text, judged on its first 64 KiB (a file of up to a gigabyte is not read whole
    /// for this), or null: a PDF or a program named by mistake is refused in one line before its first line is parsed.
    /// </summary>
    private static (string Problem, (int Line, int Column) At)? NotText(string path)
    {
        var head = new byte[64 * 1024];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = head.AsSpan(0, read);
        if (read == head.Length)
        {
            // The 64 KiB may end inside a character of several bytes (an export line is often longer): that character,
            // its lead byte and the continuation bytes (10xxxxxx) read of it, is left out.
            var end = read;
            while (end > read - 3 && (head[end - 1] & 0xC0) == 0x80)
                end--;
            if (end > 0 && head[end - 1] >= 0xC0)
                text = head.AsSpan(0, end - 1);
        }
        return InputFile.NotText(text, path, "telemetry file") is { } problem ? (problem, InputFile.NotTextAt(text) ?? (1, 1)) : null;
    }

    private static List<ExportedSpan> ReadLine(string path, int line, string text, Held held)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException(new FilePosition(path, line, Summits.Grains.JsonErrorText.Column(text, e)),
                $"not valid JSON ({FirstSentence(e.Message)}); {Expected}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InputException(new FilePosition(path, line, HeldText.FirstThing(text).Column), $"{HeldText.JsonKind(root)}, not an object; {Expected}");
            if (root.TryGetProperty(ResourceSpans, out var resourceSpans))
                return ReadOtlpSpans(path, line, resourceSpans);
            foreach (var other in new[] { ResourceMetrics, ResourceLogs })
            {
                if (root.TryGetProperty(other, out var resources))
                {
                    if (resources.ValueKind != JsonValueKind.Array)
                        throw Problem(path, line, $"\"{other}\" is not an array; {Expected}");
                    Count(held, other == ResourceMetrics ? "metric" : "log");
                    return [];
                }
            }
            if (!root.TryGetProperty("type", out var t))
                throw Problem(path, line, $"an object with none of {Listed.Or([ResourceSpans, ResourceMetrics, ResourceLogs])}; {Expected}");
            var type = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is null || !Types.Contains(type))
                throw Problem(path, line, $"\"type\" is {(type is null ? "not a string" : $"'{type}'")}; valid choices in the older Summits JSONL: {Listed.Or(Types)}");
            Count(held, type);
            return type == "span" ? [ReadSpan(path, line, root)] : [];
        }
    }

    private static void Count(Held held, string type)
    {
        if (type == "metric")
            held.Metrics++;
        else if (type == "log")
            held.Logs++;
    }

    /// <summary>The spans of an <c>ExportTraceServiceRequest</c>: resourceSpans[].scopeSpans[].spans[].</summary>
    private static List<ExportedSpan> ReadOtlpSpans(string path, int line, JsonElement resourceSpans)
    {
        var spans = new List<ExportedSpan>();
        foreach (var resource in Array(path, line, resourceSpans, ResourceSpans))
        {
            if (!resource.TryGetProperty("scopeSpans", out var scopeSpans))
                continue;
            foreach (var scope in Array(path, line, scopeSpans, "scopeSpans"))
            {
                if (!scope.TryGetProperty("spans", out var items))
                    continue;
                foreach (var item in Array(path, line, items, "spans"))
                {
                    var traceId = RequiredString(path, line, item, "traceId");
                    var spanId = RequiredString(path, line, item, "spanId");
                    var name = RequiredString(path, line, item, "name");
                    var parent = item.TryGetProperty("parentSpanId", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } id ? id : null;
                    var start = Nanoseconds(path, line, item, "startTimeUnixNano");
                    var end = Nanoseconds(path, line, item, "endTimeUnixNano");
                    if (end < start)
                        throw Problem(path, line, $"span {spanId} ends before it starts; expected endTimeUnixNano at or after startTimeUnixNano");
                    // Subtract as integers: a time near 1.5e18 ns as a double is only good to 256 ns.
                    var span = new ExportedSpan(traceId, spanId, parent, name, (end - start) / 1e6, OtlpAttributes(path, line, item), line);
                    Check(path, line, span);
                    spans.Add(span);
                }
            }
        }
        return spans;
    }

    /// <summary>A <c>repeated KeyValue</c>: each key with the one value its <c>AnyValue</c> holds (stringValue, intValue, ...).</summary>
    private static ImmutableDictionary<string, JsonElement> OtlpAttributes(string path, int line, JsonElement owner)
    {
        if (!owner.TryGetProperty("attributes", out var attributes))
            return ImmutableDictionary<string, JsonElement>.Empty;
        var result = ImmutableDictionary.CreateBuilder<string, JsonElement>();
        foreach (var attribute in Array(path, line, attributes, "attributes"))
        {
            var key = RequiredString(path, line, attribute, "key");
            if (attribute.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
                && value.EnumerateObject().FirstOrDefault() is { Value.ValueKind: not JsonValueKind.Undefined } held)
                result[key] = held.Value.Clone();
        }
        return result.ToImmutable();
    }

    /// <summary>A <c>fixed64</c> time in nanoseconds, which proto3 JSON writes as a decimal string (a number is accepted too).</summary>
    private static ulong Nanoseconds(string path, int line, JsonElement owner, string name)
    {
        if (owner.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.String && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text))
                return text;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number))
                return number;
        }
        throw Problem(path, line, $"span has no \"{name}\"; expected nanoseconds since 1970 as a decimal string");
    }

    private static JsonElement.ArrayEnumerator Array(string path, int line, JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw Problem(path, line, $"\"{name}\" is not an array; {Expected}");

    private static ExportedSpan ReadSpan(string path, int line, JsonElement root)
    {
        var traceId = RequiredString(path, line, root, "traceId");
        var spanId = RequiredString(path, line, root, "spanId");
        var name = RequiredString(path, line, root, "name");
        var parent = root.TryGetProperty("parentSpanId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        if (!root.TryGetProperty("durationMs", out var d) || d.ValueKind != JsonValueKind.Number)
            throw Problem(path, line, "span has no number \"durationMs\"; expected the span's duration in milliseconds");
        var attributes = ImmutableDictionary<string, JsonElement>.Empty;
        if (root.TryGetProperty("attributes", out var a))
        {
            if (a.ValueKind != JsonValueKind.Object)
                throw Problem(path, line, "span \"attributes\" is not an object; expected {\"name\": value, ...}");
            attributes = a.EnumerateObject().ToImmutableDictionary(x => x.Name, x => x.Value.Clone());
        }

        var span = new ExportedSpan(traceId, spanId, parent, name, d.GetDouble(), attributes, line);
        Check(path, line, span);
        return span;
    }

    private static void Check(string path, int line, ExportedSpan span)
    {
        if (!Required.TryGetValue(span.Name, out var required))
            return;
        foreach (var key in required)
        {
            if (span.Text(key) is null or "")
                throw Problem(path, line, $"{span.Name} span has no {key}; expected it to carry {Listed.And(required)}");
        }
        if (span.Name == SummitsTelemetry.MoveSpan)
        {
            foreach (var key in new[] { SummitsTelemetry.ValueBefore, SummitsTelemetry.ValueAfter })
                if (span.Number(key) is null)
                    throw Problem(path, line, $"{span.Name} span has {key} '{span.Text(key)}'; expected a number on the 0-100 scale");
        }
        var outcomes = span.Name switch
        {
            SummitsTelemetry.EvaluateSpan => ResponseOutcomes,
            SummitsTelemetry.AgreementSpan => AgreementOutcomes,
            _ => null,
        };
        if (outcomes is not null && !outcomes.Contains(span.Text(SummitsTelemetry.Outcome)))
            throw Problem(path, line, $"{span.Name} span has {SummitsTelemetry.Outcome} '{span.Text(SummitsTelemetry.Outcome)}'; valid choices: {Listed.Or(outcomes)}");
    }

    private static string RequiredString(string path, int line, JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Problem(path, line, $"span has no \"{name}\"; expected a string");

    private static InputException Problem(string path, int line, string problem) => new(new FilePosition(path, line, 1), problem);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
