using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Summits.Cli.Telemetry;

/// <summary>Lines being written for one export batch: write an object to <see cref="Json"/>, then <see cref="EndLine"/>.</summary>
public sealed class JsonlBatch : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonlWriter _target;
    private readonly ArrayBufferWriter<byte> _buffer = new();

    internal JsonlBatch(JsonlWriter target)
    {
        _target = target;
        Json = new Utf8JsonWriter(_buffer, Options);
    }

    public Utf8JsonWriter Json { get; }

    public void EndLine()
    {
        Json.Flush();
        _buffer.Write("\n"u8);
        Json.Reset();
    }

    public void Dispose()
    {
        Json.Dispose();
        _target.Append(_buffer.WrittenSpan);
    }
}
