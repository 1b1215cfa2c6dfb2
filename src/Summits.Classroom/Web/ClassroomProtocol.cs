using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// SignalR's JSON protocol for the classroom's hub, but for a call whose arguments are not of its method's types: that
/// call is refused in one line that names the argument, the type expected and the value given,
/// <c>Start's argument 'table' must be a whole number, not the text 'two'</c>, as any refusal of the hub is
/// (a <see cref="HubException"/>), rather than with SignalR's own message, which names neither.
/// </summary>
public sealed class ClassroomProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);
    private readonly JsonSerializerOptions _payload = options.Value.PayloadSerializerOptions;

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var unread = input;
        if (!_json.TryParseMessage(ref input, binder, out message))
            return false;
        if (message is InvocationBindingFailureMessage failure && Refusal(failure.Target, unread.Slice(unread.Start, input.Start)) is { } refusal)
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(new HubException(refusal)));
        return true;
    }

    /// <summary>
    /// Why the call <paramref name="raw"/> (one JSON message, with its record separator) cannot be bound to the hub's
    /// method <paramref name="target"/>, in words: the first argument its parameter cannot read, or how many arguments
    /// the method takes. Null where the method is none of the hub's or no argument is at fault, and SignalR's own
    /// message stands.
    /// </summary>
    internal string? Refusal(string target, ReadOnlySequence<byte> raw)
    {
        var method = typeof(ClassroomHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .FirstOrDefault(m => string.Equals(m.Name, target, StringComparison.OrdinalIgnoreCase) && !m.IsSpecialName);
        if (method is null)
            return null;
        var parameters = method.GetParameters();
        var bytes = raw.ToArray().AsSpan().TrimEnd((byte)0x1e);
        using var call = JsonDocument.Parse(bytes.ToArray());
        if (!call.RootElement.TryGetProperty("arguments", out var arguments) || arguments.ValueKind != JsonValueKind.Array)
            return null;
        if (arguments.GetArrayLength() != parameters.Length)
        {
            var given = arguments.GetArrayLength();
            var taken = parameters.Length == 0 ? "" : $", {Listed.And(parameters.Select(p => $"'{p.Name}' ({Expected(p.ParameterType)})"))}";
            return $"{method.Name} takes {Counted.Of(parameters.Length, "argument")}{taken}, and {given.ToString(CultureInfo.InvariantCulture)} {(given == 1 ? "was" : "were")} given";
        }
        foreach (var (argument, parameter) in arguments.EnumerateArray().Zip(parameters))
        {
            try
            {
                argument.Deserialize(parameter.ParameterType, _payload);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
            {
                return $"{method.Name}'s argument '{parameter.Name}' must be {Expected(parameter.ParameterType)}, not {Given(argument)}";
            }
        }
        return null;
    }

    /// <summary>A parameter's type in words: what a page is to send for it.</summary>
    private static string Expected(Type type) =>
        type == typeof(int) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(string) ? "text"
        : typeof(IDictionary<string, string>).IsAssignableFrom(type) ? "an object whose every value is text"
        : $"an object with {Listed.And(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"'{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}'"))}, each text";

    /// <summary>The value a page sent, as a refusal quotes it: its kind, and its first 40 characters.</summary>
    private static string Given(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text '{ClassroomHub.Shown(value.GetString() ?? "")}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Null => "null",
        _ => $"'{ClassroomHub.Shown(value.GetRawText())}'",
    };
}
