using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace Summits.Cli.Telemetry;

/// <summary>
/// An exporter of one signal into the run's shared telemetry file, one OTLP/JSON export request per line,
/// which stays open until the last exporter shuts down. The request's framing (the resource, then each
/// instrumentation scope with its items) is the same for spans, metrics and logs, and is written here.
/// </summary>
public abstract class JsonlExporter<T> : BaseExporter<T> where T : class
{
    protected JsonlExporter(JsonlWriter lines)
    {
        Lines = lines;
        lines.Retain();
    }

    protected JsonlWriter Lines { get; }

    /// <summary>One instrumentation scope of a request (a source, a meter) and its items.</summary>
    protected sealed record Scope(string Name, string? Version, IReadOnlyList<T> Items);

    /// <summary>
    /// Writes one export request as a line from scopes already grouped; nothing when there are none.
    /// Only for items that stay valid after the batch has moved on (spans, metrics), see <see cref="BeginRequest"/>.
    /// </summary>
    protected ExportResult WriteRequest(string resources, string scopes, string items, IReadOnlyList<Scope> content, Action<Utf8JsonWriter, T> writeItem)
    {
        if (content.Count == 0)
            return ExportResult.Success;
        using var request = BeginRequest(resources, scopes, items);
        foreach (var scope in content)
        {
            request.Scope(scope.Name, scope.Version);
            foreach (var item in scope.Items)
                writeItem(request.Json, item);
        }
        return ExportResult.Success;
    }

    /// <summary>
    /// Starts one export request, <c>{"RESOURCES":[{"resource":…,"SCOPES":[{"scope":…,"ITEMS":[…]},…]}]}</c>:
    /// open each scope with <see cref="Request.Scope"/>, write its items to <see cref="Request.Json"/>; disposing
    /// the request closes it and appends the line.
    /// </summary>
    /// <param name="resources">The request's top-level field: <c>resourceSpans</c>, <c>resourceMetrics</c> or <c>resourceLogs</c>.</param>
    /// <param name="scopes">Its per-scope field: <c>scopeSpans</c>, <c>scopeMetrics</c> or <c>scopeLogs</c>.</param>
    /// <param name="items">Each scope's list: <c>spans</c>, <c>metrics</c> or <c>logRecords</c>.</param>
    protected Request BeginRequest(string resources, string scopes, string items) =>
        new(Lines.Begin(), ParentProvider?.GetResource(), resources, scopes, items);

    /// <summary>An export request being written as one line of the file.</summary>
    protected sealed class Request : IDisposable
    {
        private readonly JsonlBatch _line;
        private readonly string _items;
        private bool _inScope;

        internal Request(JsonlBatch line, Resource? resource, string resources, string scopes, string items)
        {
            _line = line;
            _items = items;
            Json.WriteStartObject();
            Json.WriteStartArray(resources);
            Json.WriteStartObject();
            OtlpJson.WriteResource(Json, resource);
            Json.WriteStartArray(scopes);
        }

        public Utf8JsonWriter Json => _line.Json;

        /// <summary>Closes the scope being written, if any, and opens the next.</summary>
        public void Scope(string name, string? version)
        {
            EndScope();
            Json.WriteStartObject();
            OtlpJson.WriteScope(Json, name, version);
            Json.WriteStartArray(_items);
            _inScope = true;
        }

        public void Dispose()
        {
            EndScope();
            Json.WriteEndArray();
            Json.WriteEndObject();
            Json.WriteEndArray();
            Json.WriteEndObject();
            _line.EndLine();
            _line.Dispose();
        }

        private void EndScope()
        {
            if (!_inScope)
                return;
            Json.WriteEndArray();
            Json.WriteEndObject();
            _inScope = false;
        }
    }

    /// <summary>The batch's items, in order.</summary>
    protected static List<T> Collect(in Batch<T> batch)
    {
        var all = new List<T>();
        foreach (var item in batch)
            all.Add(item);
        return all;
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        Lines.Release();
        return true;
    }
}
