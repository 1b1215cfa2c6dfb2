using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Summits.Cli.Analysis;

/// <summary>A span read back from a JSONL export: the parts analysis needs, and where in the file it was.</summary>
public sealed record ExportedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    double DurationMs,
    ImmutableDictionary<string, JsonElement> Attributes,
    int Line)
{
    public string? Text(string key) => Attributes.TryGetValue(key, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    } : null;

    /// <summary>A number, whether the exporter wrote it as a JSON number or as text.</summary>
    public double? Number(string key)
    {
        if (!Attributes.TryGetValue(key, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Number)
            return value.GetDouble();
        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>The ids in a comma-separated attribute (a package deal names several topics).</summary>
    public IEnumerable<string> List(string key) =>
        (Text(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
