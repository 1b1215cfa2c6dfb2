using OpenTelemetry;

namespace Summits.Cli.Telemetry;

/// <summary>An exporter of one signal into the run's shared telemetry file, one line per export, which stays open until the last exporter shuts down.</summary>
public abstract class JsonlExporter<T> : BaseExporter<T> where T : class
{
    protected JsonlExporter(JsonlWriter lines)
    {
        Lines = lines;
        lines.Retain();
    }

    protected JsonlWriter Lines { get; }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        Lines.Release();
        return true;
    }
}
