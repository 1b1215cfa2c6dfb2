using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>The JSON shape of everything Summits writes: camelCase names, kebab-case enums, scale values and saliences as plain numbers.</summary>
public static class SummitsJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WorldLevelFieldsFirst } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new ScaleValueConverter());
        options.Converters.Add(new SalienceConverter());
        options.Converters.Add(new IntervalConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Puts a <see cref="World"/>'s world-level fields (id, title, about, source, salience, ktab) before its lists
    /// (actors, topics, positions, agreements), as a world file writes them and docs/worlds.md's seed key table lists them.
    /// </summary>
    private static void WorldLevelFieldsFirst(JsonTypeInfo info)
    {
        if (info.Type != typeof(World))
            return;
        foreach (var property in info.Properties)
        {
            if (property.Name is "actors" or "topics" or "positions" or "agreements")
                property.Order = 1;
        }
    }

    private sealed class ScaleValueConverter : JsonConverter<ScaleValue>
    {
        public override ScaleValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, ScaleValue value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    private sealed class SalienceConverter : JsonConverter<Salience>
    {
        public override Salience Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, Salience value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    /// <summary>Writes an interval as <c>[low, high]</c>, the way world files spell it.</summary>
    private sealed class IntervalConverter : JsonConverter<Interval>
    {
        public override Interval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var pair = JsonSerializer.Deserialize<double[]>(ref reader, options) ?? [];
            return pair.Length == 2 ? new Interval(pair[0], pair[1]) : throw new JsonException("an interval is written [low, high]");
        }

        public override void Write(Utf8JsonWriter writer, Interval value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Low);
            writer.WriteNumberValue(value.High);
            writer.WriteEndArray();
        }
    }
}
