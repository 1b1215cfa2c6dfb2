using OpenTelemetry.Exporter;

namespace Summits.Cli.Hosting;

/// <summary>Where one signal (traces, metrics or logs) goes over OTLP: the full address, as the exporter sends to it, and the transport.</summary>
/// <param name="Endpoint">For HTTP, the whole URL of the signal, e.g. <c>http://localhost:4318/v1/traces</c>; for gRPC, the receiver's address.</param>
public sealed record OtlpSignal(Uri Endpoint, OtlpExportProtocol Protocol)
{
    /// <summary>
    /// The signal's address under a base address, as the OpenTelemetry specification defines
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: over HTTP the signal's path (<c>v1/traces</c>) is added to the
    /// base's path; over gRPC the base is the address itself.
    /// </summary>
    public static OtlpSignal UnderBase(Uri baseAddress, OtlpExportProtocol protocol, string signalPath)
    {
        if (protocol != OtlpExportProtocol.HttpProtobuf)
            return new OtlpSignal(baseAddress, protocol);
        var builder = new UriBuilder(baseAddress);
        builder.Path = builder.Path.TrimEnd('/') + "/" + signalPath;
        return new OtlpSignal(builder.Uri, protocol);
    }
}
