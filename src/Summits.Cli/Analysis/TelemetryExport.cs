using System.Collections.Immutable;
using System.Text.Json;
using Summits.Grains;
using Summits.Scenarios;

namespace Summits.Cli.Analysis;

/// <summary>
/// Reads JSONL telemetry exports (one or several files, for example one per silo of a cluster) and keeps
/// each span once, however many files carry it. Metric and log lines are checked, then left aside.
/// </summary>
public static class TelemetryExport
{
    private static readonly string[] Types = ["span", "metric", "log"];

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

    /// <exception cref="InputException">A line is not a record of a Summits export.</exception>
    public static ImmutableArray<ExportedSpan> Read(IEnumerable<string> paths)
    {
        var spans = new Dictionary<(string, string), ExportedSpan>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new InputException(new FilePosition(path, 1, 1), "no such file; expected a JSONL file written by 'summits ... --telemetry FILE.jsonl'");
            var line = 0;
            foreach (var text in File.ReadLines(path))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                    continue;
                if (ReadLine(path, line, text) is { } span)
                    spans.TryAdd((span.TraceId, span.SpanId), span);
            }
        }
        return [.. spans.Values];
    }

    private static ExportedSpan? ReadLine(string path, int line, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException(new FilePosition(path, line, (int)(e.BytePositionInLine ?? 0) + 1),
                $"not valid JSON ({FirstSentence(e.Message)}); expected one JSON object a line");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Problem(path, line, $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected one JSON object a line");
            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is null || !Types.Contains(type))
                throw Problem(path, line, $"\"type\" is {(type is null ? "missing" : $"'{type}'")}; valid choices: {string.Join(", ", Types)}");
            return type == "span" ? ReadSpan(path, line, root) : null;
        }
    }

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
                throw Problem(path, line, $"{span.Name} span has no {key}; expected it to carry {string.Join(", ", required)}");
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
            throw Problem(path, line, $"{span.Name} span has {SummitsTelemetry.Outcome} '{span.Text(SummitsTelemetry.Outcome)}'; valid choices: {string.Join(", ", outcomes)}");
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
