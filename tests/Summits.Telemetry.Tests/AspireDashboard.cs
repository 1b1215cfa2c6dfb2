using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Summits.Hosting;

namespace Summits.Telemetry.Tests;

/// <summary>
/// The standalone Aspire Dashboard from the <c>Aspire.Dashboard.Sdk.linux-x64</c> package, started on
/// loopback ports with unsecured frontend, OTLP and telemetry API, and killed with its process tree on dispose.
/// </summary>
public sealed class AspireDashboard : IAsyncLifetime
{
    private static readonly TimeSpan Readiness = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri Frontend { get; private set; } = null!;
    public Uri OtlpGrpc { get; private set; } = null!;
    public Uri OtlpHttp { get; private set; } = null!;
    public HttpClient Api { get; } = new();

    public static string ExecutablePath =>
        typeof(AspireDashboard).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AspireDashboardPath").Value!;

    public async Task InitializeAsync()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
            throw new InvalidOperationException($"The Aspire Dashboard is not at {path}: restoring this test project downloads the package Aspire.Dashboard.Sdk.linux-x64 13.6.5, which ships it under tools/.");

        Frontend = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        OtlpGrpc = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        OtlpHttp = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        Api.BaseAddress = Frontend;

        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in Settings(Frontend, OtlpGrpc, OtlpHttp))
            start.Environment[name] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + Readiness;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The Aspire Dashboard exited with code {_process.ExitCode} before it was ready:\n{Log}");
            try
            {
                using var health = await Api.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The Aspire Dashboard did not answer {Frontend}health within {Readiness.TotalSeconds} s:\n{Log}");
            await Task.Delay(200);
        }
    }

    /// <summary>The settings that make the dashboard a local, unsecured receiver whose telemetry API can be read.</summary>
    public static IReadOnlyDictionary<string, string> Settings(Uri frontend, Uri otlpGrpc, Uri otlpHttp) => new Dictionary<string, string>
    {
        ["ASPNETCORE_URLS"] = frontend.ToString(),
        ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = otlpGrpc.ToString(),
        ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = otlpHttp.ToString(),
        ["DASHBOARD__FRONTEND__AUTHMODE"] = "Unsecured",
        ["DASHBOARD__OTLP__AUTHMODE"] = "Unsecured",
        ["DASHBOARD__API__ENABLED"] = "true",
        ["DASHBOARD__API__AUTHMODE"] = "Unsecured",
    };

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>
    /// Waits, bounded, for a trace whose resource carries <paramref name="runAttribute"/> = <paramref name="run"/>
    /// and that holds a span named <paramref name="spanName"/>; returns its trace id.
    /// </summary>
    public async Task<string> WaitForTraceAsync(string runAttribute, string run, string spanName)
    {
        var deadline = DateTime.UtcNow + Readiness;
        while (true)
        {
            using var traces = JsonDocument.Parse(await Api.GetStringAsync("/api/telemetry/traces"));
            var found = OtlpSpans(traces.RootElement)
                .FirstOrDefault(s => s.Resource.GetValueOrDefault(runAttribute) == run && s.Name == spanName);
            if (found is not null)
                return found.TraceId;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No {spanName} span from run {run} reached the dashboard within {Readiness.TotalSeconds} s:\n{Log}");
            await Task.Delay(200);
        }
    }

    /// <summary>The spans of an OTLP/JSON document, as the dashboard's telemetry API returns them.</summary>
    public static IEnumerable<OtlpSpan> OtlpSpans(JsonElement root)
    {
        foreach (var resourceSpans in root.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var resource = resourceSpans.TryGetProperty("resource", out var r) ? Attributes(r) : [];
            foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                var scope = scopeSpans.GetProperty("scope").GetProperty("name").GetString()!;
                foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                {
                    yield return new OtlpSpan(
                        span.GetProperty("traceId").GetString()!,
                        span.GetProperty("spanId").GetString()!,
                        span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null,
                        span.GetProperty("name").GetString()!,
                        span.GetProperty("kind").GetInt32(),
                        scope,
                        Attributes(span),
                        resource);
                }
            }
        }
    }

    public static Dictionary<string, string?> Attributes(JsonElement owner) =>
        owner.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().ToDictionary(
                a => a.GetProperty("key").GetString()!,
                a => (string?)a.GetProperty("value").EnumerateObject().FirstOrDefault().Value.ToString())
            : [];

    public async Task DisposeAsync()
    {
        Api.Dispose();
        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }
}

/// <summary>A span read back from the dashboard. <paramref name="Kind"/> is the OTLP number: 1 internal, 2 server, 3 client.</summary>
public sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    string Scope,
    Dictionary<string, string?> Attributes,
    Dictionary<string, string?> Resource);
