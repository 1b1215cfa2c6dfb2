using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Turns a YAML file into the JSON a schema checks, the way an editor's YAML support reads it: plain
/// scalars that spell numbers, true/false or null become those; quoted scalars stay strings.
/// </summary>
public static class YamlJson
{
    public static JsonElement Convert(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return JsonSerializer.SerializeToElement(Node(stream.Documents[0].RootNode));
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Node(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Node)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
            return JsonValue.Create(text);
        if (text is "" or "~" or "null")
            return null;
        if (text is "true" or "false")
            return JsonValue.Create(text == "true");
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
            return JsonValue.Create(whole);
        if (ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var large))
            return JsonValue.Create(large);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
